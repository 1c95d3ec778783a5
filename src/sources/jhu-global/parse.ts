import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { parseWideCsv } from '../jhu-common/wide-csv.js';

const LAYOUT = { required: ['Province/State', 'Country/Region', 'Lat', 'Long'] } as const;
const METRIC_OF_FILE: Record<string, MetricId> = { confirmed: 'confirmed', deaths: 'deaths', recovered: 'recovered' };

/** JHU global wide files → one series per row, places named as JHU names them. */
export function parseJhuGlobal(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [] };
  for (const file of files) {
    const metric = METRIC_OF_FILE[file.fileId];
    if (!metric) throw new SourceFormatError(`no metric for file id ${JSON.stringify(file.fileId)}`, file.name);
    const table = parseWideCsv(file.text, file.name, LAYOUT, (p) => `${p['Province/State']}|${p['Country/Region']}`);
    out.issues.push(...table.issues);
    for (const row of table.rows) {
      out.series.push({
        fileId: file.fileId,
        line: row.line,
        place: { kind: 'names', country: row.place['Country/Region'], province: row.place['Province/State'] },
        metric,
        start: table.start,
        values: row.values,
      });
    }
  }
  return out;
}
