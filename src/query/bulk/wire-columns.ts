/**
 * Columns as they cross to the Parquet worker (parquet-file.ts → parquet-worker.ts). A structured
 * clone of a plain array of strings or numbers costs per element: posting the long tables' pages
 * as plain arrays took a quarter of the export's main-thread time (bench part 6 profile). So
 * numbers go as typed arrays (transferred, not copied) and repeated strings as a small dictionary
 * and a typed array of indexes; the worker expands them into the values hyparquet-writer takes.
 */
export type WireColumn =
  /** Values as they are (small tables, free text). */
  | { kind: 'values'; values: unknown[] }
  /** Doubles; NaN is null. */
  | { kind: 'f64'; values: Float64Array }
  /** Integers (day numbers for dates); with `nulls`, negative is null. */
  | { kind: 'i32'; values: Int32Array; nulls: boolean }
  /** Strings from `dict`; index -1 is null. */
  | { kind: 'dict'; dict: string[]; index: Int32Array }
  /** Booleans: 0, 1, -1 = null. */
  | { kind: 'bool'; values: Int8Array }
  /** Lists of strings: `items[k]` at row `rows[k]`, every other row the empty list. */
  | { kind: 'lists'; length: number; rows: Int32Array; items: string[][] };

/** The buffers to transfer with a page (each typed array owns its buffer: see the builders). */
export function transferables(columns: readonly WireColumn[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const c of columns) {
    if (c.kind === 'f64' || c.kind === 'i32' || c.kind === 'bool') out.push(c.values.buffer as ArrayBuffer);
    else if (c.kind === 'dict') out.push(c.index.buffer as ArrayBuffer);
    else if (c.kind === 'lists') out.push(c.rows.buffer as ArrayBuffer);
  }
  return out;
}

export function wireLength(c: WireColumn): number {
  return c.kind === 'dict' ? c.index.length : c.kind === 'lists' ? c.length : c.values.length;
}

const EMPTY: readonly string[] = Object.freeze([]) as readonly string[];

/** The values hyparquet-writer takes for the column (null for a missing value). */
export function wireValues(c: WireColumn): unknown[] {
  if (c.kind === 'values') return c.values;
  const n = wireLength(c);
  const out = newValueArray(n);
  copyWireValues(c, 0, n, out, 0);
  return out;
}

/**
 * An array for `n` values of any kind, nulls included, from the start (elements kind
 * HOLEY_ELEMENTS): filled in place by copyWireValues without the element-kind transitions that
 * pushing doubles then a null costs (every double boxed again at the transition).
 */
export function newValueArray(n: number): unknown[] {
  return new Array<unknown>(n).fill(null);
}

/**
 * Writes values `from` to `to` of the column into `out` from index `at`, as wireValues gives
 * them: the encoder fills its row group's arrays straight from the pages (no per-page arrays
 * joined and sliced again). Plain loops: Array.from with a mapper cost several times as much.
 */
export function copyWireValues(c: WireColumn, from: number, to: number, out: unknown[], at: number): void {
  const shift = at - from;
  switch (c.kind) {
    case 'values':
      for (let i = from; i < to; i++) out[i + shift] = c.values[i];
      break;
    case 'f64':
      for (let i = from; i < to; i++) {
        const v = c.values[i];
        out[i + shift] = v === v ? v : null;
      }
      break;
    case 'i32':
      if (c.nulls) for (let i = from; i < to; i++) out[i + shift] = c.values[i] < 0 ? null : c.values[i];
      else for (let i = from; i < to; i++) out[i + shift] = c.values[i];
      break;
    case 'dict':
      for (let i = from; i < to; i++) out[i + shift] = c.index[i] < 0 ? null : c.dict[c.index[i]];
      break;
    case 'bool':
      for (let i = from; i < to; i++) out[i + shift] = c.values[i] < 0 ? null : c.values[i] === 1;
      break;
    case 'lists':
      out.fill(EMPTY, at, at + to - from);
      for (let k = 0; k < c.rows.length; k++) if (c.rows[k] >= from && c.rows[k] < to) out[c.rows[k] + shift] = c.items[k];
      break;
  }
}
