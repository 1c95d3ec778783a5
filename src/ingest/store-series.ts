import { dayNumber, isoFromDay } from '../domain/dates.js';
import { metricKind, type MetricId } from '../domain/metrics.js';
import type { AnomalyFlag, MissingSpan } from '../domain/series.js';
import { openTransaction, type Db, type OpenTransaction } from '../store/db.js';
import { takeCommitTurn } from '../store/ingest-lock.js';
import { refreshObservationStatistics } from '../store/statistics.js';
import { ensureSeries, findSeries, refreshSeriesRanks, setDerived, writeSummaries, type SeriesKey, type SeriesSummary } from '../store/series.js';
import {
  AnnotationRows, attachObservations, pairKey, deleteObservations, keyObservations, OBSERVATION_ROW_BYTES, ObservationRows, observationsTable, readAnnotations, readVersions,
  writeAnnotations, writeNotes, writeObservations,
  type ObservationChunk, type AnnotationVersion, type PairKey, type NoteRow, type ObservationsTable, type SeriesVersions,
} from '../store/versions.js';
import { detectAnomalies } from './anomaly-rules.js';
import { diffSeries, mergeVersions, newestIssue, versionLog, viewAt, viewScratch, type VersionLog } from './diff.js';
import { maskFromSpans } from '../domain/stored-values.js';
import { classifyMissingWithMask, type MissingRuleOptions } from './missing-rules.js';
import { sameReading } from './same-reading.js';

/** One series' values of one issue, as the pipeline hands them to the store. */
export interface IssueSeries {
  key: string;
  metric: MetricId;
  derived: boolean;
  /** The manifest file the values came from. */
  fileId: string;
  start: number;
  values: Float64Array;
  /** Anomalies the parser saw (duplicate rows), for this issue. */
  flags?: AnomalyFlag[];
  notes?: { date: string; note: string }[];
}

export interface StoreCounts {
  valuesRead: number;
  valuesNew: number;
  valuesChanged: number;
  annotationsChanged: number;
  /** Flags in the newest reading of every series the run touched. */
  anomalies: number;
  /** Newest readings of the touched reported series: days read as missing, per rule. */
  rules: Map<string, { series: number; days: number }>;
  anomalyCodes: Map<string, number>;
  byFile: Map<string, { valuesNew: number; valuesChanged: number }>;
  byIssue: Map<string, { valuesNew: number; valuesChanged: number }>;
}

interface Cached {
  versions: VersionLog;
  /** Sorted by issue. */
  annotations: AnnotationVersion[];
  metric: MetricId;
  /** Whether the newest issue applied in this run derived the series (a series is reported or derived as of its newest vintage). */
  derived: boolean;
  derivedIssue: number;
}

/**
 * Values a run holds in memory for its final short transaction (24 bytes each; a reading counts
 * as its text's bytes over 24): a daily refresh holds a few thousand; a first load of jhu-daily's
 * 114 vintages would hold 553,035 values and 168,000 readings (107 MB) and writes as it goes.
 */
export const RUN_STORE_LIMITS = {
  heldValuesMax: 2_000_000,
  /** Pending values (new or changed) from which a finished issue is compacted (and written, past heldValuesMax). */
  flushAtValues: 200_000,
};

/** Held readings as a number of values: their COPY text's bytes over what a held value takes (about 22 a reading). */
function valuesOf(annotations: AnnotationRows): number {
  return Math.ceil(annotations.bytes / OBSERVATION_ROW_BYTES);
}

/** Series whose stored versions are read in one query. */
const READ_CHUNK = 64;
/**
 * Longest stretch of comparing and reading series without yielding to the event loop (ms), so
 * requests are served meanwhile; a long series takes up to ~50 ms on a busy machine.
 */
const SLICE_MS = 20;

let sliceStart = performance.now();
/** Yields to the event loop once the current slice of synchronous work has run its time. */
async function yieldWhenDue(): Promise<void> {
  if (yieldDue()) await yieldNow();
}

