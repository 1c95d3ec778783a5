import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { HTTP_STATUS } from '../src/api/errors.js';
import type { RefreshController } from '../src/domain/refresh.js';
import { buildBulk } from '../src/query/bulk/build.js';
import { versionDir } from '../src/query/bulk/files.js';
import { dataVersion } from '../src/store/read-sources.js';
import { apiFixture, type ApiFixture } from './api-fixture.js';
import { DB_TARGETS } from './databases.js';
import { operationArb, validRequestArb, type FuzzRequest, type Operation, type Vocabulary } from './fuzz-requests.js';

/**
 * Property-based fuzzing of every operation in the committed openapi.json: requests with valid,
 * edge and hostile values (fast-check, fixed seed) are sent to an app over real JHU and WHO data.
 * Whatever the request, the API never answers 5xx, every 4xx is the coded error body with the
 * status the registry gives its code, and every JSON 2xx matches the operation's response schema.
 */
const SEED = 20_261_206;
const ADMIN_TOKEN = 'fuzz-admin-token-0123456789';
// Per operation and database: this many requests of every kind (valid, edge, hostile)…
const PER_OPERATION = 16;
// …then valid requests until one gets a 2xx to check: a blind sample of 800 requests over all
// operations left the forecast without one, and 2000 per database cost two minutes of the suite.
const MAX_VALID_TRIES = 60;

const doc = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation & { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: object;
};
const operations: (Operation & { key: string })[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ ...op, path, method: method.toUpperCase(), key: `${method.toUpperCase()} ${path}` })),
);

// OpenAPI 3.1 schemas are JSON Schema 2020-12; unknown OpenAPI keywords (e.g. `example`) are not errors.
const ajv = new Ajv2020({ strict: false, allErrors: false });
(formats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: 'openapi.json', components: doc.components });
const validators = new Map<string, ReturnType<Ajv2020['compile']> | null>();
/** The validator of an operation's JSON response with this status (null: the document gives no JSON schema for it). */
function responseValidator(op: (typeof operations)[number], status: number) {
  const key = `${op.key} ${status}`;
  if (!validators.has(key)) {
    const schema = doc.paths[op.path][op.method.toLowerCase()].responses[String(status)]?.content?.['application/json']?.schema;
    // '#/components/…' in an operation's schema points into the document's root.
    const rooted = schema && JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'));
    validators.set(key, rooted ? ajv.compile(rooted) : null);
  }
  return validators.get(key)!;
}

interface Failure {
  request: string;
  status: number;
  problem: string;
}

/** What is wrong with the answer to one request (undefined: nothing). */
function check(req: FuzzRequest, op: (typeof operations)[number] | undefined, status: number, contentType: string, body: string): string | undefined {
  if (status >= 500) return `server error: ${body.slice(0, 300)}`;
  if (req.method === 'HEAD' || status === 204 || status === 304) return undefined;
  if (status >= 400) {
    let parsed: { error?: { code?: string; message?: unknown } };
    try {
      parsed = JSON.parse(body);
    } catch {
      return `uncoded ${status}: ${body.slice(0, 200)}`;
    }
    const code = parsed.error?.code;
    if (!code || !(code in HTTP_STATUS)) return `code not in the registry: ${body.slice(0, 200)}`;
    if (HTTP_STATUS[code as keyof typeof HTTP_STATUS] !== status) return `${code} sent with ${status}, registry says ${HTTP_STATUS[code as keyof typeof HTTP_STATUS]}`;
    if (typeof parsed.error?.message !== 'string' || !parsed.error.message) return `no message: ${body.slice(0, 200)}`;
    return undefined;
  }
  if (!op) return `${status} for a request to no operation`;
  if (!contentType.startsWith('application/json')) return undefined;
  if (!(String(status) in doc.paths[op.path][op.method.toLowerCase()].responses)) return `${status} is not a documented answer`;
  const validate = responseValidator(op, status);
  if (validate && !validate(JSON.parse(body))) return `2xx body does not match the schema: ${ajv.errorsText(validate.errors).slice(0, 300)}`;
  return undefined;
}

