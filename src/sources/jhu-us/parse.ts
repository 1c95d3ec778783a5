import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { parseWideCsv } from '../jhu-common/wide-csv.js';

const LAYOUT = {
  required: ['UID', 'iso2', 'iso3', 'code3', 'FIPS', 'Admin2', 'Province_State', 'Country_Region', 'Lat', 'Long_', 'Combined_Key'],
  optional: ['Population'],
} as const;
const METRIC_OF_FILE: Record<string, MetricId> = { confirmed: 'confirmed', deaths: 'deaths' };

/** JHU US wide files → one series per county row, places identified by JHU's UID. */
export function parseJhuUs(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [] };
  for (const file of files) {
    const metric = METRIC_OF_FILE[file.fileId];
    if (!metric) throw new SourceFormatError(`no metric for file id ${JSON.stringify(file.fileId)}`, file.name);
    const table = parseWideCsv(file.text, file.name, LAYOUT, (p) => p.UID);
    out.issues.push(...table.issues);
    for (const row of table.rows) {
      const uid = Number(row.place.UID);
      if (!Number.isInteger(uid) || row.place.UID === '') throw new SourceFormatError(`UID is not an integer: ${JSON.stringify(row.place.UID)}`, file.name, row.line, 'UID');
      const place = {
        kind: 'jhu-uid' as const,
        uid,
        label: row.place.Combined_Key,
        country: row.place.Country_Region,
        province: row.place.Province_State,
        admin2: row.place.Admin2,
      };
      out.series.push({ fileId: file.fileId, line: row.line, place, metric, start: table.start, values: row.values });
      const pop = row.place.Population;
      if (pop !== undefined && pop !== '') {
        const population = Number(pop);
        if (!Number.isFinite(population) || population < 0) throw new SourceFormatError(`population is not a number: ${JSON.stringify(pop)}`, file.name, row.line, 'Population');
        out.populations.push({ fileId: file.fileId, line: row.line, place, population });
      }
    }
  }
  return out;
}
