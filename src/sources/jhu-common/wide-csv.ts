import { dayFromUsShortDate } from '../../domain/dates.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { eachCsvRow, requireRowWidth, rowLineNumbers, stripBom } from '../../lib/csv.js';
import { RowRepeats } from '../kit/duplicate-rows.js';

/**
 * JHU's wide time-series layout: a few place columns, then one column per day ("1/22/20").
 * The header is checked by name, never by position, because JHU inserted columns over the
 * years (the US deaths file has Population before the dates).
 */
export interface WideLayout {
  /** Place columns that must be present, in this order, before the first date column. */
  required: readonly string[];
  /** Place columns that may appear among them. */
  optional?: readonly string[];
}

export interface WideRow {
  line: number;
  /** Place columns by header name. */
  place: Record<string, string>;
  values: Float64Array;
}

export interface WideTable {
  start: number;
  length: number;
  rows: WideRow[];
  issues: ValidationIssue[];
}

export function parseWideCsv(rawText: string, file: string, layout: WideLayout, rowKey: (place: Record<string, string>) => string): WideTable {
  const text = stripBom(rawText);
  const lines = rowLineNumbers(text);
  const out: WideRow[] = [];
  const repeats = new RowRepeats(file);
  let header: string[] = [];
  let placeColumns: string[] = [];
  let firstDate = -1;
  let start = Number.NaN;
  let length = 0;
  // Row by row: each row's cells become numbers before the next is parsed.
  eachCsvRow(text, file, (f, r) => {
    if (r === 0) {
      header = f.map((h) => h.trim());
      firstDate = header.findIndex((h) => !Number.isNaN(dayFromUsShortDate(h)));
      if (firstDate < 0) throw new SourceFormatError('no date columns (expected headers like 1/22/20)', file, 1);
      placeColumns = header.slice(0, firstDate);
      checkPlaceColumns(placeColumns, layout, file);
      start = dayFromUsShortDate(header[firstDate]);
      length = header.length - firstDate;
      for (let j = 1; j < length; j++) {
        const h = header[firstDate + j];
        const day = dayFromUsShortDate(h);
        if (Number.isNaN(day)) throw new SourceFormatError(`column ${firstDate + j + 1} is not a date (${JSON.stringify(h)})`, file, 1);
        if (day !== start + j) throw new SourceFormatError(`date columns are not consecutive days at ${JSON.stringify(h)}`, file, 1, h);
      }
      return;
    }
    const line = () => lines[r] ?? r + 1;
    requireRowWidth(f.length, header.length, file, line());
    const place: Record<string, string> = {};
    for (let j = 0; j < firstDate; j++) place[placeColumns[j]] = f[j].trim();
    const values = new Float64Array(length);
    for (let j = 0; j < length; j++) {
      const cell = f[firstDate + j].trim();
      if (cell === '') values[j] = Number.NaN;
      else {
        const v = Number(cell);
        if (!Number.isFinite(v)) throw new SourceFormatError(`not a number: ${JSON.stringify(f[firstDate + j])}`, file, line(), header[firstDate + j]);
        values[j] = v;
      }
    }
    const row: WideRow = { line: line(), place, values };
    const key = rowKey(place);
    if (repeats.first(key, row.line, values)) out.push(row);
  });
  if (firstDate < 0) throw new SourceFormatError('empty file', file);
  return { start, length, rows: out, issues: repeats.issues };
}

function checkPlaceColumns(columns: string[], layout: WideLayout, file: string): void {
  const optional = new Set(layout.optional ?? []);
  const required = columns.filter((c) => !optional.has(c));
  for (let i = 0; i < Math.max(required.length, layout.required.length); i++) {
    if (required[i] !== layout.required[i]) {
      const got = required[i] === undefined ? 'nothing' : JSON.stringify(required[i]);
      const want = layout.required[i] === undefined ? 'a date column' : JSON.stringify(layout.required[i]);
      throw new SourceFormatError(`unexpected header: found ${got} where ${want} was expected (place columns: ${layout.required.join(', ')})`, file, 1);
    }
  }
}
