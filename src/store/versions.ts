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

/** The stored versions of a source's series (through the parent table: a source loaded for the first time has no partition yet). */
export async function readVersions(db: Db, sourceId: string, seriesIds: readonly number[]): Promise<Map<number, SeriesVersions>> {
  const out = new Map<number, SeriesVersions>();
  for (let k = 0; k < seriesIds.length; k += 2000) {
    // One row per series with its versions as arrays: far fewer rows to decode than one per value.
    const rows = await db.query<{ s: number; d: number[]; i: number[]; v: (number | null)[] }>(
      `SELECT series_id AS s, array_agg(date - ${EPOCH} ORDER BY date, issue) AS d,
              array_agg(issue - ${EPOCH} ORDER BY date, issue) AS i, array_agg(value ORDER BY date, issue) AS v
       FROM observations WHERE source_id = $1 AND series_id IN (${idList(seriesIds.slice(k, k + 2000))}) GROUP BY series_id`,
      [sourceId],
    );
    for (const r of rows) {
      out.set(r.s, { dates: Int32Array.from(r.d), issues: Int32Array.from(r.i), values: Float64Array.from(r.v, (x) => x ?? Number.NaN) });
    }
  }
  return out;
}

/** A run of rows in columns: elements [0, length) are in use. */
export interface ObservationChunk {
  length: number;
  seriesIds: Int32Array;
  days: Int32Array;
  issues: Int32Array;
  fileIds: Int32Array;
  values: Float64Array;
}

/** Bytes a held value takes in ObservationRows (four int32 and a float64). */
export const OBSERVATION_ROW_BYTES = 24;

/**
 * Rows to append to observations, column by column in typed arrays of a fixed size (24 bytes a
 * value, no object per row or per series: one batch object per series and vintage was a
 * many-vintage run's largest promoted garbage). Chunks, not one array grown by doubling: a
 * first load held on PGlite (jhu-us, 2.7 M values) would briefly need the old and the doubled
 * arrays at once, and keep up to half of the last one unused.
 */
export class ObservationRows {
  readonly chunks: ObservationChunk[] = [];
  length = 0;

  constructor(private readonly chunkRows = 1 << 16) {}

  push(seriesId: number, day: number, issue: number, value: number, fileId: number): void {
    let c = this.chunks[this.chunks.length - 1];
    if (!c || c.length === this.chunkRows) this.chunks.push((c = newChunk(this.chunkRows)));
    const i = c.length++;
    c.seriesIds[i] = seriesId;
    c.days[i] = day;
    c.issues[i] = issue;
    c.fileIds[i] = fileId;
    c.values[i] = value;
    this.length++;
  }
}

function newChunk(rows: number): ObservationChunk {
  return { length: 0, seriesIds: new Int32Array(rows), days: new Int32Array(rows), issues: new Int32Array(rows), fileIds: new Int32Array(rows), values: new Float64Array(rows) };
}

/**
 * The table a run writes its source's observations to: the source's partition of `observations`
 * (migration 009). `fresh`: this transaction made it, without its key and not attached yet: a
 * first load goes in unindexed, then `keyObservations` builds the key once and
 * `attachObservations` makes it part of `observations`.
 */
export interface ObservationsTable {
  sourceId: string;
  /** A plain identifier (observations_ + the source id, hyphens as underscores). */
  name: string;
  fresh: boolean;
}

/** The source's partition, made (fresh) in `tx` if the source has none. */
export async function observationsTable(tx: Db, sourceId: string): Promise<ObservationsTable> {
  const [r] = await tx.query<{ name: string; attached: boolean }>(
    `SELECT observations_partition($1) AS name, EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'observations'::regclass AND c.relname = observations_partition($1)) AS attached`,
    [sourceId],
  );
  if (!r.attached) await tx.query('SELECT observations_partition_create($1)', [sourceId]);
  return { sourceId, name: r.name, fresh: !r.attached };
}

/** Builds the key of a fresh partition (it locks only that table). */
export async function keyObservations(tx: Db, table: ObservationsTable): Promise<void> {
  // On PGlite its sort is held to 8MB (db-pglite.ts).
  if (table.fresh) await tx.query('SELECT observations_partition_key($1)', [table.sourceId]);
}

/**
 * Attaches a fresh partition, once keyed, in the transaction that made it. On PostgreSQL only in
 * the commit turn (ingest-lock.ts): ATTACH holds observations' SHARE UPDATE EXCLUSIVE lock to the
 * commit, and a run holding it while waiting for the turn would deadlock with the turn's holder.
 */
export async function attachObservations(tx: Db, table: ObservationsTable): Promise<void> {
  if (table.fresh) await tx.query('SELECT observations_partition_attach($1)', [table.sourceId]);
}

