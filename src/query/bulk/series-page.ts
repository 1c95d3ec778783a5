import { isoFromDay } from '../../domain/dates.js';
import { csvCell } from '../../lib/csv-write.js';
import type { ServedSeries } from '../series.js';
import type { BulkFormat } from './datapackage.js';
import type { EncodedPage } from './fields.js';
import type { WireColumn } from './wire-columns.js';

/**
 * The long rows of served series (location, date, metric, value, missing_reason, source, derived,
 * issue, flags: what `servedRows` in src/query/series.ts gives, row for row) written straight from
 * the series' typed arrays into each format's form: Parquet columns as typed arrays and
 * dictionaries, CSV lines with the API's cells (csvCell). No object per row: the long tables have
 * ~21 M rows, and building, copying and collecting row objects was most of the export's time.
 * Pages hold whole series, about `rows` rows each: a page is encoded in one synchronous stretch of
 * the event loop, and a server answers requests between two pages.
 */
export function* encodeSeriesPages(series: readonly ServedSeries[], formats: readonly BulkFormat[], rows = PAGE_ROWS): Generator<EncodedPage> {
  let from = 0;
  let n = 0;
  for (let i = 0; i < series.length; i++) {
    n += series[i].values.length;
    if (n >= rows || i === series.length - 1) {
      yield encodePage(series.slice(from, i + 1), formats);
      from = i + 1;
      n = 0;
    }
  }
}

/** Rows per encoded page: small enough that encoding one is a short stretch of the event loop. */
const PAGE_ROWS = 16_384;

function encodePage(series: readonly ServedSeries[], formats: readonly BulkFormat[]): EncodedPage {
  let rows = 0;
  for (const s of series) rows += s.values.length;
  const page: EncodedPage = { rows };
  if (formats.includes('parquet')) page.parquet = parquetColumns(series, rows);
  if (formats.includes('csv')) page.csv = csvLines(series, rows);
  return page;
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

function parquetColumns(series: readonly ServedSeries[], n: number): WireColumn[] {
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

/**
 * The page's CSV lines as UTF-8 bytes, written into one buffer: each series' fixed cells encoded
 * once, each row's date, value and issue as ASCII. Building the same text as a JS string (a rope
 * of ~10 pieces a row, then flattened into a Buffer for gzip) spent more time in garbage
 * collection and in Buffer.from than in the lines themselves (bench part 6 profile).
 */
function csvLines(series: readonly ServedSeries[], rows: number): Buffer {
  const out = new ByteBuffer(rows * 64);
  const reasonCells = new Map<string, Buffer>();
  for (const s of series) {
    const m = s.values.length;
    const head = Buffer.from(`${csvCell(s.location)},`);
    const middle = Buffer.from(`,${csvCell(s.metric)},`);
    // `,source,derived,` of each supplier; no supplier: both empty.
    const supplied = s.refs.map((r) => Buffer.from(`,${csvCell(r.source)},${csvCell(r.derived)},`));
    const flagged = s.flags.size > 0;
    // A row's bytes but the reason and flags: two dates, a number (String(v) is at most 25 characters), separators.
    const rowBound = head.length + middle.length + Math.max(NO_SUPPLIER.length, ...supplied.map((b) => b.length)) + 2 * DAY_TEXT + 25 + 4;
    let lastReason: string | null = null;
    let reasonCell: Uint8Array = EMPTY;
    for (let i = 0; i < m; i++) {
      const day = s.start + i;
      const v = s.values[i];
      // Reasons come in runs of days: look the cell up only when it changes.
      const r = s.reasons[i];
      if (r !== lastReason) {
        lastReason = r;
        if (r === null) reasonCell = EMPTY;
        else {
          let cell = reasonCells.get(r);
          if (cell === undefined) reasonCells.set(r, (cell = Buffer.from(csvCell(r))));
          reasonCell = cell;
        }
      }
      const k = s.supplier[i];
      const issue = s.issues[i];
      // One capacity check a row; the cells below are written unchecked.
      out.reserve(rowBound + reasonCell.length);
      out.put(head);
      out.putDate(day);
      out.put(middle);
      if (Number.isFinite(v)) out.number(v);
      out.putByte(COMMA);
      out.put(reasonCell);
      out.put(k >= 0 ? supplied[k] : NO_SUPPLIER);
      if (issue >= 0) out.putDate(issue);
      out.putByte(COMMA);
      const flags = flagged ? s.flags.get(day) : undefined;
      if (flags) out.bytes(Buffer.from(csvCell(flags.map((f) => f.code))));
      out.reserve(2);
      out.put(CRLF);
    }
  }
  return out.result();
}

const COMMA = 0x2c;
/** YYYY-MM-DD of days 0 to DAYS - 1 (1970 to 2149), 10 bytes each, filled as they are met. */
const DAY_TEXT = 10;
const DAYS = 65_536;
const DAY_TABLE = new Uint8Array(DAYS * DAY_TEXT);
const DAY_FILLED = new Uint8Array(DAYS);
const CRLF = Buffer.from('\r\n');
const NO_SUPPLIER = Buffer.from(',,,');
const EMPTY = Buffer.alloc(0);

/** A growing byte buffer. */
class ByteBuffer {
  private buf: Buffer;
  private pos = 0;
  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(Math.max(1024, size));
  }
  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }
  /** Room for `n` more bytes: the put* methods below do not check. */
  reserve(n: number): void {
    this.ensure(n);
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.put(b);
  }
  put(b: Uint8Array): void {
    const n = b.length;
    const buf = this.buf;
    let p = this.pos;
    // Cells are a few bytes: a loop beats set()'s call overhead.
    if (n < 32) for (let i = 0; i < n; i++) buf[p++] = b[i];
    else {
      buf.set(b, p);
      p += n;
    }
    this.pos = p;
  }
  /** A day as YYYY-MM-DD (isoFromDay's text), copied from DAY_TABLE (a Map lookup and a Buffer a day cost more). */
  putDate(day: number): void {
    if (!(day >= 0 && day < DAYS)) {
      this.put(Buffer.from(isoFromDay(day), 'latin1'));
      return;
    }
    const from = day * DAY_TEXT;
    if (!DAY_FILLED[day]) {
      DAY_TABLE.set(Buffer.from(isoFromDay(day), 'latin1'), from);
      DAY_FILLED[day] = 1;
    }
    const buf = this.buf;
    let p = this.pos;
    for (let i = from; i < from + DAY_TEXT; i++) buf[p++] = DAY_TABLE[i];
    this.pos = p;
  }
  putByte(b: number): void {
    this.buf[this.pos++] = b;
  }
  /** A finite number as String(v) writes it (ASCII); integers digit by digit, without a string. */
  number(v: number): void {
    if (Number.isSafeInteger(v) && !Object.is(v, -0)) {
      this.ensure(17);
      const buf = this.buf;
      let x = v;
      if (x < 0) {
        buf[this.pos++] = 0x2d;
        x = -x;
      }
      // Digits written from the end (no subarray().reverse(): a Buffer object per number).
      let digits = 1;
      for (let t = x; t >= 10; t = Math.floor(t / 10)) digits++;
      let p = this.pos + digits;
      this.pos = p;
      do {
        buf[--p] = 0x30 + (x % 10);
        x = Math.floor(x / 10);
      } while (x > 0);
      return;
    }
    const s = String(v);
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i);
  }
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }
  result(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}
