import { SourceFormatError } from '../../domain/validation.js';
import { readCsvTable, stripBom } from '../../lib/csv.js';
import type { IssueLog } from './issues.js';
import { quote } from './issues.js';

/**
 * A metadata table (CSV or the first sheet of an XLSX) as the imaging parsers read it: the
 * header checked by name, each record with its physical line, and the rows that are not
 * records reported as `stray_row`.
 */
export type RawCell = string | number | boolean | Date | null | undefined;

export interface TableRecord {
  cells: RawCell[];
  /** 1-based line (CSV: the physical line the row starts on; XLSX: the sheet row). */
  line: number;
}

export interface ImagingTable {
  /** Column names as written, trimmed; an unnamed column is `column_<n>` (1-based). */
  header: string[];
  col: Map<string, number>;
  records: TableRecord[];
}

export interface TableSpec {
  /** Columns that must be in the header (by name, trimmed). */
  required: readonly string[];
  /** The column that names the image: a row without it is not a record. */
  fileColumn: string;
}

/** The text of a cell for checks ('' for empty cells; numbers as written). */
export function cellText(c: RawCell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

function indexHeader(header: string[], spec: TableSpec, file: string): Map<string, number> {
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    if (col.has(h)) throw new SourceFormatError(`unexpected header: column ${JSON.stringify(h)} appears twice`, file, 1, h);
    col.set(h, i);
  });
  for (const name of spec.required) {
    if (!col.has(name)) {
      throw new SourceFormatError(`unexpected header: no column ${JSON.stringify(name)} (found ${header.map((h) => JSON.stringify(h)).join(', ')})`, file, 1, name);
    }
  }
  return col;
}

const nameUnnamed = (header: string[]) => header.map((h, i) => (h === '' ? `column_${i + 1}` : h));

/**
 * Splits rows into records and stray rows. A row is a record when it has a file name. A row
 * without one (blank, or a caption fragment split off a quoted cell) is reported as a stray row
 * and not stored — unless it is as wide as the header and holds other data, which a stray
 * fragment never does, or it is too wide: those refuse the file.
 */
function classify(rows: RawCell[][], lineOf: (r: number) => number, width: number, fileIndex: number, file: string, log: IssueLog, csv: boolean): TableRecord[] {
  const records: TableRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    const line = lineOf(r);
    if (cells.length > width) throw new SourceFormatError(`expected ${width} fields, found ${cells.length} (malformed row)`, file, line);
    const name = cellText(cells[fileIndex]).trim();
    if (name === '') {
      const text = cells.map(cellText).filter((c) => c.trim() !== '');
      log.add('stray_row', text.length === 0 ? 'blank row; not stored' : `row without a file name (${cells.length} of ${width} fields: ${text.map((t) => quote(t, 50)).join(', ')}) is not a record (a caption fragment?); not stored`, line);
      continue;
    }
    if (csv && cells.length !== width) throw new SourceFormatError(`expected ${width} fields, found ${cells.length} (truncated or malformed row)`, file, line);
    records.push({ cells, line });
  }
  return records;
}

/** A CSV metadata file. `skipLines` leading comment lines (`##` in covid-chestxray's severity file) are dropped first. */
export function readImagingCsv(text: string, file: string, spec: TableSpec, log: IssueLog, skipLines = 0): ImagingTable {
  let body = stripBom(text).replace(/\r\n?/g, '\n');
  for (let i = 0; i < skipLines; i++) body = body.slice(body.indexOf('\n') + 1);
  const table = readCsvTable(body, file);
  const header = nameUnnamed(table.header);
  const col = indexHeader(header, spec, file);
  const last = table.rows.length - 1;
  // A file cut inside its last row: no final newline and a short row.
  if (last >= 1 && !body.endsWith('\n') && table.rows[last].length < header.length) {
    throw new SourceFormatError(`file ends inside a row: expected ${header.length} fields, found ${table.rows[last].length} (truncated file)`, file, table.lineOf(last) + skipLines);
  }
  const records = classify(table.rows, (r) => table.lineOf(r) + skipLines, header.length, col.get(spec.fileColumn)!, file, log, true);
  if (records.length === 0) throw new SourceFormatError('no records (only a header)', file, 2);
  return { header, col, records };
}

/** The first sheet of an XLSX workbook, read by `readFirstSheet` (row i = sheet row i + 1). */
export function imagingSheet(rows: RawCell[][], file: string, spec: TableSpec, log: IssueLog): ImagingTable {
  if (rows.length === 0) throw new SourceFormatError('empty sheet', file, 1);
  const header = nameUnnamed(rows[0].map((h) => cellText(h).trim()));
  const col = indexHeader(header, spec, file);
  const records = classify(rows, (r) => r + 1, header.length, col.get(spec.fileColumn)!, file, log, false);
  if (records.length === 0) throw new SourceFormatError('no records (only a header)', file, 2);
  return { header, col, records };
}
