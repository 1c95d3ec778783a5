import { isoFromDay } from '../../domain/dates.js';
import { csvCell } from '../../lib/csv-write.js';
import type { BulkField } from './fields.js';
import { wireLength, type WireColumn } from './wire-columns.js';

/**
 * The CSV lines of a page given as Parquet's wire columns (the long series tables: one decode of
 * the store's rows feeds both formats), as UTF-8 bytes written into one buffer: the API's cells
 * (csvCell: RFC 4180 quoting, empty = null, numbers as String(v), lists joined with `;`, dates
 * YYYY-MM-DD). Each distinct string's cell is encoded once per page; dates and numbers are
 * written as ASCII without a string. Runs in the CSV worker (csv-worker.ts).
 *
 * Column kinds as series-page.ts builds them: `dict` strings (index -1 = null), `i32` dates
 * (day numbers; with `nulls`, negative = null) or integers, `f64` numbers (not finite = null),
 * `bool` (-1 = null), `lists` of strings. `values` columns (small tables) are not taken: their
 * pages are CSV text already.
 */
export function csvFromColumns(fields: readonly BulkField[], columns: readonly WireColumn[]): Buffer {
  if (columns.length !== fields.length) throw new Error(`csv: ${columns.length} columns for ${fields.length} fields`);
  const n = columns.length ? wireLength(columns[0]) : 0;
  const writers = columns.map((c, j) => cellWriter(fields[j], c, n));
  const out = new ByteBuffer(n * 64);
  const last = writers.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= last; j++) {
      writers[j](out, i);
      out.byte(j === last ? CR : COMMA);
    }
    out.byte(LF);
  }
  return out.result();
}

type CellWriter = (out: ByteBuffer, row: number) => void;

/** Cells of a page's dictionary, encoded when first met (one cache per dictionary: the string columns of a page share one). */
const dictCells = new WeakMap<readonly string[], (Buffer | undefined)[]>();

function cellWriter(f: BulkField, c: WireColumn, n: number): CellWriter {
  if (wireLength(c) !== n) throw new Error(`csv: column ${f.name} has ${wireLength(c)} values for ${n} rows`);
  switch (c.kind) {
    case 'dict': {
      let cells = dictCells.get(c.dict);
      if (!cells) dictCells.set(c.dict, (cells = new Array<Buffer | undefined>(c.dict.length)));
      const { dict, index } = c;
      const known = cells;
      return (out, i) => {
        const k = index[i];
        if (k < 0) return;
        let cell = known[k];
        if (cell === undefined) known[k] = cell = Buffer.from(csvCell(dict[k]));
        out.bytes(cell);
      };
    }
    case 'i32': {
      const { values, nulls } = c;
      if (f.type === 'date') return (out, i) => (nulls && values[i] < 0 ? undefined : out.date(values[i]));
      return (out, i) => (nulls && values[i] < 0 ? undefined : out.number(values[i]));
    }
    case 'f64': {
      const { values } = c;
      return (out, i) => {
        const v = values[i];
        if (Number.isFinite(v)) out.number(v);
      };
    }
    case 'bool': {
      const { values } = c;
      return (out, i) => {
        const v = values[i];
        if (v >= 0) out.bytes(v === 1 ? TRUE : FALSE);
      };
    }
    case 'lists': {
      // Rows holding a list, with its cell; every other row is the empty list (an empty cell).
      const at = new Map<number, Buffer>();
      for (let k = 0; k < c.rows.length; k++) at.set(c.rows[k], Buffer.from(csvCell(c.items[k])));
      return (out, i) => {
        const cell = at.size ? at.get(i) : undefined;
        if (cell !== undefined) out.bytes(cell);
      };
    }
    case 'values':
      throw new Error(`csv: column ${f.name} holds plain values; such pages are written as rows`);
  }
}

const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
/** YYYY-MM-DD of days 0 to DAYS - 1 (1970 to 2149), 10 bytes each, filled as they are met. */
const DAY_TEXT = 10;
const DAYS = 65_536;
const DAY_TABLE = new Uint8Array(DAYS * DAY_TEXT);
const DAY_FILLED = new Uint8Array(DAYS);

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
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.ensure(n);
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
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }
  /** A day as YYYY-MM-DD (isoFromDay's text), copied from DAY_TABLE (a Map lookup and a Buffer a day cost more). */
  date(day: number): void {
    if (!(day >= 0 && day < DAYS)) {
      this.bytes(Buffer.from(isoFromDay(day), 'latin1'));
      return;
    }
    const from = day * DAY_TEXT;
    if (!DAY_FILLED[day]) {
      DAY_TABLE.set(Buffer.from(isoFromDay(day), 'latin1'), from);
      DAY_FILLED[day] = 1;
    }
    this.ensure(DAY_TEXT);
    const buf = this.buf;
    let p = this.pos;
    for (let i = from; i < from + DAY_TEXT; i++) buf[p++] = DAY_TABLE[i];
    this.pos = p;
  }
  /**
   * A finite number as String(v) writes it (ASCII): integers below 2^31 (the counts) digit by
   * digit in int32 arithmetic, without a string (-0 too: String(-0) is "0"); others by String(v).
   */
  number(v: number): void {
    let x = v < 0 ? -v : v;
    if (x <= 0x7fffffff && (x | 0) === x) {
      this.ensure(11);
      const buf = this.buf;
      if (v < 0) buf[this.pos++] = 0x2d;
      const digits = x < 10 ? 1 : x < 100 ? 2 : x < 1e3 ? 3 : x < 1e4 ? 4 : x < 1e5 ? 5 : x < 1e6 ? 6 : x < 1e7 ? 7 : x < 1e8 ? 8 : x < 1e9 ? 9 : 10;
      let p = this.pos + digits;
      this.pos = p;
      do {
        const q = (x / 10) | 0;
        buf[--p] = 0x30 + x - q * 10;
        x = q;
      } while (x > 0);
      return;
    }
    const s = String(v);
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i);
  }
  result(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}
