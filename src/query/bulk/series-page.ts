import type { ServedSeries } from '../series.js';
import type { EncodedPage } from './fields.js';
import type { WireColumn } from './wire-columns.js';

/**
 * The long rows of served series (location, date, metric, value, missing_reason, source, derived,
 * issue, flags: what `servedRows` in src/query/series.ts gives, row for row) written straight from
 * the series' typed arrays into columns: typed arrays and a dictionary of the page's strings, the
 * one form both files take (the Parquet worker encodes them, the CSV worker writes their lines:
 * csv-columns.ts). No object per row: the long tables have ~21 M rows, and building, copying and
 * collecting row objects was most of the export's time. Pages hold whole series, about `rows`
 * rows each: a page is built in one synchronous stretch of the event loop, and a server answers
 * requests between two pages.
 */
export function* encodeSeriesPages(series: readonly ServedSeries[], rows = PAGE_ROWS): Generator<EncodedPage> {
  let from = 0;
  let n = 0;
  for (let i = 0; i < series.length; i++) {
    n += series[i].values.length;
    if (n >= rows || i === series.length - 1) {
      yield encodePage(series.slice(from, i + 1));
      from = i + 1;
      n = 0;
    }
  }
}

/** Rows per page: small enough that building one is a short stretch of the event loop. */
const PAGE_ROWS = 16_384;

function encodePage(series: readonly ServedSeries[]): EncodedPage {
  let rows = 0;
  for (const s of series) rows += s.values.length;
  return { rows, columns: seriesColumns(series, rows) };
}

/** Indexes into one list of the page's distinct strings (shared by its string columns). */
class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }
}

function seriesColumns(series: readonly ServedSeries[], n: number): WireColumn[] {
  const strings = new Strings();
  const location = new Int32Array(n);
  const date = new Int32Array(n);
  const metric = new Int32Array(n);
  const value = new Float64Array(n);
  const reason = new Int32Array(n);
  const source = new Int32Array(n);
  const derived = new Int8Array(n);
  const issue = new Int32Array(n);
  const flagRows: number[] = [];
  const flagItems: string[][] = [];
  let o = 0;
  for (const s of series) {
    const m = s.values.length;
    location.fill(strings.of(s.location), o, o + m);
    metric.fill(strings.of(s.metric), o, o + m);
    value.set(s.values, o);
    // -1: no issue (null), as in the served series.
    issue.set(s.issues, o);
    const refSource = s.refs.map((r) => strings.of(r.source));
    const refDerived = s.refs.map((r) => (r.derived ? 1 : 0));
    let lastReason: string | null = null;
    let lastReasonIndex = -1;
    for (let i = 0; i < m; i++) {
      date[o + i] = s.start + i;
      const k = s.supplier[i];
      source[o + i] = k >= 0 ? refSource[k] : -1;
      derived[o + i] = k >= 0 ? refDerived[k] : -1;
      const r = s.reasons[i];
      if (r !== lastReason) {
        lastReason = r;
        lastReasonIndex = r === null ? -1 : strings.of(r);
      }
      reason[o + i] = lastReasonIndex;
    }
    for (const [day, flags] of s.flags) {
      const i = day - s.start;
      if (i < 0 || i >= m) continue;
      flagRows.push(o + i);
      flagItems.push(flags.map((f) => f.code));
    }
    o += m;
  }
  const dict = (index: Int32Array): WireColumn => ({ kind: 'dict', dict: strings.list, index });
  return [
    dict(location),
    { kind: 'i32', values: date, nulls: false },
    dict(metric),
    { kind: 'f64', values: value },
    dict(reason),
    dict(source),
    { kind: 'bool', values: derived },
    { kind: 'i32', values: issue, nulls: true },
    { kind: 'lists', length: n, rows: Int32Array.from(flagRows), items: flagItems },
  ];
}