/** Whether the current slice has run its time (asked per series: an await per series was a microtask each, millions in a many-vintage run). */
function yieldDue(): boolean {
  return performance.now() - sliceStart >= SLICE_MS;
}

async function yieldNow(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  sliceStart = performance.now();
}

/** A write, run in the commit transaction; `id` turns a placeholder series id into the real one. */
type Write = (tx: Db, id: (seriesId: number) => number) => Promise<void>;

/**
 * Stores a run's issues, oldest first, in two phases. `apply()` … `finish()` only read (outside
 * any transaction: on PGlite's single connection, readers are served between these reads) and
 * compute: each series is read once; each issue is compared with the versions in force at that
 * issue (earlier issues of the same run included), and its missing-value spans and anomaly flags
 * are computed on the series as known at that issue. The writes are kept (compacted to the
 * values they add) and `commit(tx)` runs them all in the caller's short transaction, so a run is
 * still atomic. New series get negative placeholder ids until the commit creates them. A big run
 * would hold too much: on PostgreSQL, from RUN_STORE_LIMITS.flushAtValues pending values on, the run opens its
 * transaction and writes as it goes, in the background while it computes on (see flush()); on
 * PGlite it does so past RUN_STORE_LIMITS.heldValuesMax held values (readers then wait for it, as they used to).
 * Only one run may write a source at a time (the ingest lock; one refresh at a time per process).
 */
export class RunStore {
  /** Series ids (placeholders for new ones) by metric, then location key. */
  private readonly ids = new Map<MetricId, Map<string, number>>();
  private readonly cache = new Map<number, Cached>();
  /** Values to write at the next flush. */
  private rows = new ObservationRows();
  private readonly replaced: { seriesId: number; day: number; issue: number }[] = [];
  /** (series, issue) pairs with a day written again at the same issue: their rows are merged at the flush, later wins. */
  private readonly rewritten = new Set<PairKey>();
  /** Readings since the last flush, as COPY text (their objects can go; a later one for a (series, issue) replaces an earlier one). */
  private annotations = new AnnotationRows();
  private readonly notes: NoteRow[] = [];
  private readonly writes: Write[] = [];
  /** Values in `writes`, readings counted by their bytes: past RUN_STORE_LIMITS.heldValuesMax the run writes as it goes, in an open transaction. */
  private heldValues = 0;
  /** Series this run creates, by placeholder id (-1, -2, …). */
  private readonly created = new Map<number, SeriesKey>();
  /** Placeholder ids already created (in the open transaction). */
  private readonly realIds = new Map<number, number>();
  /** The transaction opened once the held writes grew past their bound; reads go through it from then on. */
  private open: OpenTransaction | null = null;
  readonly counts: StoreCounts = {
    valuesRead: 0, valuesNew: 0, valuesChanged: 0, annotationsChanged: 0, anomalies: 0,
    rules: new Map(), anomalyCodes: new Map(), byFile: new Map(), byIssue: new Map(),
  };

  constructor(
    private reader: Db,
    private readonly sourceId: string,
    private readonly rules: (metric: string) => MissingRuleOptions,
    private readonly runFileId: (fileId: string) => number,
    private readonly options: RunStoreOptions = { readings: true },
  ) {
    this.rootDb = reader;
  }
  private readonly rootDb: Db;
  /** Newest issue applied so far. */
  private highestIssue = Number.NEGATIVE_INFINITY;
  private readonly scratch = viewScratch();
  /** Annotations superseded before this issue were dropped (see endIssue()): no older issue may come. */
  private prunedAt = Number.NEGATIVE_INFINITY;