describe.each(DB_TARGETS)('fuzzing every operation of openapi.json on %s', (target) => {
  let f: ApiFixture;
  let app: App;
  let vocabulary: Vocabulary;
  let bulkRoot: string;
  beforeAll(async () => {
    f = await apiFixture(target, { research: true });
    // Bulk files of the small tables only (the documented example file is sources.csv.gz): seconds, not the whole build.
    bulkRoot = await mkdtemp(path.join(tmpdir(), 'glacier-fuzz-bulk-'));
    await buildBulk({ db: f.t.db, dir: versionDir(bulkRoot, await dataVersion(f.t.db)), asOf: null, formats: ['parquet', 'csv'], tables: ['sources', 'locations'], clock: () => new Date() });
    const metrics = (await f.app.inject('/v1/metrics')).json().data.map((m: { id: string }) => m.id);
    const sources = (await f.app.inject('/v1/sources')).json().data.map((s: { id: string }) => s.id);
    vocabulary = { metrics, sources, adminToken: ADMIN_TOKEN };
    // The fixture's app without its admin route: this one has it, with a refresh that only says it started (or is busy).
    let started = 0;
    const refresh: RefreshController = {
      sourceIds: sources,
      trigger: (ids, trigger) => (++started % 3 === 0 ? null : { id: started, sources: ids, trigger, startedAt: new Date().toISOString() }),
      running: () => null,
    };
    app = await buildApp({ db: f.t.db, versionTtlMs: 0, admin: { token: ADMIN_TOKEN, refresh }, bulkRoot });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await f?.close();
    if (bulkRoot) await rm(bulkRoot, { recursive: true, force: true });
  });

  it(`answers ${PER_OPERATION} generated requests per operation (and valid ones until a 2xx) without a 5xx, with coded 4xx and schema-valid 2xx`, async () => {
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    const ok = new Map<string, number>();
    let sent = 0;
    const started = Date.now();
    const send = async (req: FuzzRequest, op: (typeof operations)[number]) => {
      const res = await app.inject({ method: req.method, url: req.url, headers: req.headers, payload: req.payload });
      sent++;
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 200 && res.statusCode < 300 && res.statusCode !== 204 && req.method !== 'HEAD') ok.set(op.key, (ok.get(op.key) ?? 0) + 1);
      const problem = check(req, op, res.statusCode, String(res.headers['content-type'] ?? ''), res.body);
      if (problem) failures.push({ request: `${req.method} ${req.url.slice(0, 200)}${req.payload ? ` ${String(req.payload).slice(0, 200)}` : ''}`, status: res.statusCode, problem });
    };
    // Each database gets its own sample (fixed seeds), so the run checks twice as many distinct requests.
    const targetSeed = SEED + (target === 'pglite' ? 0 : 1000);
    for (const [i, op] of operations.entries()) {
      for (const req of fc.sample(operationArb(op, vocabulary), { seed: targetSeed + i, numRuns: PER_OPERATION })) await send(req, op);
      if (ok.has(op.key)) continue;
      for (const req of fc.sample(validRequestArb(op, vocabulary), { seed: targetSeed + i, numRuns: MAX_VALID_TRIES })) {
        await send(req, op);
        if (ok.has(op.key)) break;
      }
    }
    const summary = { ms: Date.now() - started, sent, statuses: Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])) };
    process.stdout.write(`fuzz on ${target}: ${JSON.stringify(summary)}\n`);
    expect(failures.slice(0, 30)).toEqual([]);
    for (const op of operations) expect(ok.get(op.key) ?? 0, `${op.key}: no 2xx answer was checked`).toBeGreaterThan(0);
    // Valid requests are about half of each sample, and most of them are answered.
    expect([...ok.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(sent / 4);
  }, 300_000);
});
