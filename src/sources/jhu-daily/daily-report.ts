import { dayFromParts, isoFromDay } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { eachCsvRow, rowLineNumbers, stripBom } from '../../lib/csv.js';
import { conflictError, repeatIssue } from '../kit/duplicate-rows.js';

/**
 * What the JHU CSSE daily reports (global `csse_covid_19_daily_reports/` and US states
 * `csse_covid_19_daily_reports_us/`) have in common: one file per day named MM-DD-YYYY.csv, a
 * header that JHU changed several times, a `Last Update` column in four formats, and count
 * columns next to rates JHU derived from them. Shared by the jhu-daily and jhu-daily-us parsers.
 */

/** What a column of a daily report holds. `ignore` columns are read nowhere (the reason is documentation). */
export type ColumnRole =
  | { kind: 'place'; field: 'country' | 'province' | 'admin2' | 'fips' | 'uid' }
  | { kind: 'lastUpdate' }
  | { kind: 'metric'; metric: MetricId }
  | { kind: 'ignore'; why: string };

export type PlaceField = Extract<ColumnRole, { kind: 'place' }>['field'];

/** One header generation: the exact set of column names (in any order) and what each holds. */
export interface HeaderGeneration {
  id: string;
  /** Where it was seen (documentation and error messages). */
  seen: string;
  columns: Readonly<Record<string, ColumnRole>>;
}

export const place = (field: PlaceField): ColumnRole => ({ kind: 'place', field });
export const metric = (m: MetricId): ColumnRole => ({ kind: 'metric', metric: m });
export const ignore = (why: string): ColumnRole => ({ kind: 'ignore', why });
export const LAST_UPDATE: ColumnRole = { kind: 'lastUpdate' };
export const COORDINATE = ignore('coordinates of the row (the gazetteer has its own)');
export const DERIVED = ignore('derived by JHU from the stored counts (rates also from a population); not stored');

/** A data row: its line, the place cells, and one value per metric column (NaN for a blank cell). */
export interface ReportRow {
  line: number;
  place: Partial<Record<PlaceField, string>>;
  values: Partial<Record<MetricId, number>>;
}

export interface DailyReport {
  /** Day number of the report (the date in the file name): the date of every value in it. */
  day: number;
  generation: HeaderGeneration;
  /** Metric columns of this generation, in header order. */
  metrics: MetricId[];
  rows: ReportRow[];
}

/**
 * The report date a file name carries: `MM-DD-YYYY.csv` (optionally `.gz`), as upstream and the
 * mirror name the files. Anything may precede it (a folder, a URL, a fixture's description).
 */
export function reportDay(name: string): number {
  const m = /(?:^|[^\d])(\d{2})-(\d{2})-(\d{4})\.csv(?:\.gz)?$/.exec(name);
  const day = m ? dayFromParts(Number(m[3]), Number(m[1]), Number(m[2])) : Number.NaN;
  if (Number.isNaN(day)) {
    throw new SourceFormatError('the file name does not carry the report date (JHU daily reports are named MM-DD-YYYY.csv); the values cannot be dated', name);
  }
  return day;
}

const US_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}) (\d{1,2}):(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})$/;

/**
 * Day number of a `Last Update` cell in any of the formats JHU used: `1/22/2020 17:00`,
 * `3/22/20 23:45`, `2020-03-01T10:13:19`, `2020-04-01 21:58:49`. NaN when the cell is none of
 * them or not a real date and time.
 */
export function lastUpdateDay(text: string): number {
  let y: number, mo: number, d: number, h: number, mi: number, s = 0;
  const us = US_DATE_TIME.exec(text);
  const iso = us ? null : ISO_DATE_TIME.exec(text);
  if (us) {
    [mo, d, y, h, mi] = [Number(us[1]), Number(us[2]), us[3].length === 2 ? 2000 + Number(us[3]) : Number(us[3]), Number(us[4]), Number(us[5])];
  } else if (iso) {
    [y, mo, d, h, mi, s] = iso.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  } else {
    return Number.NaN;
  }
  if (h > 23 || mi > 59 || s > 59) return Number.NaN;
  return dayFromParts(y, mo, d);
}

const COUNT = /^-?\d+(?:\.\d+)?$/;

/**
 * Reads one daily report: the file date from its name, the header matched by column names
 * against the known generations (an unknown header is refused, naming the closest
 * generation and the differing columns), every row's field count, every `Last Update` (blank
 * or a date and time in a format JHU used) and every count cell (blank = NaN, never 0; anything
 * else that is not a number is an error).
 */
