import { SourceFormatError } from '../../domain/validation.js';
import { readCsvTable, requireRowWidth } from '../../lib/csv.js';

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
 * `columns`: canonical name → accepted header spellings (the first is the canonical one's own).
 * Required columns missing from the header refuse the file (line 1, the column named).
 */
export function readLiteratureCsv(text: string, file: string, required: Record<string, readonly string[]>, optional: Record<string, readonly string[]> = {}): LiteratureTable {
  const hadBom = text.charCodeAt(0) === 0xfeff;
  const table = readCsvTable(text, file);
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
    requireRowWidth(cells.length, header.length, file, line);
    rows.push({ line, get: (column) => cells[index.get(column) ?? -1] ?? '' });
  }
  return { header, rows, blankLines, hadBom };
}
