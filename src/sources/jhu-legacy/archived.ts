import { dayFromParts, dayNumber, isoFromDay } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, SourceInputFile, SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { parseCsvRows, requireRowWidth, rowLineNumbers, stripBom } from '../../lib/csv.js';
import { RowRepeats } from '../kit/duplicate-rows.js';
import { placeOfRow } from './places.js';

/**
 * JHU's first formats (archived_data/, 2020-01-21 to 2020-02-14):
 * - archived_time_series/time_series_2019-ncov-*.csv: wide, one column per snapshot
 *   ("1/21/20 22:00", up to three a day); the last snapshot of a day is that day's value;
 * - archived_daily_case_updates/MM-DD-YYYY_HHMM.csv: one intra-day snapshot per file.
 */

const PLACE_COLUMNS = ['Province/State', 'Country/Region', 'Lat', 'Long'] as const;
/** A snapshot column of the archived time series: "1/21/20 22:00", "2/4/20 9:40" (time optional). */
const SNAPSHOT = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/;

function snapshotTime(text: string): { day: number; minute: number } | null {
  const m = SNAPSHOT.exec(text);
  if (!m) return null;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const day = dayFromParts(year, Number(m[1]), Number(m[2]));
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  if (Number.isNaN(day) || hour > 23 || minute > 59) return null;
  return { day, minute: hour * 60 + minute };
}

function readNumber(cell: string, file: string, line: number, column: string): number {
  const t = cell.trim();
  if (t === '') return Number.NaN;
  const v = Number(t);
  if (!Number.isFinite(v)) throw new SourceFormatError(`not a number: ${JSON.stringify(cell)}`, file, line, column);
  return v;
}

/**
 * time_series_2019-ncov-*.csv → one series per row, the day's value being its last snapshot.
 * The file stopped at its last snapshot: every series carries that day as its issue.
 */
export function parseArchivedTimeSeries(file: SourceInputFile, metric: MetricId): ParsedSource {
  const text = stripBom(file.text);
  const rows = parseCsvRows(text, file.name);
  if (rows.length === 0) throw new SourceFormatError('empty file', file.name);
  const header = rows[0].map((h) => h.trim());
  const first = header.findIndex((h) => snapshotTime(h) !== null);
  if (first < 0) throw new SourceFormatError('no snapshot columns (expected headers like "1/21/20 22:00")', file.name, 1);
  for (let i = 0; i < Math.max(first, PLACE_COLUMNS.length); i++) {
    if (header[i] !== PLACE_COLUMNS[i]) {
      const got = i < first ? JSON.stringify(header[i]) : 'a snapshot column';
      const want = PLACE_COLUMNS[i] === undefined ? 'a snapshot column' : JSON.stringify(PLACE_COLUMNS[i]);
      throw new SourceFormatError(`unexpected header: found ${got} where ${want} was expected (place columns: ${PLACE_COLUMNS.join(', ')})`, file.name, 1);
    }
  }

  // The column holding each day's last snapshot; snapshots must run forward in time, every day covered.
  const start = snapshotTime(header[first])!.day;
  const lastOfDay: number[] = [];
  let previous = -1;
  for (let j = first; j < header.length; j++) {
    const t = snapshotTime(header[j]);
    if (!t) throw new SourceFormatError(`column ${j + 1} is not a snapshot time (${JSON.stringify(header[j])})`, file.name, 1);
    const at = t.day * 1440 + t.minute;
    if (at <= previous) throw new SourceFormatError(`snapshot columns are not in time order at ${JSON.stringify(header[j])}`, file.name, 1, header[j]);
    previous = at;
    const i = t.day - start;
    if (i > lastOfDay.length) throw new SourceFormatError(`no snapshot for ${isoFromDay(start + lastOfDay.length)} before ${JSON.stringify(header[j])}`, file.name, 1, header[j]);
    lastOfDay[i] = j;
  }
  const issue = isoFromDay(start + lastOfDay.length - 1);

  const series: SourceSeries[] = [];
  const repeats = new RowRepeats(file.name);
  const lines = rowLineNumbers(text);
  for (let r = 1; r < rows.length; r++) {
    const f = rows[r];
    const line = lines[r] ?? r + 1;
    requireRowWidth(f.length, header.length, file.name, line);
    // Every cell must be a number or blank, not only the day's last one: anything else means a broken file.
    const all = f.slice(first).map((c, k) => readNumber(c, file.name, line, header[first + k]));
    const values = Float64Array.from(lastOfDay, (j) => all[j - first]);
    const province = f[0].trim();
    const country = f[1].trim();
    const key = `${province}|${country}`;
    if (!repeats.first(key, line, values)) continue;
    series.push({ fileId: file.fileId, line, place: placeOfRow(province, country), metric, start, values, issue });
  }
  return { series, populations: [], issues: repeats.issues };
}

