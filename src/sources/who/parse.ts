import { dayNumber } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, PlaceRef, SourceFlag, SourceInputFile, SourceSeries } from '../../domain/series.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { eachCsvTableRow, requireRowWidth } from '../../lib/csv.js';
import { mixedLineEndings } from '../../lib/line-endings.js';
import { LongPivot } from '../kit/long-pivot.js';

/**
 * WHO's WHO-COVID-19-global-data.csv: one row per country (Country_code, ISO 3166-1 alpha-2)
 * and date. Two layouts share the header
 * `Date_reported,Country_code,Country,WHO_region,New_cases,Cumulative_cases,New_deaths,Cumulative_deaths`:
 * - 2020–2023: daily rows, `Date_reported` as `2020-02-24T00:00:00Z`, UTF-8 BOM, CRLF;
 * - 2023 on: weekly rows dated on Sundays (`2020-01-05`), New_cases/New_deaths = the week's sum.
 * Columns are found by name (trimmed), never by position.
 */
export const WHO_COLUMNS = ['Date_reported', 'Country_code', 'Country', 'WHO_region', 'New_cases', 'Cumulative_cases', 'New_deaths', 'Cumulative_deaths'] as const;
type Column = (typeof WHO_COLUMNS)[number];

/** Cumulative counts are stored from every layout; New_* only when the rows are daily. */
const CUMULATIVE: [Column, MetricId][] = [
  ['Cumulative_cases', 'confirmed'],
  ['Cumulative_deaths', 'deaths'],
];
const DAILY: [Column, MetricId][] = [
  ['New_cases', 'new_confirmed'],
  ['New_deaths', 'new_deaths'],
];
const NUMERIC: Column[] = ['New_cases', 'Cumulative_cases', 'New_deaths', 'Cumulative_deaths'];
const METRIC_OF = Object.fromEntries([...CUMULATIVE, ...DAILY]) as Record<Column, MetricId>;

/** `2020-01-05` or `2020-02-24T00:00:00Z` (midnight UTC only: any other time would be ambiguous). */
const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00:00(?:\.0+)?Z?)?$/;

/**
 * Conveyances and other non-places: WHO's user-assigned codes XXF..XXL (international
 * conveyances, a commercial vessel) and `Other*` (2020: every conveyance together).
 */
const NOT_A_PLACE = /^(XX[A-Z]|Other\*?)$/i;

/**
 * The one conveyance that is a place in the gazetteer: WHO's "International conveyance
 * (Diamond Princess)" holds exactly JHU's Diamond Princess row (712 cases, 13 deaths).
 */
const EXPLICIT_KEYS: Record<string, string> = { XXJ: 'SHIP-DIAMOND-PRINCESS' };

export type WhoCadence = 'daily' | 'weekly';

export function parseWho(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [], flags: [] };
  for (const file of files) {
    const parsed = parseWhoFile(file);
    out.series.push(...parsed.series);
    out.issues.push(...parsed.issues);
    out.flags!.push(...parsed.flags);
  }
  return out;
}

