import type { DateRange, Outcome, Sex } from '../../domain/cases.js';
import { type IssueLog, quote } from '../kit/issue-log.js';
import { markerIn, plainNumber, tidySpaces } from '../kit/text.js';
import { type CaseDateOptions, readCaseDate } from './dates.js';
import { LINELIST_MARKERS, readAge, readOutcome, readSex, readYesNo } from './normalize.js';
import type { LineListTable, LineRecord } from './table.js';

/**
 * One line-list row's cells, read through the dictionary's rules; every rule applied is tallied
 * in the log (one issue per code and column): markers → null (`missing_marker`), stray spaces
 * (`stray_whitespace`), letter-case variants (`case_variant`), unreadable cells (null or unknown,
 * raw kept: `unparseable_cell`), short or partial dates (`partial_date`), repairs (`repaired`).
 */
export class LineCells {
  constructor(
    private readonly table: LineListTable,
    private readonly record: LineRecord,
    private readonly log: IssueLog,
    private readonly markers: readonly string[] = LINELIST_MARKERS,
  ) {}

  get line(): number {
    return this.record.line;
  }

  /** The cell as published ('' when empty or the column is absent). */
  raw(column: string): string {
    const i = this.table.col.get(column);
    return i === undefined ? '' : (this.record.cells[i] ?? '');
  }

  /** Trimmed and tidied; null for a marker (counted). */
  text(column: string): string | null {
    const raw = this.raw(column);
    const marker = markerIn(raw, this.markers);
    if (marker !== null) {
      this.log.tally('missing_marker', column, this.line, marker);
      return null;
    }
    const { value, changed } = tidySpaces(raw);
    if (changed) this.log.tally('stray_whitespace', column, this.line, quote(raw, 40));
    return value;
  }

  /** Free text kept exactly as published; blank or a marker → null (counted). */
  free(column: string): string | null {
    const raw = this.raw(column);
    const marker = markerIn(raw, this.markers);
    if (marker !== null) {
      this.log.tally('missing_marker', column, this.line, marker);
      return null;
    }
    return raw;
  }

  /** A number (latitude, longitude); anything else null (counted, unparseable). */
  number(column: string): number | null {
    const t = this.text(column);
    if (t === null) return null;
    const n = plainNumber(t);
    if (n === null) this.log.tally('unparseable_cell', column, this.line, quote(t, 40), 'are not numbers; stored as null');
    return n;
  }

  /** Age as a range in years (see `readAge`); the raw is the cell as published, or null when blank. */
  age(column: string): { start: number | null; end: number | null; raw: string | null } {
    const raw = this.raw(column);
    const t = this.text(column);
    if (t === null) return { start: null, end: null, raw: raw.trim() === '' ? null : raw };
    const a = readAge(t);
    if (!a.ok) {
      // One issue per column: the breakdown names each value with its reason.
      this.log.tally('unparseable_cell', column, this.line, `${quote(t, 40)} (${a.reason})`, "are not a person's age (a group's range wider than 20 years, or not an age); age null, raw kept");
      return { start: null, end: null, raw };
    }
    if (a.kind === 'months') this.log.tally('repaired', column, this.line, `${quote(t, 40)} → ${a.start} years`, 'are ages in months; stored in years');
    return { start: a.start, end: a.end, raw };
  }

  sex(column: string): { sex: Sex; raw: string | null } {
    const raw = this.raw(column);
    const t = this.text(column);
    if (t === null) return { sex: 'unknown', raw: raw.trim() === '' ? null : raw };
    const s = readSex(t);
    if (!s) {
      this.log.tally('unparseable_cell', column, this.line, quote(t, 40), 'are not male or female; sex unknown, raw kept');
      return { sex: 'unknown', raw };
    }
    if (s.caseVariant) this.log.tally('case_variant', column, this.line, `${JSON.stringify(t)} → ${JSON.stringify(s.sex)}`);
    return { sex: s.sex, raw };
  }

  /** Outcome of a vocabulary column (see `readOutcome`); raw kept. */
  outcome(column: string): { outcome: Outcome; raw: string | null } {
    const raw = this.raw(column);
    const t = this.text(column);
    if (t === null) return { outcome: 'unknown', raw: raw.trim() === '' ? null : raw };
    const o = readOutcome(t);
    if (!o) {
      this.log.tally('unparseable_cell', column, this.line, quote(t, 40), 'are not outcomes; outcome unknown, raw kept');
      return { outcome: 'unknown', raw };
    }
    if (o.how === 'case_variant') this.log.tally('case_variant', column, this.line, `${JSON.stringify(t)} → ${o.outcome}`);
    if (o.how === 'pattern') this.log.tally('repaired', column, this.line, `${quote(t, 50)} → ${o.outcome}`, 'are free text read as an outcome by a documented pattern; raw kept');
    return { outcome: o.outcome, raw };
  }

  /** yes/no or 1/0; anything else null with the text returned as `other` (counted). */
  yesNo(column: string): { value: boolean | null; other: string | null } {
    const t = this.text(column);
    if (t === null) return { value: null, other: null };
    const y = readYesNo(t);
    if (!y) {
      this.log.tally('unparseable_cell', column, this.line, quote(t, 40), 'are not yes/no (or 1/0); stored as null, the text kept in extra');
      return { value: null, other: t };
    }
    if (y.caseVariant) this.log.tally('case_variant', column, this.line, `${JSON.stringify(t)} → ${y.value ? 'yes' : 'no'}`);
    return { value: y.value, other: null };
  }

  /** A date cell: undefined when blank or a marker (no event), else its reading (see `readCaseDate`). */
  date(column: string, opts: CaseDateOptions): DateRange | undefined {
    const raw = this.raw(column);
    const t = this.text(column);
    if (t === null) return undefined;
    const r = readCaseDate(t, opts);
    for (const n of r.notes) {
      const outcome =
        n.code === 'unparseable_cell'
          ? 'are not dates this list can be read to (reason given); precision unknown, raw kept'
          : n.code === 'missing_marker'
            ? 'hold no date; no event stored'
            : n.code === 'repaired'
              ? 'were repaired as shown'
              : undefined;
      this.log.tally(n.code, column, this.line, n.detail, outcome);
    }
    return r.range === null ? undefined : { ...r.range, raw };
  }
}