const DAILY_REQUIRED = ['Province/State', 'Country/Region', 'Last Update', 'Confirmed', 'Deaths', 'Recovered'] as const;
/** Columns of the first two snapshots that Glacier does not store (no suspected-case metric). */
const DAILY_IGNORED = ['Suspected', 'ConfnSusp'] as const;
const DAILY_METRICS: readonly [column: string, metric: MetricId][] = [
  ['Confirmed', 'confirmed'],
  ['Deaths', 'deaths'],
  ['Recovered', 'recovered'],
];
/** archived_daily_case_updates/01-21-2020_2200.csv: month, day, year, then the snapshot's time. */
const DAILY_NAME = /(\d{2})-(\d{2})-(\d{4})_(\d{2})(\d{2})\.csv(?:\.gz)?$/;

/** The vintage a daily case update holds: the date in its file name (time of day checked, not kept). */
export function dailyCaseUpdateDate(name: string): string | null {
  const m = DAILY_NAME.exec(name);
  if (!m || Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  const day = dayFromParts(Number(m[3]), Number(m[1]), Number(m[2]));
  return Number.isNaN(day) ? null : isoFromDay(day);
}

/**
 * One intra-day snapshot → one one-day series per row and metric, at issue = the snapshot's date,
 * so that several snapshots of a day are versions of one issue and the last one read wins.
 * A blank cell stays blank (NaN).
 */
export function parseDailyCaseUpdate(file: SourceInputFile): ParsedSource {
  const iso = dailyCaseUpdateDate(file.name);
  if (!iso) throw new SourceFormatError('cannot date the snapshot: the file name must end in MM-DD-YYYY_HHMM.csv (e.g. 01-22-2020_1200.csv)', file.name);
  const text = stripBom(file.text);
  const rows = parseCsvRows(text, file.name);
  if (rows.length === 0) throw new SourceFormatError('empty file', file.name);
  const header = rows[0].map((h) => h.trim());
  const known = new Set<string>([...DAILY_REQUIRED, ...DAILY_IGNORED]);
  const unknown = header.find((h) => !known.has(h));
  if (unknown !== undefined) throw new SourceFormatError(`unexpected column ${JSON.stringify(unknown)} (expected ${DAILY_REQUIRED.join(', ')}, optionally ${DAILY_IGNORED.join(', ')})`, file.name, 1, unknown);
  const col = Object.fromEntries(DAILY_REQUIRED.map((c) => [c, header.indexOf(c)])) as Record<(typeof DAILY_REQUIRED)[number], number>;
  const missing = DAILY_REQUIRED.find((c) => col[c] < 0);
  if (missing) throw new SourceFormatError(`missing column ${JSON.stringify(missing)} (expected ${DAILY_REQUIRED.join(', ')})`, file.name, 1);

  const day = dayNumber(iso);
  const series: SourceSeries[] = [];
  const repeats = new RowRepeats(file.name);
  const lines = rowLineNumbers(text);
  for (let r = 1; r < rows.length; r++) {
    const f = rows[r];
    const line = lines[r] ?? r + 1;
    requireRowWidth(f.length, header.length, file.name, line);
    const province = f[col['Province/State']].trim();
    const country = f[col['Country/Region']].trim();
    const values = DAILY_METRICS.map(([c]) => readNumber(f[col[c as keyof typeof col]], file.name, line, c));
    for (const c of DAILY_IGNORED) if (header.includes(c)) readNumber(f[header.indexOf(c)], file.name, line, c);
    const key = `${province}|${country}`;
    if (!repeats.first(key, line, values)) continue;
    const place = placeOfRow(province, country);
    DAILY_METRICS.forEach(([, metric], k) => series.push({ fileId: file.fileId, line, place, metric, start: day, values: Float64Array.of(values[k]), issue: iso }));
  }
  return { series, populations: [], issues: repeats.issues };
}
