import { Type, type Static } from 'typebox';
import { IsoDate, Level, MissingReasonSchema, Nullable } from '../query/schema-primitives.js';
import { API_ERRORS } from './errors.js';

export { IsoDate, Level, MissingReasonSchema, Nullable };

/**
 * Schemas written once: they validate requests, type handlers and document /openapi.json. This file
 * holds what every resource shares (the error body, formats, primitives); each resource's schemas
 * are in schemas-<resource>.ts.
 */

/** A string parameter or field taking one of `values`. */
export const enumOf = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

/** A yes/no query parameter, written true or false. */
export const BoolText = (description: string) => Type.Unsafe<'true' | 'false'>({ type: 'string', enum: ['true', 'false'], description });

/** A BoolText parameter's value: true, false, or null when it is not given. */
export const boolParam = (v: 'true' | 'false' | undefined): boolean | null => (v === undefined ? null : v === 'true');

export const Format = Type.Unsafe<'json' | 'csv' | 'jsonl'>({ type: 'string', enum: ['json', 'csv', 'jsonl'], default: 'json', description: 'json (default), csv (long format with a header) or jsonl (one JSON object per line)' });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.Unsafe<string>({ type: 'string', enum: Object.keys(API_ERRORS) }),
      message: Type.String(),
      parameter: Type.Optional(Type.String({ description: 'The query parameter at fault, when there is one' })),
    }),
  },
  { $id: 'Error', description: 'Every error has this shape; codes are listed in docs/api.md' },
);

export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, Type.Ref('Error')]));

