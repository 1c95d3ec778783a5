import { SourceFormatError } from '../../domain/validation.js';
import { readCsvTable, stripBom } from '../../lib/csv.js';
import { type IssueLog, quote } from '../kit/issue-log.js';

/**
 * A line list (CSV) as the line-list parsers read it: the header checked by name, each record with
 * the physical line it starts on (header = 1; quoted line breaks make a row span lines), cells of
 * unnamed columns set aside, and every row that is not a case reported.
 *
 * - Unnamed columns (a blank header cell, or fields beyond the header on a row: a trailing-comma
 *   export) are not part of the dictionary. Their text is kept per row in `extra` by column
 *   (`column_<n>`, 1-based) and counted (`unparseable_cell`, one issue per column); a column empty
 *   in every row is reported once (`missing_marker`, info) and ignored.
 * - A blank row, or a row without a case id (a fragment, e.g. the open list's `,Belgium,4000,…`),
 *   is a `stray_row` (its text quoted in the message); not stored.
 * - A case id seen before: the first row is kept, the repeat is not stored (`duplicate_row`,
 *   naming both lines and whether the rows are identical).
 * - A row with fewer fields than the header refuses the file (malformed), except the last row of
 *   a file that ends with a line break: a copy closed after being cut inside its last row. That
 *   row is kept with the columns it has; its last cell is cut (not read) and the rest absent
 *   (one `unparseable_cell` warning naming the line). A file that ends inside a row without a
 *   final line break is truncated: SourceFormatError.
 */
export interface LineRecord {
  cells: string[];
  line: number;
  /** Text of unnamed columns, by column name (`column_<n>`). */
  extra: Record<string, string>;
}

export interface LineListTable {
  /** Column names, trimmed; an unnamed column is `column_<n>`. */
  header: string[];
  col: Map<string, number>;
  records: LineRecord[];
}

export interface LineListSpec {
  required: readonly string[];
  idColumn: string;
}

export function readLineList(text: string, file: string, spec: LineListSpec, log: IssueLog): LineListTable {
  const body = stripBom(text);
  let table: ReturnType<typeof readCsvTable>;
  try {
    table = readCsvTable(body, file);
  } catch (e) {
    // A copy cut inside a quoted cell: papaparse sees an unterminated quote.
    if (e instanceof SourceFormatError && /unterminated/i.test(e.message) && !/\n$/.test(body)) {
      throw new SourceFormatError('file ends inside a quoted field (truncated file)', file, e.line);
    }
    throw e;
  }
  const header = table.header.map((h, i) => (h === '' ? `column_${i + 1}` : h));
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    if (col.has(h)) throw new SourceFormatError(`unexpected header: column ${JSON.stringify(h)} appears twice`, file, 1, h);
    col.set(h, i);
  });
  for (const name of spec.required) {
    if (!col.has(name)) throw new SourceFormatError(`unexpected header: no column ${JSON.stringify(name)} (found ${header.map((h) => JSON.stringify(h)).join(', ')})`, file, 1, name);
  }
  const width = header.length;
  const unnamed = header.map((h, i) => (table.header[i] === '' ? i : -1)).filter((i) => i >= 0);
  const endsWithBreak = /\n$/.test(body);
  const idIndex = col.get(spec.idColumn)!;
  const seen = new Map<string, { line: number; cells: string[] }>();
  const records: LineRecord[] = [];
  const unnamedText = new Map<string, number>();
  let beyond = 0;
  let widest = width;
  const last = table.rows.length - 1;
  for (let r = 1; r <= last; r++) {
    let cells = table.rows[r];
    const line = table.lineOf(r);
    if (cells.every((c) => c.trim() === '')) {
      log.add('stray_row', 'blank row; not stored', line);
      continue;
    }
    if (cells.length < width) {
      if (r !== last) throw new SourceFormatError(`expected ${width} fields, found ${cells.length} (malformed row)`, file, line);
      if (!endsWithBreak) throw new SourceFormatError(`file ends inside a row: expected ${width} fields, found ${cells.length} (truncated file)`, file, line);
      const cutColumn = header[cells.length - 1];
      log.add(
        'unparseable_cell',
        `the last row has ${cells.length} of ${width} fields: the copy ends inside it (then a line break). Kept with the columns it has; its last cell ${quote(cells[cells.length - 1], 40)} is cut and not read; columns ${header.slice(cells.length).filter((h) => !h.startsWith('column_')).map((h) => JSON.stringify(h)).join(', ')} are absent`,
        line,
        cutColumn,
        'warning',
      );
      cells = [...cells.slice(0, -1), ...new Array<string>(width - cells.length + 1).fill('')];
    }
    const extra: Record<string, string> = {};
    for (const i of unnamed) {
      if (cells[i].trim() !== '') {
        extra[header[i]] = cells[i];
        unnamedText.set(header[i], (unnamedText.get(header[i]) ?? 0) + 1);
        log.tally('unparseable_cell', header[i], line, undefined, 'hold text in an unnamed column; kept in extra');
      }
    }
    if (cells.length > width) {
      widest = Math.max(widest, cells.length);
      let empty = true;
      for (let i = width; i < cells.length; i++) {
        if (cells[i].trim() === '') continue;
        empty = false;
        const name = `column_${i + 1}`;
        extra[name] = cells[i];
        log.tally('unparseable_cell', name, line, undefined, 'hold text beyond the header (an unnamed trailing column); kept in extra');
      }
      if (empty) beyond++;
    }
    const id = cells[idIndex].trim();
    if (id === '') {
      const text = cells.map((c) => c.trim()).filter((c) => c !== '');
      log.add('stray_row', `row without a case id (column ${JSON.stringify(spec.idColumn)}; it holds only ${text.map((t) => quote(t, 40)).join(', ')}) is not a case record; not stored`, line, spec.idColumn);
      continue;
    }
    const first = seen.get(id);
    if (first) {
      const differs = header.filter((h, i) => (first.cells[i] ?? '') !== (cells[i] ?? ''));
      log.add(
        'duplicate_row',
        `case id ${quote(id)} repeats line ${first.line} (${differs.length === 0 ? 'identical row' : `differs in ${differs.map((h) => JSON.stringify(h)).join(', ')}`}); the first row is kept, this one is not stored`,
        line,
        spec.idColumn,
      );
      continue;
    }
    seen.set(id, { line, cells });
    records.push({ cells, line, extra });
  }
  for (const i of unnamed) {
    if (!unnamedText.has(header[i])) log.add('missing_marker', `column ${i + 1} has no name and is empty in every row; ignored`, undefined, header[i], 'info');
  }
  if (beyond > 0) {
    log.add('missing_marker', `${beyond} ${beyond === 1 ? 'row has' : 'rows have'} empty fields beyond the header's ${width} columns (up to ${widest} fields: a trailing-comma export); ignored`, undefined, undefined, 'info');
  }
  if (records.length === 0) throw new SourceFormatError('no records (only a header)', file, 2);
  return { header, col, records };
}
