import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import AjvDraft04Module from 'ajv-draft-04';
import formats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { buildBulk, type BuildResult } from '../src/query/bulk/build.js';
import { createBulkBuilder } from '../src/query/bulk/builder.js';
import { csvFromColumns } from '../src/query/bulk/csv-columns.js';
import { isEncoded } from '../src/query/bulk/fields.js';
import { builtVersions, bulkRoot, pruneBulk, versionDir } from '../src/query/bulk/files.js';
import { columnValues } from '../src/query/bulk/parquet-encode.js';
import { BULK_TABLES } from '../src/query/bulk/tables.js';
import { wireValues } from '../src/query/bulk/wire-columns.js';
import { rankedByPair, servedRows, servedSeries } from '../src/query/series.js';
import { csvLine } from '../src/lib/csv-write.js';
import { dataVersion } from '../src/store/read-sources.js';
import { apiFixture, readCsv, type ApiFixture } from './api-fixture.js';
import { DB_TARGETS } from './databases.js';

/**
 * Bulk files on both databases: built from the API fixture (JHU global and US subset, WHO), read
 * back with DuckDB's read_parquet (an independent reader) and compared with what /v1/series
 * answers as CSV; datapackage.json validated against the published Frictionless profile; files
 * served with ranges, ETags and coded errors.
 */

const require = createRequire(import.meta.url);
// A CommonJS module whose class is its default export: under NodeNext it arrives as `.default`.
const AjvDraft04 = AjvDraft04Module.default;
// The Frictionless profiles as the frictionlessdata/datapackage-js package ships them (JSON Schema draft-04).
const TABULAR_PACKAGE_PROFILE = JSON.parse(await readFile(require.resolve('datapackage/lib/profiles/tabular-data-package.json'), 'utf8'));

const LOCATIONS = ['DE', 'FR', 'US_CA', 'US_NY', 'AU'];
const METRICS = ['confirmed', 'deaths'];

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** DuckDB rows as the API's CSV cells: dates YYYY-MM-DD, lists joined with ';', null as ''. */
function asCsvCells(row: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === null || v === undefined) out[k] = '';
    else if (Array.isArray(v)) out[k] = v.join(';');
    else out[k] = String(v);
  }
  return out;
}

async function duck(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const r = await conn.runAndReadAll(sql);
  return r.getRowObjectsJson() as Record<string, unknown>[];
}

