import type { FastifyRequest } from 'fastify';
import { QueryError } from '../query/errors.js';

/** C0 control characters and DEL: no key, date, id or search term holds one, and PostgreSQL rejects NUL in text. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Refuses, before validation and before any handler, what the schemas cannot express: a control
 * character (e.g. a NUL byte) in a path or query value or name, and a query parameter given more
 * than once. Repeated parameters are an error rather than "the first" or "the last" so that
 * `?metric=a&metric=b` never silently answers for one metric: several values are comma-separated.
 */
export async function guardInput(req: FastifyRequest): Promise<void> {
  for (const [name, value] of Object.entries((req.params ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' && CONTROL.test(value)) throw controlError(name === '*' ? 'path' : name);
  }
  for (const [name, value] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
    if (CONTROL.test(name)) throw controlError(name);
    if (Array.isArray(value)) {
      throw new QueryError('ERR_BAD_PARAMETER', `${name}: given ${value.length} times; give it once (several values are comma-separated, e.g. location=DE,FR)`, name);
    }
    if (typeof value === 'string' && CONTROL.test(value)) throw controlError(name);
  }
}

function controlError(parameter: string): QueryError {
  return new QueryError('ERR_BAD_PARAMETER', `${JSON.stringify(parameter)}: contains a control character (e.g. a NUL byte)`, parameter);
}

/**
 * After validation: a number that is not finite (`1e309`, `Infinity`) in the query, path or body
 * is refused naming where it is. Ajv's type coercion turns "1e309" into Infinity and lets it past
 * `maximum`, and JSON.parse reads 1e309 as Infinity, so the schemas alone cannot keep it out.
 */
export async function rejectNonFinite(req: FastifyRequest): Promise<void> {
  for (const value of [req.params, req.query, req.body]) {
    const at = nonFiniteAt(value, '');
    if (at !== undefined) throw new QueryError('ERR_BAD_PARAMETER', `${at || 'body'}: must be a finite number`, at || 'body');
  }
}

/**
 * The path ("patches[1].population") of the first non-finite number in a parsed value. Iterative:
 * a body of 5,000 nested arrays must not overflow the stack.
 */
function nonFiniteAt(root: unknown, rootPath: string): string | undefined {
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return path;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`]);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value).reverse()) stack.push([v, path ? `${path}.${k}` : k]);
    }
  }
  return undefined;
}