  /**
   * Applies one issue's series. The list is taken: its entries are dropped as they are applied,
   * so that a vintage's parsed values can go while young (held to the end of the vintage, every
   * parsed series of a many-vintage run was promoted to the old generation).
   */
  async apply(issueIso: string, series: (IssueSeries | null)[]): Promise<void> {
    const issue = dayNumber(issueIso);
    if (issue < this.prunedAt) throw new IssueOrderError(issueIso);
    if (issue > this.highestIssue) this.highestIssue = issue;
    // Series not seen before in this run: in the order each (key, metric) first comes, the last of each winning.
    const freshByKey = new Map<string, SeriesKey & { metric: MetricId }>();
    for (const s of series as IssueSeries[]) if (!this.ids.get(s.metric)?.has(s.key)) freshByKey.set(`${s.key}|${s.metric}`, { key: s.key, metric: s.metric, derived: s.derived });
    const fresh = [...freshByKey.values()];
    const existing = await findSeries(this.reader, this.sourceId, fresh);
    for (const s of fresh) {
      const k = `${s.key}|${s.metric}`;
      let id = existing.get(k);
      if (id === undefined) this.created.set((id = -(this.created.size + 1)), { key: s.key, metric: s.metric, derived: s.derived });
      let byKey = this.ids.get(s.metric);
      if (!byKey) this.ids.set(s.metric, (byKey = new Map()));
      byKey.set(s.key, id);
    }
    // Ids in the order of `series` (looked up by metric, then key: no key string built per series and vintage).
    const seriesIds = new Int32Array(series.length);
    for (let i = 0; i < series.length; i++) seriesIds[i] = this.ids.get(series[i]!.metric)!.get(series[i]!.key)!;
    // A placeholder has nothing stored yet.
    const uncached = [...new Set(seriesIds)].filter((id) => id > 0 && !this.cache.has(id));
    // In small reads: PGlite serves one query at a time, and a reader waits for at most one of these.
    const versions = new Map<number, SeriesVersions>();
    const annotations = new Map<number, AnnotationVersion[]>();
    for (let k = 0; k < uncached.length; k += READ_CHUNK) {
      // PGlite runs a query on this thread and its promise settles without an event-loop turn.
      await yieldWhenDue();
      const ids = uncached.slice(k, k + READ_CHUNK);
      for (const [id, v] of await readVersions(this.reader, this.sourceId, ids)) versions.set(id, v);
      for (const [id, a] of await readAnnotations(this.reader, ids)) annotations.set(id, a);
    }
    const entries: Cached[] = new Array(series.length);
    for (let i = 0; i < series.length; i++) {
      const s = series[i]!;
      const id = seriesIds[i];
      let c = this.cache.get(id);
      if (!c) {
        this.cache.set(id, (c = {
          versions: versionLog(versions.get(id)),
          annotations: annotations.get(id) ?? [], metric: s.metric, derived: s.derived, derivedIssue: -1,
        }));
      }
      entries[i] = c;
    }
    const label = isoFromDay(issue);
    for (let i = 0; i < series.length; i++) {
      if (yieldDue()) await yieldNow();
      this.applyOne(seriesIds[i], entries[i], issue, label, series[i]!);
      series[i] = null;
      // Within an issue too (a first load is one big issue), so that its writes start early.
      if (this.streams && RUN_STORE_LIMITS.flushAtValues > 0 && this.rows.length >= RUN_STORE_LIMITS.flushAtValues) await this.flush();
    }
  }

