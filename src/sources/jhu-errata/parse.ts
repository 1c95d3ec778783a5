import { dayFromParts, isoFromDay } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, PlaceRef, SourceInputFile, SourceNote, SourceSeries } from '../../domain/series.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { eachCsvTableRow, requireRowWidth } from '../../lib/csv.js';
import { supersededIssue } from '../kit/duplicate-rows.js';
import { denseSeries } from '../kit/long-pivot.js';

/**
 * JHU's errata log (csse_covid_19_time_series/Errata.csv): one row per correction. On `Update Date`
 * JHU changed the value of `Location` on the date(s) `Field Updated` in the time series `File` from
 * `Old` to `New`, for the reason given in `Comments`. Each correction becomes a value at issue =
 * Update Date (the vintage that published it) with the comment as its note.
 */
export const COLUMNS = ['Update Date', 'File', 'Location', 'Field Updated', 'Old', 'New', 'Comments'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * The File column names one of JHU's five time series, spelled many ways: with or without
 * ".csv", upper or lower case "US", typos ("times_series", "covi19") and "cases" for confirmed.
 */
const FILE_NAME = /^times?_series_covi?d?19_(confirmed|cases|deaths|recovered)_(global|us)(?:\.csv)?$/i;
const METRIC_OF: Record<string, MetricId> = { confirmed: 'confirmed', cases: 'confirmed', deaths: 'deaths', recovered: 'recovered' };

export function seriesOfFile(file: string): { metric: MetricId; us: boolean } | null {
  const m = FILE_NAME.exec(file.trim());
  return m ? { metric: METRIC_OF[m[1].toLowerCase()], us: m[2].toLowerCase() === 'us' } : null;
}

/** M/D/YYYY or M/D/YY (JHU writes both, zero-padded or not) → day number, or NaN. */
export function dayOfUsDate(text: string): number {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text.trim());
  if (!m) return Number.NaN;
  return dayFromParts(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[1]), Number(m[2]));
}

/**
 * The dates of `Field Updated`: one date, a list ("05/22/20;05/23/20", also with commas) or a
 * range ("06/1/20-06/27/20", spaces allowed), items of a list possibly ranges. Null when the text
 * is not such a list (free text such as "all days", dates without a year, a range running
 * backwards, a date listed twice).
 */
export function fieldDates(text: string): number[] | null {
  const items = text.split(/[;,]/).map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) return null;
  const days: number[] = [];
  for (const item of items) {
    const range = /^(\S+)\s*-\s*(\S+)$/.exec(item);
    if (range) {
      const a = dayOfUsDate(range[1]);
      const b = dayOfUsDate(range[2]);
      if (Number.isNaN(a) || Number.isNaN(b) || b < a) return null;
      for (let d = a; d <= b; d++) days.push(d);
    } else {
      const d = dayOfUsDate(item);
      if (Number.isNaN(d)) return null;
      days.push(d);
    }
  }
  return new Set(days).size === days.length ? days : null;
}

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** New: blank, one number, or numbers separated by ";" (one per date). Anything else is an error. */
function newValues(cell: string, file: string, line: number): number[] {
  const items = cell.split(';').map((s) => s.trim());
  while (items.length > 1 && items[items.length - 1] === '') items.pop();
  if (items.length === 1 && items[0] === '') return [];
  return items.map((t) => {
    if (!NUMBER.test(t)) throw new SourceFormatError(`not a number: ${JSON.stringify(cell)} (expected a number, or numbers separated by ";")`, file, line, 'New');
    return Number(t);
  });
}

/**
 * How a Location names a place. US files: "County, ST", "County, State[, US]", a state ("DC, US",
 * "Alaska"), "County-State" (Oregon, June 2020), or a JHU UID before the names
 * ("84029113, Lincoln, Missouri"). Global files: "Country", "Province, Country".
 */
