import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_TARGETS, openTestDb, type TestDb } from '../../../test/databases.js';
import type { Location } from '../../domain/location.js';
import { csvLine } from '../../lib/csv-write.js';
import { upsertLocations } from '../../store/locations.js';
import { buildBulk } from './build.js';
import { csvFromColumns } from './csv-columns.js';
import type { BulkField } from './fields.js';
import type { WireColumn } from './wire-columns.js';

/**
 * The bulk files' workers (worker-file.ts): the CSV lines the CSV worker writes from a long
 * table's columns, and a worker's failure failing the build without leaving files behind.
 * (The whole build against the API's answers, with DuckDB: test/api-bulk.test.ts.)
 */

const FIELDS: BulkField[] = [
  { name: 'location', type: 'string', required: true, description: '' },
  { name: 'date', type: 'date', required: true, description: '' },
  { name: 'value', type: 'number', description: '' },
  { name: 'reason', type: 'string', description: '' },
  { name: 'derived', type: 'boolean', description: '' },
  { name: 'issue', type: 'date', description: '' },
  { name: 'count', type: 'integer', description: '' },
  { name: 'flags', type: 'list', description: '' },
];

/** ISO date of a day number, computed apart from the code under test. */
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe('csvFromColumns', () => {
  it("writes each row as the API's CSV line of the same values (quoting, nulls, numbers, dates, lists)", () => {
    const rows = [
      { location: 'US_CA', date: 18_300, value: 12, reason: null, derived: true, issue: 18_301, count: 7, flags: ['negative-change', 'backlog'] },
      { location: 'say "hi", then', date: 0, value: -3.25, reason: 'not reported, yet', derived: false, issue: null, count: -1, flags: [] },
      { location: 'Côte d’Ivoire', date: -1, value: NaN, reason: 'line\r\nbreak', derived: null, issue: 65_535, count: 0, flags: ['a,b'] },
      { location: 'US_CA', date: 70_000, value: Infinity, reason: null, derived: true, issue: 18_301, count: 2_147_483_647, flags: [] },
      { location: 'DE', date: 18_302, value: -0, reason: null, derived: null, issue: null, count: 5, flags: ['x"y'] },
      { location: 'DE', date: 18_303, value: 1e21, reason: null, derived: false, issue: 3, count: 1, flags: [] },
      { location: 'DE', date: 18_304, value: 123_456_789_012_345, reason: null, derived: false, issue: 3, count: 1, flags: [] },
      { location: 'DE', date: 18_305, value: 0.1 + 0.2, reason: null, derived: false, issue: 3, count: 1, flags: [] },
    ];
    const dict = ['US_CA', 'say "hi", then', 'not reported, yet', 'Côte d’Ivoire', 'line\r\nbreak', 'DE'];
    const at = (s: string | null) => (s === null ? -1 : dict.indexOf(s));
    const listed = rows.flatMap((r, i) => (r.flags.length ? [i] : []));
    const columns: WireColumn[] = [
      { kind: 'dict', dict, index: Int32Array.from(rows, (r) => at(r.location)) },
      { kind: 'i32', values: Int32Array.from(rows, (r) => r.date), nulls: false },
      { kind: 'f64', values: Float64Array.from(rows, (r) => r.value) },
      { kind: 'dict', dict, index: Int32Array.from(rows, (r) => at(r.reason)) },
      { kind: 'bool', values: Int8Array.from(rows, (r) => (r.derived === null ? -1 : r.derived ? 1 : 0)) },
      { kind: 'i32', values: Int32Array.from(rows, (r) => r.issue ?? -1), nulls: true },
      { kind: 'i32', values: Int32Array.from(rows, (r) => r.count), nulls: false },
      { kind: 'lists', length: rows.length, rows: Int32Array.from(listed), items: listed.map((i) => rows[i].flags) },
    ];
    const expected = rows
      .map((r) => csvLine([r.location, iso(r.date), r.value, r.reason, r.derived, r.issue === null ? null : iso(r.issue), r.count, r.flags]))
      .join('');
    expect(csvFromColumns(FIELDS, columns).toString('utf8')).toBe(expected);
  });

  it('refuses columns that do not match the fields', () => {
    const one: WireColumn = { kind: 'i32', values: Int32Array.of(1), nulls: false };
    expect(() => csvFromColumns(FIELDS, [one])).toThrow(/1 columns for 8 fields/);
    expect(() => csvFromColumns([FIELDS[2]], [{ kind: 'values', values: [1] }])).toThrow(/plain values/);
  });
});

describe.each(DB_TARGETS)('a failing bulk worker on %s', (target) => {
  let t: TestDb;
  let root: string;
  beforeAll(async () => {
    t = await openTestDb(target);
    // Enough locations for several pages (5,000 rows a page), so the build pauses (tick) between them.
    const locations: Location[] = Array.from({ length: 12_000 }, (_, i) => ({
      key: `X${i}`, level: 'country', parent: null, name: `Place ${i}`, name_zh: null, aliases: [], iso_alpha2: null, iso_alpha3: null,
      iso_numeric: null, fips: null, jhu_uid: null, lat: null, lon: null, population: null, note: null,
    }));
    await upsertLocations(t.db, locations);
    root = await mkdtemp(path.join(tmpdir(), 'glacier-bulk-fail-'));
  });
  afterAll(async () => {
    await t?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /**
   * Builds locations then sources into `<root>/<name>`; at the first pause a directory takes the
   * place of the sources' `file`, so the worker that opens it next fails (EISDIR).
   */
  const failingBuild = async (name: string, file: string) => {
    let blocked = false;
    const tick = async () => {
      if (blocked) return;
      const [partial] = (await readdir(root)).filter((n) => n.startsWith(`${name}.partial-`));
      await mkdir(path.join(root, partial, file));
      blocked = true;
    };
    const built = buildBulk({ db: t.db, dir: path.join(root, name), asOf: null, formats: ['parquet', 'csv'], clock: () => new Date(), tick, tables: ['locations', 'sources'] });
    await expect(built).rejects.toThrow(new RegExp(`^${file.endsWith('.parquet') ? 'parquet' : 'csv'} worker: .*EISDIR`, 's'));
    expect(blocked).toBe(true);
    // No partial folder, no build: the folder holds nothing of this build.
    expect((await readdir(root)).filter((n) => n.startsWith(name))).toEqual([]);
  };

  it('the CSV worker failing fails the build with its error and leaves no files', () => failingBuild('csv-fails', 'sources.csv.gz'));
  it('the Parquet worker failing fails the build with its error and leaves no files', () => failingBuild('parquet-fails', 'sources.parquet'));

  it('the same build without the failure writes both tables in both formats', async () => {
    const built = await buildBulk({ db: t.db, dir: path.join(root, 'ok'), asOf: null, formats: ['parquet', 'csv'], clock: () => new Date(), tables: ['locations', 'sources'] });
    expect(built.complete).toBe(true);
    expect(built.files.map((f) => [f.path, f.rows])).toEqual([
      ['locations.parquet', 12_000],
      ['locations.csv.gz', 12_000],
      ['sources.parquet', 0],
      ['sources.csv.gz', 0],
    ]);
    expect((await readdir(path.join(root, 'ok'))).sort()).toEqual(['datapackage.json', 'locations.csv.gz', 'locations.parquet', 'sources.csv.gz', 'sources.parquet']);
  });
});