  private applyOne(seriesId: number, c: Cached, issue: number, issueIso: string, s: IssueSeries): void {
    if (issue >= c.derivedIssue) {
      c.derived = s.derived;
      c.derivedIssue = issue;
    }
    const blanks = s.derived ? 'data' : this.options.completeVintages ? 'erase' : 'ignored';
    const next = { issue, start: s.start, values: s.values, blanks } as const;
    const diff = diffSeries(c.versions, next);
    mergeVersions(c.versions, next, diff.inserts);
    this.count(s, issueIso, diff.valuesNew, diff.valuesChanged);
    const pair = pairKey(seriesId, issue);
    if (diff.replacedDays.length) this.rewritten.add(pair);
    for (const day of diff.replacedDays) this.replaced.push({ seriesId, day, issue });
    if (diff.inserts.length) {
      // Copied now, not when flushed: the parsed series can go while young.
      const fileId = this.runFileId(s.fileId);
      for (const i of diff.inserts) this.rows.push(seriesId, s.start + i, issue, s.values[i], fileId);
    }
    for (const n of s.notes ?? []) this.notes.push({ seriesId, day: dayNumber(n.date), issue, note: n.note, fileId: this.runFileId(s.fileId) });

    // Glacier's reading of the series as known at this issue.
    const reading = this.read(c, issue, s.derived, s.flags ?? []);
    // Annotations are sorted by issue: the one in force is the last at or before this issue.
    let at = c.annotations.length - 1;
    while (at >= 0 && c.annotations[at].issue > issue) at--;
    const inForce = at >= 0 ? c.annotations[at] : undefined;
    if (!inForce || !sameReading(inForce, reading)) {
      this.annotations.push({ seriesId, issue, fileId: this.runFileId(s.fileId), spans: reading.spans, flags: reading.flags });
      const version: AnnotationVersion = { issue, spans: reading.spans, flags: reading.flags };
      if (inForce?.issue === issue) c.annotations[at] = version;
      else c.annotations.splice(at + 1, 0, version);
      this.counts.annotationsChanged++;
    }
  }

  private read(c: Cached, issue: number, derived: boolean, parserFlags: AnomalyFlag[]): { spans: MissingSpan[]; flags: AnomalyFlag[] } {
    if (!this.options.readings) return { spans: [], flags: parserFlags };
    // The view and the mask live only for this reading (rules and flags keep no reference to their arrays).
    const view = viewAt(c.versions, issue, this.scratch);
    const kind = metricKind(c.metric);
    const { spans, mask } = classifyMissingWithMask(view.values, view.start, this.ruleOptions(c.metric, kind));
    if (derived) {
      for (let k = 0; k < spans.length; k++) {
        if (spans[k].rule === 'blank-cell') spans[k] = { ...spans[k], reason: 'incomplete', rule: 'derived-part-missing' };
      }
    }
    const found = detectAnomalies(view.values, view.start, mask, kind, spans);
    return { spans, flags: parserFlags.length ? [...found, ...parserFlags] : found };
  }

  /** The missing-value rules' options of a metric (the same at every reading). */
  private readonly ruleOptionsOf = new Map<MetricId, MissingRuleOptions>();

  private ruleOptions(metric: MetricId, kind: string): MissingRuleOptions {
    let o = this.ruleOptionsOf.get(metric);
    if (!o) this.ruleOptionsOf.set(metric, (o = { ...this.rules(metric), cumulative: kind === 'cumulative' }));
    return o;
  }

  private count(s: IssueSeries, issue: string, valuesNew: number, valuesChanged: number): void {
    this.counts.valuesRead += s.derived ? 0 : s.values.length;
    this.counts.valuesNew += valuesNew;
    this.counts.valuesChanged += valuesChanged;
    addTo(this.counts.byFile, s.fileId, valuesNew, valuesChanged);
    addTo(this.counts.byIssue, issue, valuesNew, valuesChanged);
  }

  private tally(c: Cached, latest: AnnotationVersion | undefined): void {
    tallyInto(this.counts, c, latest);
  }

  /**
   * Called when every file of an issue has been applied: compacts what is pending once it is
   * large. Holding every batch (each the whole parsed series) until finish() took 1.4 GB for
   * jhu-daily's 114 vintages; compacted, a batch keeps only the span of days it adds. A
   * (series, issue) pair never spans two issues, so the same-issue merge stays exact.
   */
  async endIssue(): Promise<void> {
    if (this.options.pruneAnnotations !== false) this.pruneAnnotations();
    // Readings count by their bytes (heldValues): a run of many small vintages (jhu-daily: 12,000
    // values and as many readings each) is compacted every vintage or two, and past heldValuesMax
    // written as it goes, which bounds its peak on PGlite too (its readings held to the end were
    // 94 MB of text).
    if (this.rows.length + valuesOf(this.annotations) >= RUN_STORE_LIMITS.flushAtValues) await this.flush();
  }