export function placeOfLocation(location: string, us: boolean): PlaceRef {
  const parts = location.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (us && parts.length > 1 && parts[parts.length - 1].toUpperCase() === 'US') parts.pop();
  if (parts.length > 1 && /^\d{5,8}$/.test(parts[0])) {
    const names = parts.slice(1);
    return {
      kind: 'jhu-uid',
      uid: Number(parts[0]),
      label: location.trim(),
      country: us ? 'US' : names[names.length - 1],
      province: us ? names[names.length - 1] : names.length > 1 ? names[names.length - 2] : '',
      admin2: (us ? names.slice(0, -1) : names.slice(0, -2)).join(', '),
    };
  }
  if (us) {
    if (parts.length === 0) return { kind: 'names', country: '', province: location.trim() };
    if (parts.length === 1) {
      const countyState = /^(.+?)\s*-\s*([A-Za-z][A-Za-z .]+)$/.exec(parts[0]);
      if (countyState) return { kind: 'names', country: 'US', province: countyState[2], admin2: countyState[1] };
      return { kind: 'names', country: 'US', province: parts[0] };
    }
    return { kind: 'names', country: 'US', province: parts[parts.length - 1], admin2: parts.slice(0, -1).join(', ') };
  }
  if (parts.length <= 1) return { kind: 'names', country: parts[0] ?? '' };
  if (parts.length === 2) return { kind: 'names', country: parts[1], province: parts[0] };
  return { kind: 'names', country: parts[parts.length - 1], province: parts[parts.length - 2], admin2: parts.slice(0, -2).join(', ') };
}

/** Folded for comparing names: lower case, letters and digits only. */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** "Correct Ontario deaths data", "Update Nova Scotia stale confirmed data": the place a comment names. */
const COMMENT_PLACE = /^(?:correct|update|patch)\s+(?:(?:stale|old)\s+)?(.+?)\s+(?:(?:stale|old)\s+)?(?:confirmed|cases?|deaths?|recovered)\s+data$/i;

/**
 * How JHU's global files split countries (checked against the final files in parse.test.ts):
 * - provinces only, no row for the country as a whole: Australia, Canada and China in the
 *   confirmed and deaths files; Australia and China in the recovered file (Canada is one row);
 * - a row for the mainland plus rows for overseas territories: Denmark, France, the Netherlands,
 *   New Zealand and the United Kingdom.
 */
export const PROVINCES_ONLY: Record<string, readonly string[]> = {
  confirmed: ['Australia', 'Canada', 'China'],
  deaths: ['Australia', 'Canada', 'China'],
  recovered: ['Australia', 'China'],
};
export const MAINLAND_AND_TERRITORIES: readonly string[] = ['Denmark', 'France', 'Netherlands', 'New Zealand', 'United Kingdom'];

export type UntrustedLocation = 'us-file-national' | 'provinces-only' | 'territory-comment';

/**
 * Why a Location cannot be taken at its word, or null. Known defects of the log:
 * - a US file has no national row, yet two rows say "US" (their comment: Unassigned, Oklahoma);
 * - from 2021 JHU logged many rows of provinces and territories with the country alone as
 *   Location: "China", 3/23/2020, 356 is Hong Kong's count ("Correct China confirmed data");
 *   "France" with "Correct St Martin, France confirmed data" is Saint Martin's. For a country whose
 *   global rows are provinces only, such a row cannot be placed at all; for one with a mainland
 *   row, it can when the comment names the country (or no place), not when it names another.
 * Elsewhere the Location is trusted even when the comment names another place: "US" with
 * "Correct California, US deaths data" is the national total corrected for California, "Peru"
 * with "Correct Unknown, Peru confirmed data" is Peru's one row, and 7/26/2021 rows of some 40
 * countries carry a copied comment "Correct Nebraska, US confirmed data" over their own values.
 */
export function untrustedLocation(location: string, target: { metric: MetricId; us: boolean }, comment: string): UntrustedLocation | null {
  const parts = location.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (target.us) return parts.every((p) => p.toUpperCase() === 'US') ? 'us-file-national' : null;
  if (parts.length !== 1) return null;
  if (PROVINCES_ONLY[target.metric]?.includes(parts[0])) return 'provinces-only';
  if (!MAINLAND_AND_TERRITORIES.includes(parts[0])) return null;
  const m = COMMENT_PLACE.exec(comment.trim());
  if (!m) return null;
  const named = fold(m[1].split(',')[0]);
  return named === fold(parts[0]) || named === 'stale' || named === 'old' ? null : 'territory-comment';
}

interface Cell {
  day: number;
  value: number;
  line: number;
  note: string;
  /** Corrected again the same day by a row that does not start from this one's New value. */
  ambiguous?: boolean;
}

