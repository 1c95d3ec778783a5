import { foldText } from '../../domain/location.js';
import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { COORDINATE, DERIVED, LAST_UPDATE, dropDuplicates, ignore, metric, place, readDailyReport, type HeaderGeneration, type ReportRow } from './daily-report.js';
import { samePlaceIdentity } from './same-place.js';

const V1 = {
  'Province/State': place('province'),
  'Country/Region': place('country'),
  'Last Update': LAST_UPDATE,
  Confirmed: metric('confirmed'),
  Deaths: metric('deaths'),
  Recovered: metric('recovered'),
} as const;

const V3 = {
  FIPS: place('fips'),
  Admin2: place('admin2'),
  Province_State: place('province'),
  Country_Region: place('country'),
  Last_Update: LAST_UPDATE,
  Lat: COORDINATE,
  Long_: COORDINATE,
  Confirmed: metric('confirmed'),
  Deaths: metric('deaths'),
  Recovered: metric('recovered'),
  Active: DERIVED,
  Combined_Key: ignore('Admin2, Province_State and Country_Region joined ("Cook, Illinois, US"); repeats the place columns'),
} as const;

/** Every header of the global daily reports, matched by column names (order free). */
export const GLOBAL_GENERATIONS: readonly HeaderGeneration[] = [
  { id: 'v1-6-columns', seen: '01-22-2020 to 02-29-2020', columns: V1 },
  { id: 'v2-coordinates', seen: '03-01-2020 to 03-21-2020', columns: { ...V1, Latitude: COORDINATE, Longitude: COORDINATE } },
  { id: 'v3-counties', seen: '03-22-2020 to 05-2020', columns: V3 },
  { id: 'v4-rates', seen: '06-01-2020 to 11-2020', columns: { ...V3, Incidence_Rate: DERIVED, 'Case-Fatality_Ratio': DERIVED } },
  { id: 'v5-rates-renamed', seen: 'from 12-01-2020', columns: { ...V3, Incident_Rate: DERIVED, Case_Fatality_Ratio: DERIVED } },
];

/**
 * New York City: from 03-22-2020 to 08-2020 JHU reported the five boroughs together as Admin2
 * "New York City" under FIPS 36061, which the lookup table (and every later report) uses for
 * New York County (Manhattan) alone; the other boroughs' rows were 0 (03-22..03-29) or absent. A documented geographic
 * exception (manifest notes): the row is the five boroughs, US_NY_NYC.
 */
const NEW_YORK_CITY = 'US_NY_NYC';

/**
 * One global daily report (one day, every place) → one single-day series per row and metric,
 * dated by the file name. Stale duplicate rows are dropped (same-place.ts); rows that are parts
 * of one place are left to the runner to sum.
 */
export function parseJhuDaily(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [] };
  for (const file of files) {
    const report = readDailyReport(file.text, file.name, GLOBAL_GENERATIONS);
    const countryColumn = 'FIPS' in report.generation.columns ? 'Country_Region' : 'Country/Region';
    for (const row of report.rows) checkPlaceCells(row, file.name, countryColumn);
    const { rows, issues } = dropDuplicates(
      report,
      file.name,
      (r) => samePlaceIdentity(r.place.country!, r.place.province ?? '', r.place.admin2 ?? ''),
      label,
      'keep-largest',
    );
    out.issues.push(...issues);
    // Every series of the file is one day long: views of one buffer, not a buffer each (one
    // Float64Array.of per series and metric was a 114-vintage run's largest promoted garbage).
    const cells = new Float64Array(rows.length * report.metrics.length);
    let k = 0;
    for (const row of rows) {
      const placeRef = placeOf(row);
      for (const m of report.metrics) {
        cells[k] = row.values[m]!;
        out.series.push({ fileId: file.fileId, line: row.line, place: placeRef, metric: m, start: report.day, values: cells.subarray(k, ++k) });
      }
    }
  }
  return out;
}

/** Names as written; a US county by its FIPS code (more robust than names); NYC explicitly. */
function placeOf(row: ReportRow): PlaceRef {
  const { country = '', province = '', admin2 = '', fips = '' } = row.place;
  if (country === 'US' && admin2 !== '') {
    if (foldText(admin2) === 'new york city' && foldText(province) === 'new york') return { kind: 'code', system: 'key', code: NEW_YORK_CITY, label: label(row) };
    if (fips !== '') return { kind: 'code', system: 'fips', code: fips, label: label(row) };
  }
  return { kind: 'names', country, province, ...(admin2 !== '' ? { admin2 } : {}) };
}

function label(row: ReportRow): string {
  const { country = '', province = '', admin2 = '' } = row.place;
  return [admin2, province, country].filter((p) => p !== '').join(', ');
}

function checkPlaceCells(row: ReportRow, file: string, countryColumn: string): void {
  if (!row.place.country) throw new SourceFormatError('the country cell is empty; the row cannot be placed', file, row.line, countryColumn);
  const fips = row.place.fips ?? '';
  if (fips !== '' && !/^\d{1,5}(?:\.0+)?$/.test(fips)) throw new SourceFormatError(`not a FIPS code: ${JSON.stringify(fips)}`, file, row.line, 'FIPS');
}