  /**
   * Drops the cached annotations no later issue can see: those superseded by the one in force at
   * the newest issue applied. A many-vintage run kept every series' reading of every vintage
   * (jhu-daily: 114 per series, about 700 MB of objects) although only the one in force is ever
   * compared again. From here an older issue would find too little, so apply() refuses one.
   */
  private pruneAnnotations(): void {
    const at = this.highestIssue;
    for (const c of this.cache.values()) {
      const list = c.annotations;
      let k = list.length - 1;
      while (k >= 0 && list[k].issue > at) k--;
      if (k > 0) list.splice(0, k);
    }
    this.prunedAt = at;
  }

  /** `final`: from finish(), which writes nothing by itself (a small run writes all at commit()). */
  private async flush(final = false): Promise<void> {
    const replaced = [...this.replaced];
    // The write keeps these rows, and a fresh set collects the next flush's.
    const rows = mergeRewritten(this.rows, this.rewritten);
    this.rows = new ObservationRows();
    const annotations = this.annotations;
    this.annotations = new AnnotationRows();
    const notes = [...this.notes];
    this.heldValues += rows.length + valuesOf(annotations);
    this.writes.push(async (tx, id) => {
      // Placeholder ids made real in place: these rows are this write's own (no copy of each).
      for (const r of replaced) r.seriesId = id(r.seriesId);
      for (const { seriesIds: ids, length } of rows.chunks) for (let i = 0; i < length; i++) if (ids[i] < 0) ids[i] = id(ids[i]);
      for (let i = 0; i < annotations.length; i++) annotations.seriesIds[i] = id(annotations.seriesIds[i]);
      for (const n of notes) n.seriesId = id(n.seriesId);
      if (replaced.length || rows.length) {
        const table = await this.observationsIn(tx);
        await deleteObservations(tx, table, replaced);
        await writeObservations(tx, table, rows);
      }
      if (annotations.length) await writeAnnotations(tx, annotations);
      if (notes.length) await writeNotes(tx, notes);
    });
    this.replaced.length = 0;
    this.rewritten.clear();
    this.notes.length = 0;
    if (this.streams) {
      if (final && !this.open) return;
      // PostgreSQL: a big run writes as it goes, in one transaction opened now, while it goes on
      // reading and comparing: the server stores one flush (COPY, index) on the other core while
      // this process computes the next. Readers are not held up (MVCC), and the run's reads stay
      // on the pool: they only ever ask for series the run has not touched, which the open
      // transaction has not changed. At most one flush is in flight, which bounds the memory.
      if (!this.open) this.open = await openTransaction(this.rootDb);
      await this.writing;
      this.throwIfWriteFailed();
      const tx = this.open.tx;
      this.writing = this.drain(tx).catch((err: unknown) => {
        this.writeError ??= { err };
      });
    } else if (this.heldValues > RUN_STORE_LIMITS.heldValuesMax) {
      // PGlite, a first load of a big source: holding all of it until the end would cost hundreds
      // of MB, so from here the run writes as it goes in one open transaction (readers wait for
      // it, as before; PGlite has one connection; a refresh adds far fewer values and never gets here).
      if (!this.open) {
        this.open = await openTransaction(this.rootDb);
        this.reader = this.open.tx;
      }
      await this.drain(this.open.tx);
    }
  }

  /** The source's partition of observations, once a write needs it (made by this run's transaction on a first load). */
  private table: ObservationsTable | null = null;

  private async observationsIn(tx: Db): Promise<ObservationsTable> {
    return (this.table ??= await observationsTable(tx, this.sourceId));
  }

  private settled: Promise<void> | null = null;

