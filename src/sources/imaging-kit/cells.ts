import type { ClinicalValue, DatePrecision } from '../../domain/imaging.js';
import type { IsoDate } from '../../domain/dates.js';
import { DATE_FORM_LABEL, parseLooseDate } from './dates.js';
import { IssueLog, quote } from './issues.js';
import { type ImagingTable, type RawCell, type TableRecord, cellText } from './table.js';
import { ageYears, matchVocabulary, missingMarker, plainNumber, tidySpaces } from './vocab.js';

/**
 * One record's cells, read through the shared rules; every rule applied is tallied in the log
 * (one issue per code and column at the end):
 * - `text`: trimmed, doubled spaces collapsed (`stray_whitespace`), markers → null (`missing_marker`);
 * - `free`: free text (notes, captions) kept exactly as published; blank → null;
 * - every cell read is checked for U+FFFD (`encoding_damage`; the text is kept);
 * - `number`, `bool`, `vocab`, `age`, `date`: typed readings of `text`; what cannot be read is
 *   kept as text (`unparseable_cell`) or, for vocabularies, matched ignoring case (`case_variant`).
 */
export class RowCells {
  constructor(
    private readonly table: ImagingTable,
    private readonly record: TableRecord,
    private readonly log: IssueLog,
  ) {}

  get line(): number {
    return this.record.line;
  }

  /** The cell as published ('' when empty or absent); numbers from a sheet as written. */
  raw(column: string): string {
    const i = this.table.col.get(column);
    return i === undefined ? '' : cellText(this.record.cells[i] as RawCell);
  }

  /** The cell as the reader gave it (an XLSX number stays a number). */
  cell(column: string): RawCell {
    const i = this.table.col.get(column);
    return i === undefined ? undefined : this.record.cells[i];
  }

  has(column: string): boolean {
    return this.table.col.has(column);
  }

  private damage(column: string, s: string): void {
    if (s.includes('\uFFFD')) this.log.tally('encoding_damage', column, this.line, undefined);
  }

  /** A value: trimmed and tidied, null for a missing marker. */
  text(column: string): string | null {
    const raw = this.raw(column);
    this.damage(column, raw);
    const marker = missingMarker(raw);
    if (marker !== null) {
      this.log.tally('missing_marker', column, this.line, marker);
      return null;
    }
    const { value, changed } = tidySpaces(raw);
    if (changed) this.log.tally('stray_whitespace', column, this.line, quote(raw, 40));
    return value;
  }

  /** Free text kept exactly as published (only a blank cell becomes null, and is counted). */
  free(column: string): string | null {
    const raw = this.raw(column);
    this.damage(column, raw);
    if (raw.trim() === '') {
      this.log.tally('missing_marker', column, this.line, 'blank');
      return null;
    }
    return raw;
  }

  /** A number; text that is not one is kept as text (`unparseable_cell`). */
  number(column: string): number | string | null {
    const cell = this.table.col.has(column) ? this.record.cells[this.table.col.get(column)!] : undefined;
    if (typeof cell === 'number') return cell;
    const t = this.text(column);
    if (t === null) return null;
    const n = plainNumber(t);
    if (n !== null) return n;
    this.log.tally('unparseable_cell', column, this.line, quote(t, 40), 'are not numbers; kept as text in clinical');
    return t;
  }

  /**
   * A yes/no cell by the dataset's spellings (`{ Y: true, N: false }`); another letter case is a
   * case variant; anything else is kept as text (`unparseable_cell`).
   */
  bool(column: string, spellings: Record<string, boolean>): boolean | string | null {
    const t = this.text(column);
    if (t === null) return null;
    const m = matchVocabulary(t, Object.keys(spellings));
    if (m) {
      if (m.caseVariant) this.log.tally('case_variant', column, this.line, `${JSON.stringify(t)} → ${JSON.stringify(m.value)}`);
      return spellings[m.value];
    }
    this.log.tally('unparseable_cell', column, this.line, quote(t, 40), `are not ${Object.keys(spellings).join('/')}; kept as text in clinical`);
    return t;
  }

  /** A value of a closed vocabulary in the vocabulary's spelling; null (reported) when not in it. */
  vocab<T extends string>(column: string, vocabulary: readonly T[]): { value: T | null; raw: string | null } {
    const t = this.text(column);
    if (t === null) return { value: null, raw: null };
    const m = matchVocabulary(t, vocabulary);
    if (!m) {
      this.log.tally('unparseable_cell', column, this.line, quote(t, 40), `are not in the vocabulary (${vocabulary.join(', ')}); stored as null, raw kept`);
      return { value: null, raw: t };
    }
    if (m.caseVariant) this.log.tally('case_variant', column, this.line, `${JSON.stringify(t)} → ${JSON.stringify(m.value)}`);
    return { value: m.value, raw: t };
  }

  /** An age in years; text that is not one is returned in `text` (`unparseable_cell`). */
  age(column: string): { age: number | null; text: string | null } {
    const cell = this.table.col.has(column) ? this.record.cells[this.table.col.get(column)!] : undefined;
    if (typeof cell === 'number' && cell >= 0 && cell <= 130) return { age: cell, text: null };
    const t = this.text(column);
    if (t === null) return { age: null, text: null };
    const a = ageYears(t);
    if (a !== null) return { age: a, text: null };
    this.log.tally('unparseable_cell', column, this.line, quote(t, 40), 'are not ages in years; age stored as null, the text kept in clinical');
    return { age: null, text: t };
  }

  /**
   * A date with its precision. Short and partial forms are counted (`partial_date`, breakdown
   * by form); unreadable text is counted as `unparseable_cell` and kept as the raw.
   */
  date(column: string): { iso: IsoDate | null; precision: DatePrecision; raw: string | null } {
    const cell = this.table.col.has(column) ? this.record.cells[this.table.col.get(column)!] : undefined;
    if (cell instanceof Date) return { iso: cell.toISOString().slice(0, 10), precision: 'day', raw: cellText(cell) };
    const t = this.text(column);
    if (t === null) return { iso: null, precision: 'unknown', raw: null };
    const d = parseLooseDate(t);
    if (d.form === 'unreadable') {
      this.log.tally('unparseable_cell', column, this.line, quote(t, 40), 'are not dates; date unknown, the text kept');
    } else if (d.form !== 'long') {
      this.log.tally('partial_date', column, this.line, DATE_FORM_LABEL[d.form]);
    }
    return { iso: d.iso, precision: d.precision, raw: t };
  }
}

/** Clinical values of a row by column → key, read with `read`. */
export function clinicalOf(entries: [key: string, value: ClinicalValue][]): Record<string, ClinicalValue> {
  return Object.fromEntries(entries);
}

export { IssueLog };
