import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_TARGETS, openTestDb, type TestDb } from '../../test/databases.js';
import { dayNumber } from '../domain/dates.js';
import { CopyBinaryRows } from './copy-binary.js';
import type { AnomalyFlag, MissingSpan } from '../domain/series.js';
import { AnnotationRows, attachObservations, keyObservations, ObservationRows, observationsTable, readAnnotations, readVersions, writeAnnotations, writeObservations } from './versions.js';

describe.each(DB_TARGETS)('binary COPY (%s)', (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(target);
  });
  afterAll(async () => t?.drop());

  it('stores ints, dates on both sides of 1970 and 2000, floats and NULLs as written, across chunks and COPY batches', async () => {
    await t.db.exec('CREATE TABLE copy_probe (n integer NOT NULL, d date NOT NULL, v double precision)');
    const days = ['1969-12-31', '1970-01-01', '1999-12-31', '2000-01-01', '2020-02-29', '2023-03-10'].map(dayNumber);
    const values = [0, -1.5, 1e300, 5e-324, 123456789.125, Number.NaN, -0.1, 2 ** 31];
    const count = 150_000; // ~4.5 MB: two chunks of 1 MB and more, and more than one of PGlite's 4 MB COPY batches
    function* chunks(): Iterable<Uint8Array<ArrayBuffer>> {
      const rows = new CopyBinaryRows(1 << 16); // small: the buffer grows within a chunk too
      for (let n = 0; n < count; n++) {
        rows.row(3, 8 + 8 + 12);
        rows.int4(n - 1000);
        rows.date(days[n % days.length]);
        rows.float8OrNull(values[n % values.length]);
        if (rows.length > 1 << 20) yield rows.take();
      }
      yield rows.take();
    }
    await t.db.copyBinaryIn('copy_probe', ['n', 'd', 'v'], chunks());
    const got = await t.db.query<{ n: number; d: string; v: number | null }>('SELECT n, d, v FROM copy_probe ORDER BY n');
    expect(got.length).toBe(count);
    const isoOf = ['1969-12-31', '1970-01-01', '1999-12-31', '2000-01-01', '2020-02-29', '2023-03-10'];
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 4711, count - 1]) {
      const v = values[n % values.length];
      expect(got[n]).toEqual({ n: n - 1000, d: isoOf[n % days.length], v: Number.isNaN(v) ? null : v });
    }
    const [{ nulls }] = await t.db.query<{ nulls: number }>('SELECT count(*)::int8 AS nulls FROM copy_probe WHERE v IS NULL');
    expect(nulls).toBe(Math.floor(count / values.length) + (count % values.length > 5 ? 1 : 0));
  });

  it('writeObservations stores into a fresh partition what readVersions reads back once it is keyed and attached', async () => {
    await t.db.exec(`INSERT INTO sources (id, manifest) VALUES ('probe', '{}'); INSERT INTO locations (key, level, name, search) VALUES ('XX', 'country', 'Probe', 'probe')`);
    const [{ id: seriesId }] = await t.db.query<{ id: number }>(
      `INSERT INTO series (source_id, location_key, metric, derived) VALUES ('probe', 'XX', 'confirmed', false) RETURNING id`,
    );
    const start = dayNumber('2020-01-22');
    const issue = dayNumber('2020-03-01');
    const values = Float64Array.from([1, 2, Number.NaN, 4.5, 7]);
    // Chunks of 1,000 rows: the 3,004 rows fill four.
    const rows = new ObservationRows(1000);
    for (const i of [0, 2, 3, 4]) rows.push(seriesId, start + i, issue, values[i], 7);
    // A later issue of 3,000 days.
    const later = issue + 400;
    for (let i = 0; i < 3000; i++) rows.push(seriesId, start + i, later, i / 4, 7);
    expect(rows.chunks.map((c) => c.length)).toEqual([1000, 1000, 1000, 4]);
    // In one transaction, as an ingest does: a fresh partition is written, keyed and attached by the transaction that made it.
    const table = await t.db.transaction(async (tx) => {
      const table = await observationsTable(tx, 'probe');
      expect(table).toEqual({ sourceId: 'probe', name: 'observations_probe', fresh: true });
      await writeObservations(tx, table, rows);
      // Not part of observations until attached.
      expect((await readVersions(tx, 'probe', [seriesId])).size).toBe(0);
      await keyObservations(tx, table);
      await attachObservations(tx, table);
      return table;
    });
    const attached = await observationsTable(t.db, 'probe');
    expect(attached).toEqual({ ...table, fresh: false });
    const v = (await readVersions(t.db, 'probe', [seriesId])).get(seriesId)!;
    const first = [...v.issues].map((x, k) => (x === issue ? k : -1)).filter((k) => k >= 0);
    expect(first.map((k) => v.dates[k])).toEqual([start, start + 2, start + 3, start + 4]);
    expect(first.map((k) => v.values[k])).toEqual([1, Number.NaN, 4.5, 7]);
    const second = [...v.issues].map((x, k) => (x === later ? k : -1)).filter((k) => k >= 0);
    expect(second.map((k) => v.dates[k] - start)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(second.map((k) => v.values[k])).toEqual(Array.from({ length: 3000 }, (_, i) => i / 4));
    const files = await t.db.query<{ f: number; s: string }>('SELECT DISTINCT file_id AS f, source_id AS s FROM observations');
    expect(files).toEqual([{ f: 7, s: 'probe' }]);
    // The key came with the partition: a second row for a stored (series, date, issue) is refused.
    await expect(writeObservations(t.db, attached, rows)).rejects.toThrow(/duplicate key/);
  });

  it('writeAnnotations stores held annotation rows as written: ids made real after, text that needs escaping, several blocks, a rewrite replacing', async () => {
    await t.db.exec(`INSERT INTO sources (id, manifest) VALUES ('probe-readings', '{}'); INSERT INTO locations (key, level, name, search) VALUES ('XY', 'country', 'Probe', 'probe')`);
    const ids: number[] = [];
    for (const metric of ['deaths', 'recovered']) {
      const [{ id }] = await t.db.query<{ id: number }>(`INSERT INTO series (source_id, location_key, metric, derived) VALUES ('probe-readings', 'XY', $1, false) RETURNING id`, [metric]);
      ids.push(id);
    }
    const issue0 = dayNumber('2020-03-01');
    const spansOf = (k: number): MissingSpan[] =>
      k % 3 === 0 ? [] : [{ from: '2020-02-01', to: '2020-02-29', reason: 'not_reported', rule: k % 2 ? 'blank-cell' : `规则\t\n\\ "${k}"`, ...(k % 5 === 0 ? { step: 7 as const } : {}) }];
    const flagsOf = (k: number): AnomalyFlag[] => (k % 4 === 0 ? [{ date: '2020-02-10', code: 'negative_change', detail: { 地点: '湖北\t武汉', k, note: 'a\r\nb' } }] : []);
    // 2,500 rows: three blocks; the second series' rows are held under a placeholder id (-1) until written.
    const rows = new AnnotationRows();
    for (let k = 0; k < 2500; k++) rows.push({ seriesId: k % 2 ? -1 : ids[0], issue: issue0 + k, fileId: 7, spans: spansOf(k), flags: flagsOf(k) });
    // A later reading of a (series, issue) already held replaces it: the first row's, and one of the placeholder's.
    rows.push({ seriesId: ids[0], issue: issue0, fileId: 7, spans: spansOf(1), flags: flagsOf(8) });
    rows.push({ seriesId: -1, issue: issue0 + 2499, fileId: 7, spans: [], flags: [] });
    expect(rows.length).toBe(2502);
    for (let i = 0; i < rows.length; i++) if (rows.seriesIds[i] === -1) rows.seriesIds[i] = ids[1];
    await writeAnnotations(t.db, rows);
    const got = await readAnnotations(t.db, ids);
    const expected = (k: number) =>
      k === 0 ? { issue: issue0, spans: spansOf(1), flags: flagsOf(8) } : k === 2499 ? { issue: issue0 + k, spans: [], flags: [] } : { issue: issue0 + k, spans: spansOf(k), flags: flagsOf(k) };
    for (const [n, id] of ids.entries()) {
      const ks = Array.from({ length: 2500 }, (_, k) => k).filter((k) => k % 2 === n);
      expect(got.get(id)).toEqual(ks.map(expected));
    }
    const [{ files }] = await t.db.query<{ files: string }>(`SELECT string_agg(DISTINCT file_id::text, ',') AS files FROM series_annotations WHERE series_id = ANY($1::int[])`, [ids]);
    expect(files).toBe('7');
    // Written again for the same (series, issue): the new reading replaces the stored one.
    const again = new AnnotationRows();
    again.push({ seriesId: ids[0], issue: issue0, fileId: 8, spans: [], flags: flagsOf(4) });
    await writeAnnotations(t.db, again);
    const first = (await readAnnotations(t.db, [ids[0]])).get(ids[0])!;
    expect(first.length).toBe(1250);
    expect(first[0]).toEqual({ issue: issue0, spans: [], flags: flagsOf(4) });
  });
});

describe('AnnotationRows', () => {
  it('counts the bytes its held text takes (what a run weighs held readings by), the ids left out', () => {
    const rows = new AnnotationRows();
    const flags = [{ code: 'jump', date: '2020-04-01', detail: 'x'.repeat(40) }] as never[];
    for (let k = 0; k < 2345; k++) rows.push({ seriesId: 1000 + k, issue: 18_400 + k, fileId: 3, spans: [], flags: k % 3 ? flags : [] });
    const text = [...rows.copyChunks()].reduce((n, c) => n + c.length, 0);
    const ids = rows.seriesIds.reduce((n, id) => n + String(id).length, 0);
    expect(rows.bytes).toBe(text - ids);
    expect(rows.bytes).toBeGreaterThan(2345 * 30);
  });
});