describe.each(DB_TARGETS)('bulk files on %s', (target) => {
  let f: ApiFixture;
  let app: App;
  let dataDir: string;
  let built: BuildResult;
  let conn: DuckDBConnection;
  let dir: string;

  // What the server-side builders did in beforeAll (their own test below): the one build the suite reads.
  let builders: { results: (BuildResult | null)[]; again: BuildResult | null; versions: number[] };

  beforeAll(async () => {
    f = await apiFixture(target);
    dataDir = await mkdtemp(path.join(tmpdir(), 'glacier-bulk-'));
    dir = versionDir(bulkRoot(dataDir), await dataVersion(f.t.db));
    // The files are built by the server's builder (as `glacier serve` builds them): two builders
    // over the same folder (two server processes), then a second call. One build serves every test.
    const quiet = { info() {}, error() {} };
    const a = createBulkBuilder({ db: f.t.db, dataDir, clock: () => new Date('2026-12-06T12:00:00Z'), log: quiet });
    const b = createBulkBuilder({ db: f.t.db, dataDir, clock: () => new Date('2026-12-06T12:00:00Z'), log: quiet });
    const results = await Promise.all([a.ensure(), b.ensure()]);
    builders = { results, again: await a.ensure(), versions: await builtVersions(bulkRoot(dataDir)) };
    const complete = results.find((r) => r?.complete === true);
    if (!complete) throw new Error('neither builder built the bulk files');
    built = complete;
    app = await buildApp({ db: f.t.db, versionTtlMs: 0, bulkRoot: bulkRoot(dataDir) });
    conn = await (await DuckDBInstance.create(':memory:')).connect();
  }, 600_000);
  afterAll(async () => {
    conn?.closeSync();
    await app?.close();
    await f?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lists every table as Parquet and gzip CSV for the current data version', async () => {
    const res = await app.inject('/v1/bulk');
    expect(res.statusCode).toBe(200);
    const listing = res.json();
    expect(listing.status).toBe('ready');
    expect(listing.files_version).toBe(listing.data_version);
    const names = listing.files.map((x: { name: string }) => x.name);
    for (const table of ['series', 'series-by-source', 'locations', 'sources', 'anomalies', 'cases', 'papers', 'sequences', 'images']) {
      expect(names).toContain(`${table}.parquet`);
      expect(names).toContain(`${table}.csv.gz`);
    }
    expect(listing.datapackage).toBe('/v1/bulk/datapackage.json');
  });

  it('each Parquet file and its gzip CSV twin read back in DuckDB with the rows of the listing', async () => {
    const listing = (await app.inject('/v1/bulk')).json();
    for (const file of listing.files.filter((x: { format: string }) => x.format === 'parquet')) {
      const [{ n }] = await duck(conn, `SELECT count(*)::INTEGER AS n FROM read_parquet('${path.join(dir, file.name)}')`);
      const [{ m }] = await duck(conn, `SELECT count(*)::INTEGER AS m FROM read_csv('${path.join(dir, `${file.table}.csv.gz`)}', header = true, all_varchar = true)`);
      expect(n, file.name).toBe(file.rows);
      expect(m, file.name).toBe(file.rows);
    }
    // Each table's primary key is unique (no row written twice across pages).
    const descriptor = (await app.inject('/v1/bulk/datapackage.json')).json();
    for (const r of descriptor.resources.filter((x: { format: string }) => x.format === 'parquet')) {
      const key = r.schema.primaryKey.join(', ');
      const [{ dup }] = await duck(conn, `SELECT count(*)::INTEGER AS dup FROM (SELECT ${key} FROM read_parquet('${path.join(dir, r.path)}') GROUP BY ${key} HAVING count(*) > 1)`);
      expect(dup, r.path).toBe(0);
    }
    // The long table is big enough to mean something: every JHU/WHO country and the US states.
    const series = listing.files.find((x: { name: string }) => x.name === 'series.parquet');
    expect(series.rows).toBeGreaterThan(100_000);
  });

  it('is typed: dates as DATE, flags as a list of strings, values as doubles', async () => {
    const types = Object.fromEntries(
      (await duck(conn, `DESCRIBE SELECT * FROM read_parquet('${path.join(dir, 'series.parquet')}')`)).map((r) => [r.column_name, r.column_type]),
    );
    expect(types).toMatchObject({ location: 'VARCHAR', date: 'DATE', metric: 'VARCHAR', value: 'DOUBLE', derived: 'BOOLEAN', issue: 'DATE', flags: 'VARCHAR[]' });
  });

  it('JSON columns hold JSON objects, not the JSON text as a string', async () => {
    // hyparquet-writer stringifies a JSON column's values: given the store's text it wrote "\"{…}\"".
    const kinds = await duck(
      conn,
      `SELECT json_type(detail) AS kind, count(*)::INTEGER AS n FROM read_parquet('${path.join(dir, 'anomalies.parquet')}') WHERE detail IS NOT NULL GROUP BY 1`,
    );
    expect(kinds.map((k) => k.kind)).toEqual(['OBJECT']);
    expect(kinds[0].n).toBeGreaterThan(0);
  });

  it('the default series in Parquet are the rows /v1/series answers as CSV', async () => {
    const res = await app.inject(`/v1/series?location=${LOCATIONS.join(',')}&metric=${METRICS.join(',')}&format=csv`);
    expect(res.statusCode).toBe(200);
    const api = readCsv(res.body);
    expect(api.length).toBeGreaterThan(1000);
    const parquet = (
      await duck(
        conn,
        `SELECT location, strftime(date, '%Y-%m-%d') AS date, metric, value, missing_reason, source, derived, strftime(issue, '%Y-%m-%d') AS issue, flags
         FROM read_parquet('${path.join(dir, 'series.parquet')}')
         WHERE location IN (${LOCATIONS.map((l) => `'${l}'`).join(',')}) AND metric IN (${METRICS.map((m) => `'${m}'`).join(',')})`,
      )
    ).map(asCsvCells);
    const key = (r: Record<string, string>) => `${r.location}|${r.metric}|${r.date}`;
    const sort = (rows: Record<string, string>[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(sort(parquet)).toEqual(sort(api));
    // Some flagged and some missing days are in the comparison, so both columns were compared with content.
    expect(api.some((r) => r.flags !== '')).toBe(true);
    expect(api.some((r) => r.missing_reason !== '')).toBe(true);
  });

  it("one source's series in the bulk CSV and Parquet are the rows /v1/series?source= answers", async () => {
    const api = readCsv((await app.inject(`/v1/series?location=${LOCATIONS.join(',')}&metric=${METRICS.join(',')}&source=who&format=csv`)).body);
    expect(api.length).toBeGreaterThan(100);
    // The bulk CSV read by DuckDB as text (empty cell = NULL = ''), the API's by the test's own reader.
    const csv = (
      await duck(
        conn,
        `SELECT * FROM read_csv('${path.join(dir, 'series-by-source.csv.gz')}', header = true, all_varchar = true)
         WHERE source = 'who' AND location IN (${LOCATIONS.map((l) => `'${l}'`).join(',')}) AND metric IN (${METRICS.map((m) => `'${m}'`).join(',')})`,
      )
    ).map(asCsvCells);
    const key = (r: Record<string, string>) => `${r.location}|${r.metric}|${r.date}`;
    const sort = (rows: Record<string, string>[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(sort(csv)).toEqual(sort(api));
    const [{ n }] = await duck(
      conn,
      `SELECT count(*)::INTEGER AS n FROM read_parquet('${path.join(dir, 'series-by-source.parquet')}')
       WHERE source = 'who' AND location IN (${LOCATIONS.map((l) => `'${l}'`).join(',')}) AND metric IN (${METRICS.map((m) => `'${m}'`).join(',')})`,
    );
    expect(n).toBe(api.length);
  });

  it('an export as of a date holds the series as /v1/series?as_of= answers them', async () => {
    const asOfDir = path.join(dataDir, 'as-of');
    const r = await buildBulk({ db: f.t.db, dir: asOfDir, asOf: '2020-12-31', formats: ['parquet'], tables: ['series'], clock: () => new Date() });
    expect(r.files.map((x) => x.path)).toEqual(['series.parquet']);
    const api = readCsv((await app.inject(`/v1/series?location=${LOCATIONS.join(',')}&metric=${METRICS.join(',')}&as_of=2020-12-31&format=csv`)).body);
    expect(api.length).toBeGreaterThan(500);
    const parquet = (
      await duck(
        conn,
        `SELECT location, strftime(date, '%Y-%m-%d') AS date, metric, value, missing_reason, source, derived, strftime(issue, '%Y-%m-%d') AS issue, flags
         FROM read_parquet('${path.join(asOfDir, 'series.parquet')}')
         WHERE location IN (${LOCATIONS.map((l) => `'${l}'`).join(',')}) AND metric IN (${METRICS.map((m) => `'${m}'`).join(',')})`,
      )
    ).map(asCsvCells);
    const key = (x: Record<string, string>) => `${x.location}|${x.metric}|${x.date}`;
    const sort = (rows: Record<string, string>[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(sort(parquet)).toEqual(sort(api));
    // Nothing published after the date is in it.
    expect(parquet.every((x) => x.issue === '' || x.issue <= '2020-12-31')).toBe(true);
  });

  it('the long table, written column-wise, is the rows the row path gives: the same CSV bytes and Parquet values, now and as of a date', async () => {
    const series = BULK_TABLES.find((t) => t.name === 'series')!;
    /** The row path: the API's row objects (servedRows) of every pair the default reading serves. */
    const rowPath = async (asOf: string | null) => {
      const refs = (
        await f.t.db.query<{ id: number; location_key: string; metric: string; source_id: string; derived: boolean; rank: number }>(
          'SELECT s.id, r.location_key, r.metric, s.source_id, s.derived, r.rank FROM series_rank r JOIN series s ON s.id = r.series_id ORDER BY r.location_key, r.metric, r.rank',
        )
      ).map((r) => ({ seriesId: r.id, location: r.location_key, metric: r.metric, source: r.source_id, derived: r.derived, rank: r.rank }));
      const ranked = rankedByPair(refs);
      const pairs = [...ranked.values()].map(([r]) => ({ location: r.location, metric: r.metric }));
      const request = { locations: [], metrics: [], from: null, to: null, asOf, transform: 'cumulative' as const, source: 'best', excludeAnomalies: false };
      const rows: Record<string, unknown>[] = [];
      for await (const s of servedSeries(f.t.db, { request, ranked, populations: new Map(), pairs })) rows.push(...servedRows(s));
      return { rows, csv: rows.map((r) => csvLine(series.fields.map((x) => r[x.name]))).join('') };
    };
    // Now: the gzip CSV the build wrote (after its header line) is the row path's text.
    const now = await rowPath(null);
    expect(now.rows.length).toBeGreaterThan(100_000);
    const file = gunzipSync(await readFile(path.join(dir, 'series.csv.gz'))).toString('utf8');
    expect(file.slice(file.indexOf('\r\n') + 2) === now.csv, 'series.csv.gz is the row path\'s CSV').toBe(true);
    // Flags, missing days and derived totals are among the rows compared.
    expect(now.rows.some((r) => (r.flags as string[]).length > 0) && now.rows.some((r) => r.missing_reason !== null) && now.rows.some((r) => r.derived === true)).toBe(true);

    // As of a date: the table's pages, both formats, against the row path.
    const asOf = '2020-12-31';
    const csvPages: Uint8Array[] = [];
    const columns: unknown[][] = series.fields.map(() => []);
    for await (const page of series.rows({ db: f.t.db, asOf, tick: async () => {} })) {
      if (!isEncoded(page)) throw new Error('the long table yields encoded pages');
      // The CSV worker's lines of the page (csv-worker.ts writes csvFromColumns of what it is sent).
      csvPages.push(csvFromColumns(series.fields, page.columns));
      page.columns.forEach((c, j) => {
        for (const v of wireValues(c)) columns[j].push(v);
      });
    }
    const then = await rowPath(asOf);
    expect(then.rows.length).toBeGreaterThan(50_000);
    expect(Buffer.concat(csvPages).toString('utf8') === then.csv, `CSV bytes as of ${asOf}`).toBe(true);
    // As JSON text: a deep toEqual of 9 columns of ~10^5 values took most of the test's time.
    series.fields.forEach((field, j) => expect(JSON.stringify(columns[j]) === JSON.stringify(wireValues(columnValues(field, then.rows))), `${field.name} as of ${asOf}`).toBe(true));
  });

  it('datapackage.json is a valid Tabular Data Package whose sizes, hashes and licences match the files', async () => {
    const res = await app.inject('/v1/bulk/datapackage.json');
    expect(res.statusCode).toBe(200);
    const descriptor = res.json();
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    (formats as unknown as (a: InstanceType<typeof AjvDraft04>) => void)(ajv);
    const validate = ajv.compile(TABULAR_PACKAGE_PROFILE);
    expect(validate(descriptor), ajv.errorsText(validate.errors)).toBe(true);
    expect(descriptor.resources).toHaveLength(built.files.length);
    for (const r of descriptor.resources) {
      const bytes = await readFile(path.join(dir, r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${sha256(bytes)}`);
      expect(r.schema.primaryKey.every((k: string) => r.schema.fields.some((x: { name: string }) => x.name === k))).toBe(true);
    }
    // Licences come from the sources' manifests: the JHU series carry JHU's CC BY 4.0.
    const series = descriptor.resources.find((r: { name: string }) => r.name === 'series-parquet');
    expect(series.licenses.map((l: { name?: string }) => l.name)).toContain('CC-BY-4.0');
    expect(series.schema.fields.find((x: { name: string }) => x.name === 'flags').type).toBe('array');
  });

  it('a download resumes with a Range request: the two halves make the file, whose sha256 is the listed one', async () => {
    const listing = (await app.inject('/v1/bulk')).json();
    const file = listing.files.find((x: { name: string }) => x.name === 'locations.parquet');
    const whole = await app.inject(file.url);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('application/vnd.apache.parquet');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const half = Math.floor(file.bytes / 2);
    const first = await app.inject({ url: file.url, headers: { range: `bytes=0-${half - 1}` } });
    const rest = await app.inject({ url: file.url, headers: { range: `bytes=${half}-`, 'if-range': String(whole.headers.etag) } });
    expect([first.statusCode, rest.statusCode]).toEqual([206, 206]);
    expect(rest.headers['content-range']).toBe(`bytes ${half}-${file.bytes - 1}/${file.bytes}`);
    const joined = Buffer.concat([first.rawPayload, rest.rawPayload]);
    expect(joined.equals(whole.rawPayload)).toBe(true);
    expect(sha256(joined)).toBe(file.sha256);
  });

  it('answers 304 to If-None-Match with the ETag, and sends the gzip CSV as a gzip file (not re-encoded)', async () => {
    const first = await app.inject({ url: '/v1/bulk/sources.csv.gz', headers: { 'accept-encoding': 'gzip' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.headers['content-type']).toBe('application/gzip');
    expect(first.headers['last-modified']).toBeTruthy();
    const ids = (await app.inject('/v1/sources')).json().data.map((s: { id: string }) => s.id).sort();
    expect(readCsv(gunzipSync(first.rawPayload).toString('utf8')).map((r) => r.id)).toEqual(ids);
    const again = await app.inject({ url: '/v1/bulk/sources.csv.gz', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('refuses unknown and unsafe file names with a coded 404', async () => {
    for (const url of ['/v1/bulk/nope.parquet', '/v1/bulk/..%2Fdatapackage.json', '/v1/bulk/%2E%2E', '/v1/bulk/series.parquet.bak', '/v1/bulk/.series.parquet']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toMatch(/^ERR_(BULK_FILE_)?NOT_FOUND$/);
    }
    expect((await app.inject('/v1/bulk/nope.parquet')).json().error).toMatchObject({ code: 'ERR_BULK_FILE_NOT_FOUND', parameter: 'file' });
  });

  it('the server-side builder builds the current version once: a second builder (another process) and a second call do nothing', async () => {
    // The two builders and the second call ran in beforeAll, on the suite's empty folder.
    // Whichever created the lock file built; the other found it and left.
    expect(builders.results.filter((r) => r?.complete === true)).toHaveLength(1);
    expect(builders.results.filter((r) => r === null)).toHaveLength(1);
    expect(builders.again).toBeNull();
    expect(builders.versions).toEqual([await dataVersion(f.t.db)]);
    // What it built is every table in both formats (the listing's test checks the names).
    expect(built.files.map((x) => x.path).sort()).toEqual(BULK_TABLES.flatMap((t) => [`${t.name}.parquet`, `${t.name}.csv.gz`]).sort());
  });

  it('before any build: the listing says building and a file is a coded 503 with Retry-After', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'glacier-bulk-empty-'));
    const fresh = await buildApp({ db: f.t.db, versionTtlMs: 0, bulkRoot: empty });
    try {
      expect((await fresh.inject('/v1/bulk')).json()).toMatchObject({ status: 'building', files_version: null, files: [] });
      const res = await fresh.inject('/v1/bulk/series.parquet');
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('60');
      expect(res.json().error.code).toBe('ERR_BULK_NOT_READY');
    } finally {
      await fresh.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('the prune rule', () => {
  it('keeps the two newest complete builds, deletes older ones and partial folders older than an hour', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'glacier-prune-'));
    try {
      for (const v of [3, 7, 9, 12]) {
        await mkdir(path.join(root, `v${v}`));
        await writeFile(path.join(root, `v${v}`, 'datapackage.json'), '{}');
      }
      await mkdir(path.join(root, 'v13.partial-1-1')); // a build in progress: kept
      await mkdir(path.join(root, 'v11.partial-1-1')); // left by a dead process: deleted
      const old = new Date(Date.now() - 2 * 3_600_000);
      await utimes(path.join(root, 'v11.partial-1-1'), old, old);
      await mkdir(path.join(root, 'v2')); // never completed (no datapackage.json): not a build, deleted
      const deleted = await pruneBulk(root, new Date());
      expect(deleted.sort()).toEqual(['v11.partial-1-1', 'v2', 'v3', 'v7']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