export function readDailyReport(rawText: string, file: string, generations: readonly HeaderGeneration[]): DailyReport {
  const day = reportDay(file);
  const text = stripBom(rawText);
  const lines = rowLineNumbers(text);
  let header: string[] = [];
  let generation: HeaderGeneration | null = null;
  let roles: ColumnRole[] = [];
  const out: ReportRow[] = [];
  // Row by row: a report's rows of strings never all exist at once, only its rows of numbers.
  eachCsvRow(text, file, (f, r) => {
    if (r === 0) {
      header = f.map((h) => h.trim());
      // A blank first line is an empty file unless rows follow (then an unknown header).
      if (header.length === 1 && header[0] === '') return;
    }
    if (!generation) {
      generation = matchGeneration(header, generations, file);
      roles = header.map((h) => generation!.columns[h]);
      if (r === 0) return;
    }
    const line = lines[r] ?? r + 1;
    if (f.length !== header.length) {
      const what = f.length === 1 && f[0].trim() === '' ? 'an empty line' : `${f.length} field${f.length === 1 ? '' : 's'}`;
      throw new SourceFormatError(`expected ${header.length} fields, found ${what} (truncated or malformed row)`, file, line);
    }
    const row: ReportRow = { line, place: {}, values: {} };
    for (let j = 0; j < header.length; j++) {
      const role = roles[j];
      if (role.kind === 'ignore') continue;
      const cell = f[j].trim();
      if (role.kind === 'place') row.place[role.field] = cell;
      else if (role.kind === 'lastUpdate') {
        // Blank is accepted: the US report of 04-12-2020 has none on its "Recovered" row.
        if (cell !== '' && Number.isNaN(lastUpdateDay(cell))) {
          throw new SourceFormatError(
            `not a date and time in a format JHU used (M/D/YYYY H:MM, M/D/YY H:MM, YYYY-MM-DDTHH:MM:SS, YYYY-MM-DD HH:MM:SS): ${JSON.stringify(f[j])}`,
            file,
            line,
            header[j],
          );
        }
      } else if (cell === '') row.values[role.metric] = Number.NaN;
      else if (COUNT.test(cell)) row.values[role.metric] = Number(cell);
      else throw new SourceFormatError(`not a number: ${JSON.stringify(f[j])}`, file, line, header[j]);
    }
    out.push(row);
  });
  if (!generation) throw new SourceFormatError('empty file', file);
  if (out.length === 0) throw new SourceFormatError('no data rows after the header (truncated file?)', file, 2);
  const metrics = roles.flatMap((r) => (r.kind === 'metric' ? [r.metric] : []));
  return { day, generation, metrics, rows: out };
}

function matchGeneration(header: string[], generations: readonly HeaderGeneration[], file: string): HeaderGeneration {
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new SourceFormatError(`column ${JSON.stringify(h)} appears twice in the header`, file, 1, h);
    seen.add(h);
  }
  let best: { g: HeaderGeneration; missing: string[]; unexpected: string[] } | null = null;
  for (const g of generations) {
    const names = Object.keys(g.columns);
    const missing = names.filter((n) => !seen.has(n));
    const unexpected = header.filter((h) => !Object.hasOwn(g.columns, h));
    if (missing.length === 0 && unexpected.length === 0) return g;
    if (!best || missing.length + unexpected.length < best.missing.length + best.unexpected.length) best = { g, missing, unexpected };
  }
  const diff = [
    best!.missing.length ? `missing ${best!.missing.map((c) => JSON.stringify(c)).join(', ')}` : '',
    best!.unexpected.length ? `unexpected ${best!.unexpected.map((c) => JSON.stringify(c)).join(', ')}` : '',
  ].filter((s) => s).join('; ');
  throw new SourceFormatError(
    `unknown header: it matches none of the ${generations.length} known layouts of this report; closest is "${best!.g.id}" (${best!.g.seen}): ${diff}`,
    file,
    1,
    best!.unexpected[0],
  );
}

/**
 * Rows of one report that name the same place (by `identity`). A repeat with the same values is
 * dropped with a `duplicate_row` warning. Rows with different values are an error
 * (`onConflict: 'error'`), or (`'keep-largest'`) the row with the largest counts is kept — compared
 * metric by metric in header order (Confirmed, then Deaths, …; blank lowest) — and every other
 * row is dropped with a `repaired` warning naming both lines and their values: cumulative counts
 * only grow, so the row JHU kept updating carries the larger count and a stale copy an older
 * count or a zero placeholder. Rows keep their file order.
 */
export function dropDuplicates(
  report: DailyReport,
  file: string,
  identity: (row: ReportRow) => string,
  describe: (row: ReportRow) => string,
  onConflict: 'error' | 'keep-largest',
): { rows: ReportRow[]; issues: ValidationIssue[] } {
  const groups = new Map<string, ReportRow[]>();
  for (const row of report.rows) {
    const id = identity(row);
    const g = groups.get(id);
    if (g) g.push(row);
    else groups.set(id, [row]);
  }
  const dropped = new Set<ReportRow>();
  const issues: ValidationIssue[] = [];
  const valuesOf = (row: ReportRow) => report.metrics.map((m) => row.values[m]!);
  const show = (row: ReportRow) => `line ${row.line} ${JSON.stringify(describe(row))} ${report.metrics.map((m) => `${m} ${fmt(row.values[m]!)}`).join(', ')}`;
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    let kept = group[0];
    for (const row of group.slice(1)) if (compareCounts(valuesOf(row), valuesOf(kept)) > 0) kept = row;
    for (const row of group) {
      if (row === kept) continue;
      dropped.add(row);
      const same = compareCounts(valuesOf(row), valuesOf(kept)) === 0;
      if (same && (describe(row) === describe(kept) || onConflict === 'error')) {
        issues.push(repeatIssue({ file, line: row.line, firstLine: kept.line, label: describe(kept) }));
        continue;
      }
      if (onConflict === 'error') {
        const first = row.line < kept.line ? row : kept;
        const second = first === row ? kept : row;
        throw conflictError({ file, line: second.line, firstLine: first.line, label: JSON.stringify(describe(second)) });
      }
      issues.push({
        code: 'repaired',
        severity: 'warning',
        message: `two rows report one place on ${isoFromDay(report.day)}: kept ${show(kept)}; dropped ${show(row)} as a stale duplicate (${same ? 'same values' : 'smaller counts'})`,
        file,
        line: row.line,
      });
    }
  }
  return { rows: report.rows.filter((r) => !dropped.has(r)), issues };
}

/** Compares count vectors in order; a blank (NaN) is lower than any number. 0 when equal. */
function compareCounts(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = Number.isNaN(a[i]) ? -Infinity : a[i];
    const y = Number.isNaN(b[i]) ? -Infinity : b[i];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function fmt(v: number): string {
  return Number.isNaN(v) ? 'blank' : String(v);
}