interface Group {
  place: PlaceRef;
  metric: MetricId;
  issue: string;
  line: number;
  /** The Location is a country that has a mainland row and territory rows in the global files. */
  coversSeveralRows: boolean;
  cells: Map<number, Cell>;
}

/** JHU errata log → one series per place, metric and Update Date holding the New values, with notes. */
export function parseJhuErrata(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [], notes: [] };
  for (const file of files) {
    if (file.fileId !== 'errata') throw new SourceFormatError(`unknown file id ${JSON.stringify(file.fileId)} (expected "errata")`, file.name);
    const parsed = parseErrataFile(file);
    out.series.push(...parsed.series);
    out.issues.push(...parsed.issues);
    out.notes!.push(...parsed.notes!);
  }
  return out;
}

function parseErrataFile(file: SourceInputFile): ParsedSource {
  let header: string[] = [];
  const col = {} as Record<Column, number>;
  const onHeader = (h: string[]) => {
    header = h;
    for (const c of COLUMNS) {
      col[c] = header.indexOf(c);
      if (col[c] < 0) throw new SourceFormatError(`missing column ${JSON.stringify(c)} (expected ${COLUMNS.join(', ')}; found ${header.join(', ')})`, file.name, 1);
    }
  };

  const groups = new Map<string, Group>();
  const noValue: number[] = [];
  const unknownFile: number[] = [];
  const unreadable: number[] = [];
  const untrusted: Record<UntrustedLocation, number[]> = { 'us-file-national': [], 'provinces-only': [], 'territory-comment': [] };
  const issueRepaired: string[] = [];
  let overridden = 0;
  let overriddenDiffering = 0;

  eachCsvTableRow(file.text, file.name, onHeader, (f, line) => {
    requireRowWidth(f.length, header.length, file.name, line);
    const cell = (c: Column) => f[col[c]];
    const updated = dayOfUsDate(cell('Update Date'));
    if (Number.isNaN(updated)) throw new SourceFormatError(`not a date: ${JSON.stringify(cell('Update Date'))} (expected M/D/YYYY)`, file.name, line, 'Update Date');
    const values = newValues(cell('New'), file.name, line);
    if (values.length === 0) {
      noValue.push(line);
      return;
    }
    const target = seriesOfFile(cell('File'));
    if (!target) {
      unknownFile.push(line);
      return;
    }
    const days = fieldDates(cell('Field Updated'));
    if (!days || days.length !== values.length) {
      unreadable.push(line);
      return;
    }
    const distrust = untrustedLocation(cell('Location'), target, cell('Comments'));
    if (distrust) {
      untrusted[distrust].push(line);
      return;
    }
    const place = placeOfLocation(cell('Location'), target.us);
    const olds = cell('Old').split(';').map((s) => s.trim());
    while (olds.length > 1 && olds[olds.length - 1] === '') olds.pop();
    const comment = cell('Comments').trim() || 'JHU errata (no comment)';
    days.forEach((day, k) => {
      // A value cannot be published before its date: an Update Date before the date corrected
      // (Guatemala, 7/17/2020 for 7/18/2020) is a slip; the value is dated to its own day.
      let issueDay = updated;
      if (day > updated) {
        issueDay = day;
        issueRepaired.push(`line ${line} (${cell('Update Date').trim()} for ${isoFromDay(day)})`);
      }
      const issue = isoFromDay(issueDay);
      const id = `${target.metric}|${issue}|${JSON.stringify(place)}`;
      let g = groups.get(id);
      if (!g) {
        const coversSeveralRows = !target.us && MAINLAND_AND_TERRITORIES.includes(cell('Location').trim());
        groups.set(id, (g = { place, metric: target.metric, issue, line, coversSeveralRows, cells: new Map() }));
      }
      const old = olds.length === days.length ? olds[k] : cell('Old').trim();
      const earlier = g.cells.get(day);
      // Corrections of one cell on one day: the later row wins. A row that does not start from
      // the earlier row's New value ("France", 1/17/2022: 65135 → 73660, then 415 → 494) corrects
      // another row of the file when the Location is a country with territory rows: both dropped.
      const chained = earlier !== undefined && (old === '' || Number(old) === earlier.value);
      const ambiguous = earlier !== undefined && (earlier.ambiguous || (g.coversSeveralRows && !chained));
      if (earlier) {
        overridden++;
        if (earlier.value !== values[k]) overriddenDiffering++;
      }
      g.cells.set(day, { day, value: values[k], line, ambiguous, note: `${comment} (JHU errata, line ${line}; old value: ${old === '' ? 'blank' : old})` });
    });
  });

  const series: SourceSeries[] = [];
  const notes: SourceNote[] = [];
  const dropped: string[] = [];
  for (const g of groups.values()) {
    const cells = [...g.cells.values()].filter((c) => {
      if (c.ambiguous) dropped.push(`${g.place.kind === 'names' ? g.place.country : ''} ${g.metric} ${isoFromDay(c.day)} (line ${c.line})`);
      return !c.ambiguous;
    });
    if (cells.length === 0) continue;
    const { start, values } = denseSeries(cells.map((c) => [c.day, c.value] as const));
    for (const c of cells) {
      notes.push({ fileId: file.fileId, line: c.line, place: g.place, metric: g.metric, date: isoFromDay(c.day), issue: g.issue, note: c.note });
    }
    series.push({ fileId: file.fileId, line: g.line, place: g.place, metric: g.metric, start, values, issue: g.issue });
  }

  const issues: ValidationIssue[] = [];
  const lineList = (l: number[]) => (l.length > 12 ? `${l.slice(0, 12).join(', ')}, …` : l.join(', '));
  if (noValue.length) {
    issues.push({ code: 'unparseable_cell', severity: 'info', column: 'New', file: file.name, count: noValue.length, message: `${noValue.length} rows log a change without a New value (e.g. "remove duplicates", "Update from …"): nothing to store; the changed values are in the time series' later vintages (lines ${lineList(noValue)})` });
  }
  if (unknownFile.length) {
    issues.push({ code: 'unparseable_cell', severity: 'warning', column: 'File', file: file.name, count: unknownFile.length, message: `${unknownFile.length} rows with a New value name no time series of one metric in File: not stored (lines ${lineList(unknownFile)})` });
  }
  if (unreadable.length) {
    issues.push({ code: 'unparseable_cell', severity: 'warning', column: 'Field Updated', file: file.name, count: unreadable.length, message: `${unreadable.length} rows give New values that cannot be paired with dates (one value for several dates, counts that differ, or Field Updated not a list of dates): not stored (lines ${lineList(unreadable)})` });
  }
  const why: Record<UntrustedLocation, string> = {
    'us-file-national': 'name the whole US in a US (county) file, which has no national row',
    'provinces-only': 'name only Australia, Canada or China in a global file whose rows for them are provinces (the province was dropped: "China", 3/23/2020, 356 is Hong Kong)',
    'territory-comment': 'name only Denmark, France, the Netherlands, New Zealand or the United Kingdom (countries with a mainland row and territory rows) while the comment names another place, mostly one of its territories ("France" / "Correct St Martin, France confirmed data")',
  };
  for (const [k, l] of Object.entries(untrusted) as [UntrustedLocation, number[]][]) {
    if (l.length) issues.push({ code: 'unmatched_location', severity: 'warning', column: 'Location', file: file.name, count: l.length, message: `${l.length} rows ${why[k]}: place uncertain, not stored (lines ${lineList(l)})` });
  }
  if (issueRepaired.length) {
    issues.push({ code: 'repaired', severity: 'warning', column: 'Update Date', file: file.name, count: issueRepaired.length, message: `${issueRepaired.length} corrections have an Update Date before the date they correct; stored at the corrected date instead: ${issueRepaired.join(', ')}` });
  }
  if (overridden) {
    issues.push(supersededIssue(file.name, overridden, `${overridden} cells are corrected more than once on the same Update Date (${overriddenDiffering} with a different New value): the later row wins`));
  }
  if (dropped.length) {
    issues.push({ code: 'unmatched_location', severity: 'warning', column: 'Location', file: file.name, count: dropped.length, message: `${dropped.length} cells of a country with territory rows are corrected twice on one day from different Old values, so the rows are different places under one name: place uncertain, not stored (${dropped.join(', ')})` });
  }
  return { series, populations: [], issues, notes };
}
