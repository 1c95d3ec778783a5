import type { Severity, ValidationCode, ValidationIssue } from '../../domain/validation.js';

/**
 * Collects the validation issues of one source file (imaging metadata, line lists). Cell-level
 * problems are tallied per code and column — one issue per column with a count, the first lines
 * and a breakdown of the values seen — never one issue per cell. Row-level problems (stray rows,
 * duplicate images or cases) are added one by one with their line.
 */

const SEVERITY: Partial<Record<ValidationCode, Severity>> = {
  missing_marker: 'info',
  stray_whitespace: 'info',
  case_variant: 'info',
  partial_date: 'info',
  name_without_extension: 'info',
  encoding_damage: 'warning',
  unparseable_cell: 'warning',
  repaired: 'info',
  row_skipped: 'warning',
  stray_row: 'warning',
  duplicate_image: 'warning',
  duplicate_row: 'warning',
  anomalies: 'info',
};

/** What each tallied code did with the cells, appended to its message. */
const OUTCOME: Partial<Record<ValidationCode, string>> = {
  missing_marker: 'hold a marker for "not available"; stored as null',
  stray_whitespace: 'had leading, trailing or doubled spaces; stored trimmed',
  case_variant: "differ from the vocabulary only in letter case; stored in the vocabulary's spelling",
  encoding_damage: 'hold U+FFFD replacement characters (the text lost its encoding upstream); kept as published',
  partial_date: 'are not full dates in a long form; stored with their precision',
  name_without_extension: 'are file names without an extension; kept as published',
  repaired: 'were repaired',
};

const FIRST_LINES = 5;
const DETAILS = 8;

interface Tally {
  code: ValidationCode;
  column: string | undefined;
  count: number;
  lines: number[];
  details: Map<string, number>;
  outcome: string | undefined;
}

export class IssueLog {
  private readonly tallies = new Map<string, Tally>();
  private readonly single: ValidationIssue[] = [];

  constructor(readonly file: string) {}

  /**
   * Counts one cell (or row) for `code` in `column`. `detail` is what the breakdown counts
   * (e.g. the marker seen, `"No finding" → "No Finding"`); `outcome` replaces the code's
   * default description of what was done (the first one given for the column wins).
   */
  tally(code: ValidationCode, column: string | undefined, line: number | undefined, detail?: string, outcome?: string): void {
    const key = `${code}\u0000${column ?? ''}`;
    let t = this.tallies.get(key);
    if (!t) {
      t = { code, column, count: 0, lines: [], details: new Map(), outcome };
      this.tallies.set(key, t);
    }
    t.count++;
    if (line !== undefined && t.lines.length < FIRST_LINES && t.lines[t.lines.length - 1] !== line) t.lines.push(line);
    if (detail !== undefined) t.details.set(detail, (t.details.get(detail) ?? 0) + 1);
  }

  /** An issue of its own (a stray row, a duplicate image). */
  add(code: ValidationCode, message: string, line?: number, column?: string, severity?: Severity): void {
    this.single.push({ code, severity: severity ?? SEVERITY[code] ?? 'warning', message, file: this.file, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}), count: 1 });
  }

  /** The tallied count for a code and column (0 when none), for tests and summaries. */
  count(code: ValidationCode, column?: string): number {
    return this.tallies.get(`${code}\u0000${column ?? ''}`)?.count ?? 0;
  }

  issues(): ValidationIssue[] {
    const out: ValidationIssue[] = [];
    for (const t of this.tallies.values()) {
      const what = t.column === undefined ? `${t.count} ${t.count === 1 ? 'value' : 'values'}` : `column ${JSON.stringify(t.column)}: ${t.count} ${t.count === 1 ? 'cell' : 'cells'}`;
      const details = [...t.details].sort((a, b) => b[1] - a[1]);
      const shown = details.slice(0, DETAILS).map(([d, n]) => `${d} ×${n}`);
      if (details.length > DETAILS) shown.push(`${details.length - DETAILS} more`);
      const breakdown = shown.length > 0 ? ` (${shown.join(', ')})` : '';
      const outcome = t.outcome ?? OUTCOME[t.code] ?? '';
      const lines = t.lines.length === 0 ? '' : ` (first ${t.lines.length === 1 ? 'line' : 'lines'} ${t.lines.join(', ')})`;
      out.push({
        code: t.code,
        severity: SEVERITY[t.code] ?? 'warning',
        message: `${what}${breakdown} ${outcome}${lines}`.replace(/ +/g, ' '),
        file: this.file,
        ...(t.lines.length > 0 ? { line: t.lines[0] } : {}),
        ...(t.column !== undefined ? { column: t.column } : {}),
        count: t.count,
      });
    }
    return [...out, ...this.single];
  }
}

/** A value quoted for a message, shortened. */
export function quote(s: string, max = 60): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}
