import { SourceFormatError } from '../../domain/validation.js';
import { readCsvTable } from '../../lib/csv.js';

/**
 * A literature CSV read by column name (cord19, preprints): the header is checked (every
 * required column, under one of its accepted names), each row must have the header's width (a
 * truncated or broken row refuses the file, naming its line), and each row keeps the physical
 * line it starts on (quoted abstracts span lines). A UTF-8 BOM is ignored.
 */
export interface LiteratureRow {
  line: number;
  /** The cell of a column by its canonical name ('' when the column is optional and absent). */
  get(column: string): string;
}

export interface LiteratureTable {
  header: string[];
  rows: LiteratureRow[];
  /** Blank lines inside the file (skipped). */
  blankLines: number[];
  hadBom: boolean;
}

/**
 * When the file ends inside a quoted field that opens on or after `line` (a file cut in the
 * middle of an abstract), the error names that field's column; null for any other malformation.
 */
function unterminatedQuote(text: string, file: string, line: number): SourceFormatError | null {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstBreak = body.indexOf('\n');
  const header = (firstBreak < 0 ? body : body.slice(0, firstBreak)).split(',').map((h) => h.trim());
  let at = 0;
  for (let l = 1; l < line; l++) {
    at = body.indexOf('\n', at) + 1;
    if (at === 0) return null;
  }
  let field = 0;
  let quoted = false;
  let openedIn = -1;
  for (let i = at; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
      openedIn = field;
    } else if (c === ',') field++;
    else if (c === '\n') return null;
  }
  if (!quoted) return null;
  const column = header[openedIn] ?? `column_${openedIn + 1}`;
  return new SourceFormatError(`truncated file: the quoted field of column ${JSON.stringify(column)} opened in the row starting on this line is never closed (the file ends inside it)`, file, line, column);
}

/**
 * `columns`: canonical name → accepted header spellings (the first is the canonical one's own).
 * Required columns missing from the header refuse the file (line 1, the column named).
 */
export function readLiteratureCsv(text: string, file: string, required: Record<string, readonly string[]>, optional: Record<string, readonly string[]> = {}): LiteratureTable {
  const hadBom = text.charCodeAt(0) === 0xfeff;
  let table: ReturnType<typeof readCsvTable>;
  try {
    table = readCsvTable(text, file);
  } catch (e) {
    throw (e instanceof SourceFormatError && e.line !== undefined && unterminatedQuote(text, file, e.line)) || e;
  }
  const header = table.header;
  const index = new Map<string, number>();
  for (const [name, spellings] of Object.entries(required)) {
    const i = header.findIndex((h) => spellings.includes(h));
    if (i < 0) {
      throw new SourceFormatError(
        `unexpected header: no column ${JSON.stringify(name)}${spellings.length > 1 ? ` (or ${spellings.slice(1).map((s) => JSON.stringify(s)).join(', ')})` : ''} (found ${header.map((h) => JSON.stringify(h)).join(', ')})`,
        file,
        1,
        name,
      );
    }
    index.set(name, i);
  }
  for (const [name, spellings] of Object.entries(optional)) {
    const i = header.findIndex((h) => spellings.includes(h));
    if (i >= 0) index.set(name, i);
  }
  const rows: LiteratureRow[] = [];
  const blankLines: number[] = [];
  for (let r = 1; r < table.rows.length; r++) {
    const cells = table.rows[r];
    const line = table.lineOf(r);
    if (cells.length === 1 && cells[0].trim() === '') {
      blankLines.push(line);
      continue;
    }
    if (cells.length !== header.length) {
      const column = cells.length < header.length ? header[cells.length] : `column_${header.length + 1}`;
      const what = cells.length < header.length ? `no column ${JSON.stringify(column)} and after` : 'more than the header';
      throw new SourceFormatError(`expected ${header.length} fields, found ${cells.length} (${what}: truncated or malformed row)`, file, line, column);
    }
    rows.push({ line, get: (column) => cells[index.get(column) ?? -1] ?? '' });
  }
  return { header, rows, blankLines, hadBom };
}