/** Appends rows with COPY in the binary format (NaN stored as NULL; see copy-binary.ts for why binary); source_id is the partition's default. */
export async function writeObservations(db: Db, table: ObservationsTable, obs: ObservationRows): Promise<void> {
  function* chunks(): Iterable<Uint8Array<ArrayBuffer>> {
    const rows = new CopyBinaryRows();
    for (const c of obs.chunks) {
      for (let i = 0; i < c.length; i++) {
        rows.row(5, OBSERVATION_ROW_MAX_BYTES);
        rows.int4(c.seriesIds[i]);
        rows.date(c.days[i]);
        rows.date(c.issues[i]);
        rows.float8OrNull(c.values[i]);
        rows.int4(c.fileIds[i]);
        if (rows.length > 1 << 20) yield rows.take();
      }
    }
    if (rows.length) yield rows.take();
  }
  await db.copyBinaryIn(table.name, ['series_id', 'date', 'issue', 'value', 'file_id'], chunks());
}

/** Four int4 fields of 8 bytes with their lengths and a float8 of 12. */
const OBSERVATION_ROW_MAX_BYTES = 4 * 8 + 12;

/** Removes the given (series, date, issue) rows, before a same-issue re-ingest writes new values. */
export async function deleteObservations(db: Db, table: ObservationsTable, keys: { seriesId: number; day: number; issue: number }[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 10_000) {
    const part = keys.slice(i, i + 10_000);
    await db.query(
      `DELETE FROM ${table.name} o USING unnest($1::int[], $2::int[], $3::int[]) AS k(s, d, i)
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

/** A (series, issue) pair as one number (series ids, placeholders included, are 32-bit; issues are day numbers). */
export type PairKey = number | string;

export function pairKey(seriesId: number, issue: number): PairKey {
  return issue >= 0 && issue < 2 ** 20 ? seriesId * 2 ** 20 + issue : `${seriesId}|${issue}`;
}

const utf8 = new TextEncoder();
/** Rows per block of COPY text. */
const ANNOTATION_BLOCK_ROWS = 1000;

/**
 * Annotation rows held for a later write, as their COPY text: each row's line without its series
 * id (a placeholder until the commit creates the series, made real in `seriesIds` in place), in
 * UTF-8 blocks of ANNOTATION_BLOCK_ROWS lines. A row for a (series, issue) already held replaces
 * it. Held as objects instead, the spans and flags of jhu-daily's last vintages on PGlite (135,000
 * readings written at once) took about 1 KB of heap each, against about 330 bytes as text.
 */
export class AnnotationRows {
  readonly seriesIds: number[] = [];
  readonly issues: number[] = [];
  private readonly blocks: Uint8Array<ArrayBuffer>[] = [];
  private text = '';
  private sealedBytes = 0;
  /** Row number by (series, issue), and the rows a later one replaced (left out of the COPY). */
  private readonly rowOf = new Map<PairKey, number>();
  private readonly replaced = new Set<number>();

  /** Rows pushed, replaced ones included. */
  get length(): number {
    return this.seriesIds.length;
  }

  /** What the held text takes, in bytes (the open block counted by its characters). */
  get bytes(): number {
    return this.sealedBytes + this.text.length;
  }

  push(r: AnnotationRow): void {
    const key = pairKey(r.seriesId, r.issue);
    const earlier = this.rowOf.get(key);
    if (earlier !== undefined) this.replaced.add(earlier);
    this.rowOf.set(key, this.length);
    this.seriesIds.push(r.seriesId);
    this.issues.push(r.issue);
    // copyText escapes every newline: a line ends at the only \n of its row.
    this.text += `\t${isoFromDay(r.issue)}\t${r.fileId}\t${copyText(JSON.stringify(r.spans))}\t${copyText(JSON.stringify(r.flags))}\n`;
    if (this.length % ANNOTATION_BLOCK_ROWS === 0) this.seal();
  }

  /** The COPY text, a block at a time, each line led by its row's series id. */
  *copyChunks(): Iterable<Uint8Array<ArrayBuffer>> {
    this.seal();
    let row = 0;
    for (const block of this.blocks) {
      const ids = this.seriesIds.slice(row, row + ANNOTATION_BLOCK_ROWS).map(String);
      const out = new Uint8Array(block.length + ids.reduce((n, id) => n + id.length, 0));
      let at = 0;
      let from = 0;
      for (const id of ids) {
        const end = block.indexOf(0x0a, from) + 1;
        if (!this.replaced.has(row++)) {
          for (let k = 0; k < id.length; k++) out[at++] = id.charCodeAt(k);
          out.set(block.subarray(from, end), at);
          at += end - from;
        }
        from = end;
      }
      yield out.subarray(0, at);
    }
  }

  private seal(): void {
    if (!this.text) return;
    const block = utf8.encode(this.text);
    this.blocks.push(block);
    this.sealedBytes += block.length;
    this.text = '';
  }
}

export async function writeAnnotations(db: Db, rows: AnnotationRows): Promise<void> {
  await db.query(
    `DELETE FROM series_annotations a USING unnest($1::int[], $2::int[]) AS k(s, i) WHERE a.series_id = k.s AND a.issue = ${EPOCH} + k.i`,
    [rows.seriesIds, rows.issues],
  );
  await db.copyIn('series_annotations', ['series_id', 'issue', 'file_id', 'spans', 'flags'], rows.copyChunks());
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