  /**
   * Once the run's values are all written: analyzes the source's partition, side by side with
   * other runs (statistics.ts), and gives a first load's partition its key, once (the commit turn
   * need not wait for either); the partition is attached in the turn.
   */
  private settleTable(tx: Db): Promise<void> {
    return (this.settled ??= (async () => {
      if (!this.table) return;
      await refreshObservationStatistics(tx, this.table.name);
      await keyObservations(tx, this.table);
    })());
  }

  /** Whether big runs write as they go while reading on (PostgreSQL), see flush(). */
  private get streams(): boolean {
    return this.rootDb.kind === 'postgres';
  }

  /** The flush being written in the background (PostgreSQL), and its failure. */
  private writing: Promise<void> = Promise.resolve();
  private writeError: { err: unknown } | null = null;

  private throwIfWriteFailed(): void {
    if (this.writeError) throw this.writeError.err;
  }

  /** Creates the series made so far and runs the held writes in `tx`, in order. */
  private async drain(tx: Db): Promise<void> {
    const writes = this.writes.splice(0);
    this.heldValues = 0;
    const created = [...this.created].filter(([placeholder]) => !this.realIds.has(placeholder));
    const real = await ensureSeries(tx, this.sourceId, created.map(([, k]) => k));
    for (const [placeholder, k] of created) this.realIds.set(placeholder, real.get(`${k.key}|${k.metric}`)!);
    const id = (seriesId: number) => (seriesId < 0 ? this.realIds.get(seriesId)! : seriesId);
    for (const write of writes) await write(tx, id);
  }

  /** Computes the summaries of the touched series; nothing is written before `commit()`. */
  async finish(): Promise<StoreCounts> {
    await this.flush(true);
    // A run writing as it goes (PostgreSQL) has handed over its last values: the server settles the
    // partition (settleTable) while this process computes the summaries.
    if (this.open && this.streams) {
      const tx = this.open.tx;
      this.writing = this.writing.then(() => this.settleTable(tx)).catch((err: unknown) => {
        this.writeError ??= { err };
      });
    }
    const summaries: SeriesSummary[] = [];
    for (const [seriesId, c] of this.cache) {
      await yieldWhenDue();
      const latest = c.annotations[c.annotations.length - 1];
      summaries.push(summarize(seriesId, viewAt(c.versions, Number.POSITIVE_INFINITY), latest?.spans ?? [], latest?.flags.length ?? 0));
      this.tally(c, latest);
    }
    // Where this run read the newest vintage of a series, that vintage says whether it is derived.
    const derived = [...this.cache].filter(([, c]) => c.derivedIssue >= newestIssue(c.versions)).map(([id, c]) => ({ id, derived: c.derived }));
    this.writes.push(async (tx, id) => {
      await writeSummaries(tx, summaries.map((x) => ({ ...x, seriesId: id(x.seriesId) })));
      await setDerived(tx, derived.map((x) => ({ ...x, id: id(x.id) })));
    });
    return this.counts;
  }

  /**
   * Writes everything and then `more(tx)` in one transaction (the one already open, if the run
   * had to open it), re-ranking the default series; commits.
   */
  async commit(more: (tx: Db) => Promise<void>): Promise<void> {
    const run = async (tx: Db) => {
      await this.drain(tx);
      await this.settleTable(tx);
      await takeCommitTurn(tx);
      if (this.table) await attachObservations(tx, this.table);
      await refreshSeriesRanks(tx, this.sourceId);
      await more(tx);
    };
    if (!this.open) return this.rootDb.transaction(run);
    const open = this.open;
    this.open = null;
    try {
      await this.writing;
      this.throwIfWriteFailed();
      await run(open.tx);
    } catch (err) {
      await open.rollback(err);
      throw err;
    }
    await open.commit();
  }

  /** After a failure: rolls back the transaction the run opened, if any. */
  async abort(err: unknown): Promise<void> {
    const open = this.open;
    this.open = null;
    await this.writing;
    await open?.rollback(err);
  }
}