export function parseWhoFile(file: SourceInputFile): { series: SourceSeries[]; issues: ValidationIssue[]; flags: SourceFlag[]; cadence: WhoCadence } {
  let header: string[] = [];
  let col = {} as Record<Column, number>;

  const issues: ValidationIssue[] = mixedLineEndings(file.text, file.name);
  const pivot = new LongPivot({ fileId: file.fileId, file: file.name, metrics: NUMERIC.map((c) => METRIC_OF[c]) });
  const skipped = new Map<string, { label: string; rows: number }>();
  const days = new Set<number>();

  const onHeader = (h: string[]) => {
    header = h;
    col = columnIndex(h, file.name);
  };
  eachCsvTableRow(file.text, file.name, onHeader, (f, line) => {
    if (f.length === 1 && f[0].trim() === '') throw new SourceFormatError('blank line inside the file', file.name, line);
    requireRowWidth(f.length, header.length, file.name, line);

    const dateText = f[col.Date_reported].trim();
    const m = DATE.exec(dateText);
    const day = m ? dayNumber(m[1]) : Number.NaN;
    if (Number.isNaN(day)) throw new SourceFormatError(`not a date: ${JSON.stringify(f[col.Date_reported])} (expected YYYY-MM-DD or YYYY-MM-DDT00:00:00Z)`, file.name, line, 'Date_reported');

    // Country_code is read as text: Namibia's "NA" is a code, never a missing value.
    const code = f[col.Country_code].trim();
    const label = f[col.Country].trim();
    if (code === '') throw new SourceFormatError('empty Country_code', file.name, line, 'Country_code');

    const values = new Float64Array(NUMERIC.length);
    NUMERIC.forEach((name, j) => {
      const cell = f[col[name]].trim();
      if (cell === '') values[j] = Number.NaN;
      else {
        const v = Number(cell);
        if (!Number.isFinite(v)) throw new SourceFormatError(`not a number: ${JSON.stringify(f[col[name]])}`, file.name, line, name);
        values[j] = v;
      }
    });
    days.add(day);

    if (NOT_A_PLACE.test(code) && !EXPLICIT_KEYS[code]) {
      const s = skipped.get(code);
      if (s) s.rows++;
      else skipped.set(code, { label, rows: 1 });
      return;
    }

    pivot.add({ key: code, place: placeRef(code, label), label: code, day, line, values, location: code });
  });

  if (days.size === 0) throw new SourceFormatError('no data rows (truncated file?)', file.name, 2);
  const cadence = cadenceOf([...days].sort((a, b) => a - b), file.name);
  const metrics = (cadence === 'daily' ? [...CUMULATIVE, ...DAILY] : CUMULATIVE).map(([, metric]) => metric);
  issues.push(...pivot.issues());
  const flags = pivot.flags(metrics);
  const series = pivot.series(metrics);

  if (skipped.size > 0) {
    const list = [...skipped].map(([code, s]) => `${code} (${JSON.stringify(s.label)}, ${s.rows} rows)`).join(', ');
    issues.push({ code: 'not_a_place', severity: 'info', message: `international conveyances, not places; not stored: ${list}`, file: file.name, count: skipped.size });
  }
  return { series, issues, flags, cadence };
}

/** A country by its ISO alpha-2 code, or a documented exception by its Glacier key. */
function placeRef(code: string, label: string): PlaceRef {
  const key = EXPLICIT_KEYS[code];
  return key ? { kind: 'code', system: 'key', code: key, label } : { kind: 'code', system: 'iso2', code, label };
}

function columnIndex(header: string[], file: string): Record<Column, number> {
  const out = {} as Record<Column, number>;
  for (const name of WHO_COLUMNS) {
    const i = header.indexOf(name);
    if (i < 0) {
      throw new SourceFormatError(`unexpected header: no column ${JSON.stringify(name)} (found ${header.map((h) => JSON.stringify(h)).join(', ')}; expected ${WHO_COLUMNS.join(', ')})`, file, 1);
    }
    if (header.indexOf(name, i + 1) >= 0) throw new SourceFormatError(`unexpected header: column ${JSON.stringify(name)} appears twice`, file, 1);
    out[name] = i;
  }
  return out;
}

/**
 * Daily when two report dates of the file are one day apart; weekly when every report date is
 * a week after the previous one (WHO's weekly file: Sundays). Anything else is not a layout
 * WHO published, and New_* could not be read as daily or weekly counts.
 */
function cadenceOf(days: number[], file: string): WhoCadence {
  let weekly = true;
  for (let i = 1; i < days.length; i++) {
    const gap = days[i] - days[i - 1];
    if (gap === 1) return 'daily';
    if (gap !== 7) weekly = false;
  }
  if (!weekly) throw new SourceFormatError('report dates are neither daily nor weekly (no two dates one day apart, and not all a week apart)', file, undefined, 'Date_reported');
  return 'weekly';
}
