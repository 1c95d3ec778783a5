import { isoFromDay } from '../domain/dates.js';
import type { AnomalyFlag, MissingSpan } from '../domain/series.js';
import { CopyBinaryRows } from './copy-binary.js';
import { copyText, type Db } from './db.js';

/** Every stored version of one series, sorted by (date, issue); days as day numbers, NULL as NaN. */
export interface SeriesVersions {
  dates: Int32Array;
  issues: Int32Array;
  values: Float64Array;
}

export interface AnnotationVersion {
  issue: number;
  spans: MissingSpan[];
  flags: AnomalyFlag[];
}

const EPOCH = `DATE '1970-01-01'`;

function idList(ids: readonly number[]): string {
  if (!ids.every(Number.isInteger)) throw new Error('series ids must be integers');
  return ids.length ? ids.join(',') : 'NULL';
}

export async function readVersions(db: Db, seriesIds: readonly number[]): Promise<Map<number, SeriesVersions>> {
  const out = new Map<number, SeriesVersions>();
  for (let k = 0; k < seriesIds.length; k += 2000) {
    // One row per series with its versions as arrays: far fewer rows to decode than one per value.
    const rows = await db.query<{ s: number; d: number[]; i: number[]; v: (number | null)[] }>(
      `SELECT series_id AS s, array_agg(date - ${EPOCH} ORDER BY date, issue) AS d,
              array_agg(issue - ${EPOCH} ORDER BY date, issue) AS i, array_agg(value ORDER BY date, issue) AS v
       FROM observations WHERE series_id IN (${idList(seriesIds.slice(k, k + 2000))}) GROUP BY series_id`,
    );
    for (const r of rows) {
      out.set(r.s, { dates: Int32Array.from(r.d), issues: Int32Array.from(r.i), values: Float64Array.from(r.v, (x) => x ?? Number.NaN) });
    }
  }
  return out;
}

/**
 * Rows to append to observations, column by column in typed arrays that grow by doubling: a
 * run's pending writes cost 24 bytes a value, with no object per row or per series (one small
 * batch object per series and vintage was a many-vintage run's largest promoted garbage).
 */
export class ObservationRows {
  length = 0;
  seriesIds = new Int32Array(1024);
  days = new Int32Array(1024);
  issues = new Int32Array(1024);
  fileIds = new Int32Array(1024);
  values = new Float64Array(1024);

  push(seriesId: number, day: number, issue: number, value: number, fileId: number): void {
    if (this.length === this.seriesIds.length) this.grow();
    const i = this.length++;
    this.seriesIds[i] = seriesId;
    this.days[i] = day;
    this.issues[i] = issue;
    this.fileIds[i] = fileId;
    this.values[i] = value;
  }

  private grow(): void {
    const size = this.seriesIds.length * 2;
    const widen = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.seriesIds = widen(this.seriesIds, (n) => new Int32Array(n));
    this.days = widen(this.days, (n) => new Int32Array(n));
    this.issues = widen(this.issues, (n) => new Int32Array(n));
    this.fileIds = widen(this.fileIds, (n) => new Int32Array(n));
    this.values = widen(this.values, (n) => new Float64Array(n));
  }
}

/** Appends rows with COPY in the binary format (NaN stored as NULL; see copy-binary.ts for why binary). */
export async function writeObservations(db: Db, obs: ObservationRows): Promise<void> {
  function* chunks(): Iterable<Uint8Array<ArrayBuffer>> {
    const rows = new CopyBinaryRows();
    for (let i = 0; i < obs.length; i++) {
      rows.row(5, OBSERVATION_ROW_MAX_BYTES);
      rows.int4(obs.seriesIds[i]);
      rows.date(obs.days[i]);
      rows.date(obs.issues[i]);
      rows.float8OrNull(obs.values[i]);
      rows.int4(obs.fileIds[i]);
      if (rows.length > 1 << 20) yield rows.take();
    }
    if (rows.length) yield rows.take();
  }
  await db.copyBinaryIn('observations', ['series_id', 'date', 'issue', 'value', 'file_id'], chunks());
}

/** Four int4 fields of 8 bytes with their lengths and a float8 of 12. */
const OBSERVATION_ROW_MAX_BYTES = 4 * 8 + 12;

/** Removes the given (series, date, issue) rows, before a same-issue re-ingest writes new values. */
export async function deleteObservations(db: Db, keys: { seriesId: number; day: number; issue: number }[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 10_000) {
    const part = keys.slice(i, i + 10_000);
    await db.query(
      `DELETE FROM observations o USING unnest($1::int[], $2::int[], $3::int[]) AS k(s, d, i)
       WHERE o.series_id = k.s AND o.date = ${EPOCH} + k.d AND o.issue = ${EPOCH} + k.i`,
      [part.map((k) => k.seriesId), part.map((k) => k.day), part.map((k) => k.issue)],
    );
  }
}

export async function readAnnotations(db: Db, seriesIds: readonly number[]): Promise<Map<number, AnnotationVersion[]>> {
  const out = new Map<number, AnnotationVersion[]>();
  if (seriesIds.length === 0) return out;
  const rows = await db.query<{ series_id: number; issue: number; spans: MissingSpan[]; flags: AnomalyFlag[] }>(
    `SELECT series_id, issue - ${EPOCH} AS issue, spans, flags FROM series_annotations
     WHERE series_id IN (${idList(seriesIds)}) ORDER BY series_id, issue`,
  );
  for (const r of rows) {
    let list = out.get(r.series_id);
    if (!list) out.set(r.series_id, (list = []));
    list.push({ issue: r.issue, spans: r.spans, flags: r.flags });
  }
  return out;
}

export interface AnnotationRow {
  seriesId: number;
  issue: number;
  fileId: number;
  spans: MissingSpan[];
  flags: AnomalyFlag[];
}

export async function writeAnnotations(db: Db, rows: AnnotationRow[]): Promise<void> {
  function* chunks(): Iterable<string> {
    for (let i = 0; i < rows.length; i += 5000) {
      yield rows
        .slice(i, i + 5000)
        .map((r) => `${r.seriesId}\t${isoFromDay(r.issue)}\t${r.fileId}\t${copyText(JSON.stringify(r.spans))}\t${copyText(JSON.stringify(r.flags))}\n`)
        .join('');
    }
  }
  await db.query(
    `DELETE FROM series_annotations a USING unnest($1::int[], $2::int[]) AS k(s, i) WHERE a.series_id = k.s AND a.issue = ${EPOCH} + k.i`,
    [rows.map((r) => r.seriesId), rows.map((r) => r.issue)],
  );
  await db.copyIn('series_annotations', ['series_id', 'issue', 'file_id', 'spans', 'flags'], chunks());
}

export interface NoteRow {
  seriesId: number;
  day: number;
  issue: number;
  note: string;
  fileId: number;
}

/** Provenance notes (erratum comments); a later note for the same value replaces the earlier. */
export async function writeNotes(db: Db, rows: NoteRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const part = rows.slice(i, i + 5000);
    await db.query(
      `INSERT INTO observation_notes (series_id, date, issue, note, file_id)
       SELECT s, ${EPOCH} + d, ${EPOCH} + i, n, f FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::int[]) AS u(s, d, i, n, f)
       ON CONFLICT (series_id, date, issue) DO UPDATE SET note = EXCLUDED.note, file_id = EXCLUDED.file_id`,
      [part.map((r) => r.seriesId), part.map((r) => r.day), part.map((r) => r.issue), part.map((r) => r.note), part.map((r) => r.fileId)],
    );
  }
}
