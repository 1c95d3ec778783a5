import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { foldText } from '../../domain/location.js';
import { SourceFormatError } from '../../domain/validation.js';
import { COORDINATE, DERIVED, LAST_UPDATE, dropDuplicates, ignore, metric, place, readDailyReport, type HeaderGeneration, type ReportRow } from '../jhu-daily/daily-report.js';

const COMMON = {
  Province_State: place('province'),
  Country_Region: place('country'),
  Last_Update: LAST_UPDATE,
  Lat: COORDINATE,
  Long_: COORDINATE,
  Confirmed: metric('confirmed'),
  Deaths: metric('deaths'),
  Recovered: metric('recovered'),
  Active: DERIVED,
  FIPS: ignore('state FIPS code; the UID identifies the row (and also its special rows, which have no state FIPS)'),
  Incident_Rate: DERIVED,
  People_Hospitalized: metric('hospitalized'),
  UID: place('uid'),
  ISO3: ignore('always USA, or the territory\'s own code; the UID identifies the row'),
  Testing_Rate: DERIVED,
  Hospitalization_Rate: DERIVED,
} as const;

/** Every header of the US state daily reports, matched by column names (order free). */
export const US_GENERATIONS: readonly HeaderGeneration[] = [
  { id: 'v1-people-tested', seen: '04-12-2020 to 09-01-2020', columns: { ...COMMON, People_Tested: metric('tests'), Mortality_Rate: DERIVED } },
  { id: 'v2-total-test-results', seen: '01-01-2021 to 05-30-2021', columns: { ...COMMON, Total_Test_Results: metric('tests'), Case_Fatality_Ratio: DERIVED } },
];

/**
 * One US state daily report → one single-day series per row (state, territory, cruise ship,
 * "Recovered") and metric, dated by the file name. Rows are placed by JHU's UID, with the
 * state name as the fallback.
 */
export function parseJhuDailyUs(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [] };
  for (const file of files) {
    const report = readDailyReport(file.text, file.name, US_GENERATIONS);
    const { rows, issues } = dropDuplicates(report, file.name, (r) => `${foldText(r.place.country ?? '')}|${foldText(r.place.province ?? '')}`, label, 'error');
    out.issues.push(...issues);
    for (const row of rows) {
      const placeRef = placeOf(row, file.name);
      for (const m of report.metrics) {
        out.series.push({ fileId: file.fileId, line: row.line, place: placeRef, metric: m, start: report.day, values: Float64Array.of(row.values[m]!) });
      }
    }
  }
  return out;
}

/**
 * By UID (84000001 Alabama … 84088888 Diamond Princess, 84099999 Grand Princess, 84070001
 * Recovered, 630 Puerto Rico; written "84000001.0" in later files), falling back on the names
 * when the UID is not in the lookup table; by names alone when the cell is blank.
 */
function placeOf(row: ReportRow, file: string): PlaceRef {
  const { country = '', province = '', uid = '' } = row.place;
  if (country === '' || province === '') throw new SourceFormatError(`the ${country === '' ? 'Country_Region' : 'Province_State'} cell is empty; the row cannot be placed`, file, row.line, country === '' ? 'Country_Region' : 'Province_State');
  if (uid === '') return { kind: 'names', country, province };
  if (!/^\d+(?:\.0+)?$/.test(uid)) throw new SourceFormatError(`not a JHU UID: ${JSON.stringify(uid)}`, file, row.line, 'UID');
  return { kind: 'jhu-uid', uid: Number(uid), label: label(row), country, province, admin2: '' };
}

function label(row: ReportRow): string {
  return [row.place.province, row.place.country].filter((p) => p).join(', ');
}
