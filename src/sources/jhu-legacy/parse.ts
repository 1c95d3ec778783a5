import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, SourceInputFile } from '../../domain/series.js';
import { isoFromDay } from '../../domain/dates.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { parseWideCsv, type WideRow } from '../jhu-common/wide-csv.js';
import { parseArchivedTimeSeries, parseDailyCaseUpdate } from './archived.js';
import { placeOfRow } from './places.js';

const LAYOUT = { required: ['Province/State', 'Country/Region', 'Lat', 'Long'] } as const;

type FileKind = { format: 'legacy' | 'archived'; metric: MetricId } | { format: 'daily' };

const FILE_KINDS: Record<string, FileKind> = {
  confirmed: { format: 'legacy', metric: 'confirmed' },
  deaths: { format: 'legacy', metric: 'deaths' },
  recovered: { format: 'legacy', metric: 'recovered' },
  archived_confirmed: { format: 'archived', metric: 'confirmed' },
  archived_deaths: { format: 'archived', metric: 'deaths' },
  archived_recovered: { format: 'archived', metric: 'recovered' },
  daily_case_updates: { format: 'daily' },
};

/**
 * Rows of the legacy files that are one place under an old and a new JHU spelling, kept side by
 * side after JHU renamed or moved the row: [current, stale] as "Province/State|Country/Region".
 * The gazetteer resolves both spellings of a pair to the same key (parse.test.ts checks it); the
 * parser only merges the two rows, it does not say which place they are.
 */
export const RENAMED_TWINS: readonly (readonly [current: string, stale: string])[] = [
  ['District of Columbia|US', 'Washington, D.C.|US'],
  ['Puerto Rico|US', '|Puerto Rico'],
  ['Guam|US', '|Guam'],
  ['Virgin Islands|US', 'United States Virgin Islands|US'],
  ['French Guiana|France', '|French Guiana'],
  ['Guadeloupe|France', '|Guadeloupe'],
  ['Mayotte|France', '|Mayotte'],
  ['Reunion|France', '|Reunion'],
  ['Greenland|Denmark', '|Greenland'],
  ['|Congo (Brazzaville)', '|Republic of the Congo'],
  ['|Gambia, The', '|The Gambia'],
  ['|Bahamas, The', '|The Bahamas'],
  ['|Cabo Verde', '|Cape Verde'],
  ['|Timor-Leste', '|East Timor'],
];

/** JHU legacy and archived time series (2020-01-21 to 2020-03-23) → one series per place and metric. */
export function parseJhuLegacy(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [] };
  for (const file of files) {
    const kind = FILE_KINDS[file.fileId];
    if (!kind) throw new SourceFormatError(`unknown file id ${JSON.stringify(file.fileId)} (expected one of ${Object.keys(FILE_KINDS).join(', ')})`, file.name);
    const parsed = kind.format === 'legacy' ? parseLegacy(file, kind.metric) : kind.format === 'archived' ? parseArchivedTimeSeries(file, kind.metric) : parseDailyCaseUpdate(file);
    out.series.push(...parsed.series);
    out.issues.push(...parsed.issues);
  }
  return out;
}

/** time_series_19-covid-*.csv: JHU's global wide layout, with renamed rows merged into one. */
function parseLegacy(file: SourceInputFile, metric: MetricId): ParsedSource {
  const rowKey = (p: Record<string, string>) => `${p['Province/State']}|${p['Country/Region']}`;
  const table = parseWideCsv(file.text, file.name, LAYOUT, rowKey);
  const issues: ValidationIssue[] = [...table.issues];
  const byKey = new Map(table.rows.map((r) => [rowKey(r.place), r]));
  const dropped = new Set<WideRow>();
  const merged: string[] = [];
  const conflicts: string[] = [];
  for (const [current, stale] of RENAMED_TWINS) {
    const a = byKey.get(current);
    const b = byKey.get(stale);
    if (!a || !b) continue;
    for (let i = 0; i < a.values.length; i++) {
      const [v, conflict] = mergeCell(a.values[i], b.values[i]);
      if (conflict) conflicts.push(`${label(current)} ${isoFromDay(table.start + i)} (${a.values[i]} kept, ${b.values[i]} dropped)`);
      a.values[i] = v;
    }
    dropped.add(b);
    merged.push(`${JSON.stringify(label(stale))} (line ${b.line}) into ${JSON.stringify(label(current))} (line ${a.line})`);
  }
  if (merged.length > 0) {
    issues.push({
      code: 'repaired',
      severity: 'warning',
      message:
        `${merged.length} places have a second row under an old JHU spelling, kept after a rename (mostly zeros); merged day by day into the current spelling's row: ${merged.join(', ')}` +
        (conflicts.length ? `. Days on which both rows held different non-zero values, the current spelling's kept: ${conflicts.join('; ')}` : ''),
      file: file.name,
      metric,
      count: merged.length,
    });
  }
  const series = table.rows
    .filter((r) => !dropped.has(r))
    .map((r) => ({ fileId: file.fileId, line: r.line, place: placeOfRow(r.place['Province/State'], r.place['Country/Region']), metric, start: table.start, values: r.values }));
  return { series, populations: [], issues };
}

/**
 * One day of a place that has a current and a stale row: the value of the row that has one. A
 * blank or 0 of the other row is its placeholder; two different non-zero values are a conflict,
 * resolved in favour of the current spelling.
 */
function mergeCell(current: number, stale: number): [number, boolean] {
  if (Number.isNaN(stale) || current === stale) return [current, false];
  if (Number.isNaN(current) || current === 0) return [stale, false];
  if (stale === 0) return [current, false];
  return [current, true];
}

function label(rowKey: string): string {
  return rowKey.split('|').filter((p) => p).join(', ');
}