export interface RunStoreOptions {
  /** Compute Glacier's readings (missing-value spans, anomaly flags); sparse sources do not. */
  readings: boolean;
  completeVintages?: boolean;
  /**
   * Drop superseded annotations after each vintage (default): the run must then apply issues in
   * ascending order, else apply() throws IssueOrderError and the caller runs again without.
   */
  pruneAnnotations?: boolean;
}

/** An issue older than one whose superseded annotations were dropped: run again with pruneAnnotations false. */
export class IssueOrderError extends Error {
  constructor(issue: string) {
    super(`issue ${issue} applied after a newer one`);
    this.name = 'IssueOrderError';
  }
}

function addTo(map: Map<string, { valuesNew: number; valuesChanged: number }>, key: string, valuesNew: number, valuesChanged: number): void {
  const e = map.get(key);
  if (e) {
    e.valuesNew += valuesNew;
    e.valuesChanged += valuesChanged;
  } else map.set(key, { valuesNew, valuesChanged });
}

function tallyInto(counts: StoreCounts, c: Cached, latest: AnnotationVersion | undefined): void {
  if (!latest) return;
  counts.anomalies += latest.flags.length;
  for (const f of latest.flags) counts.anomalyCodes.set(f.code, (counts.anomalyCodes.get(f.code) ?? 0) + 1);
  if (c.derived) return;
  for (const sp of latest.spans) {
    const r = counts.rules.get(sp.rule) ?? { series: 0, days: 0 };
    r.series++;
    r.days += Math.floor((dayNumber(sp.to) - dayNumber(sp.from)) / (sp.step ?? 1)) + 1;
    counts.rules.set(sp.rule, r);
  }
}

/** Rows of a (series, issue) written more than once in a run: one per day, the later value winning. */
function mergeRewritten(rows: ObservationRows, rewritten: Set<PairKey>): ObservationRows {
  if (rewritten.size === 0) return rows;
  const rowKey = (c: ObservationChunk, i: number) => `${c.seriesIds[i]}|${c.issues[i]}|${c.days[i]}`;
  // The last row (by its number in the run) of each rewritten (series, issue, day).
  const last = new Map<string, number>();
  let n = 0;
  for (const c of rows.chunks) {
    for (let i = 0; i < c.length; i++, n++) if (rewritten.has(pairKey(c.seriesIds[i], c.issues[i]))) last.set(rowKey(c, i), n);
  }
  const kept = new ObservationRows();
  n = 0;
  for (const c of rows.chunks) {
    for (let i = 0; i < c.length; i++, n++) {
      if (!rewritten.has(pairKey(c.seriesIds[i], c.issues[i])) || last.get(rowKey(c, i)) === n) {
        kept.push(c.seriesIds[i], c.days[i], c.issues[i], c.values[i], c.fileIds[i]);
      }
    }
  }
  return kept;
}

function summarize(seriesId: number, latest: { start: number; values: Float64Array; issues: Int32Array }, spans: MissingSpan[], anomalyCount: number): SeriesSummary {
  const mask = maskFromSpans(spans, latest.start, latest.values.length, dayNumber);
  let firstDay: number | null = null;
  let lastDay: number | null = null;
  let latestIdx = -1;
  let valueCount = 0;
  for (let i = 0; i < latest.values.length; i++) {
    if (latest.issues[i] < 0) continue;
    firstDay ??= latest.start + i;
    lastDay = latest.start + i;
    if (mask[i] === null && !Number.isNaN(latest.values[i])) {
      valueCount++;
      latestIdx = i;
    }
  }
  return {
    seriesId, firstDay, lastDay, valueCount, anomalyCount,
    latestDay: latestIdx < 0 ? null : latest.start + latestIdx,
    latestValue: latestIdx < 0 ? null : latest.values[latestIdx],
    latestIssue: latestIdx < 0 ? null : latest.issues[latestIdx],
  };
}

