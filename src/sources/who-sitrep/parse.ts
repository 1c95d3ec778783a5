import { isoFromDay } from '../../domain/dates.js';
import type { ParsedSource, PlaceRef, SourceInputFile, SourceNote } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { parseWideCsv, type WideRow } from '../jhu-common/wide-csv.js';
import { mixedLineEndings } from '../../lib/line-endings.js';

/**
 * JHU's compilation of WHO situation reports (who_covid_19_sit_rep_time_series.csv), wide:
 * `Province/States,Country/Region,WHO region,WHO region label,1/21/20,…`.
 * - Country rows (empty Province/States) and Chinese province rows (Hubei, Hong Kong, …) hold
 *   cumulative confirmed cases.
 * - A summary block names the metric in Province/States: `Confirmed`/`Deaths` for `Globally`,
 *   `China` and `Outside of China`, `Case on an international conveyance`/`Deaths` for `Other`,
 *   and `Confirmed`/`Deaths` per WHO region (empty Country/Region).
 */
const LAYOUT = { required: ['Province/States', 'Country/Region', 'WHO region', 'WHO region label'] } as const;

/** Country/Region values that are totals or categories, not places. */
const AGGREGATES = new Set(['Globally', 'Outside of China', 'Other', '']);
/** Province/States values that name the metric of a summary row. */
const METRIC_LABELS: Record<string, 'confirmed' | 'deaths'> = { Confirmed: 'confirmed', Deaths: 'deaths' };

export function parseWhoSitrep(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [], notes: [] };
  for (const file of files) {
    if (file.fileId !== 'sit-rep-time-series') throw new SourceFormatError(`no layout for file id ${JSON.stringify(file.fileId)}`, file.name);
    out.issues.push(...mixedLineEndings(file.text, file.name));
    const table = parseWideCsv(file.text, file.name, LAYOUT, (p) => `${p['Province/States']}|${p['Country/Region']}|${p['WHO region']}`);
    out.issues.push(...table.issues);

    const aggregates: string[] = [];
    const summaries = new Map<string, WideRow>();
    const countryRows = new Map<string, WideRow>();
    for (const row of table.rows) {
      const province = row.place['Province/States'];
      const country = row.place['Country/Region'];
      if (AGGREGATES.has(country)) {
        aggregates.push(`${country || row.place['WHO region']} / ${province} (line ${row.line})`);
        continue;
      }
      const metric = METRIC_LABELS[province];
      if (metric === 'deaths') {
        // "Deaths / China": the only per-country deaths the file has.
        out.series.push({ fileId: file.fileId, line: row.line, place: { kind: 'names', country }, metric, start: table.start, values: row.values });
        continue;
      }
      if (metric === 'confirmed') {
        summaries.set(country, row);
        continue;
      }
      if (province === '') countryRows.set(country, row);
      out.series.push({ fileId: file.fileId, line: row.line, place: { kind: 'names', country, province }, metric: 'confirmed', start: table.start, values: row.values });
    }

    // "Confirmed / China" in the summary block is a second copy of China's country row; the
    // country row is stored and each date the copies disagree on gets a note.
    for (const [country, summary] of summaries) {
      const stored = countryRows.get(country);
      const place: PlaceRef = { kind: 'names', country };
      if (!stored) {
        out.series.push({ fileId: file.fileId, line: summary.line, place, metric: 'confirmed', start: table.start, values: summary.values });
        continue;
      }
      const notes: SourceNote[] = [];
      for (let i = 0; i < stored.values.length; i++) {
        const a = stored.values[i];
        const b = summary.values[i];
        if (a === b || (Number.isNaN(a) && Number.isNaN(b))) continue;
        notes.push({
          fileId: file.fileId, line: stored.line, place, metric: 'confirmed', date: isoFromDay(table.start + i),
          note: `The file's summary row "Confirmed, ${country}" (line ${summary.line}) gives ${fmt(b)} for this date; the country row (line ${stored.line}) gives ${fmt(a)}, stored as published.`,
        });
      }
      out.notes!.push(...notes);
      out.issues.push({
        code: 'duplicate_row', severity: notes.length ? 'warning' : 'info', file: file.name, line: summary.line, metric: 'confirmed',
        message: `summary row "Confirmed, ${country}" repeats the country row at line ${stored.line}; not stored` +
          (notes.length ? `. The two differ on ${notes.length} date(s): ${notes.map((n) => n.date).join(', ')} (the country row is stored; each date carries a note with the other value)` : ' (identical values)'),
      });
    }

    if (aggregates.length) {
      out.issues.push({ code: 'not_a_place', severity: 'info', file: file.name, count: aggregates.length, message: `global, regional and conveyance totals, not places; not stored: ${aggregates.join(', ')}` });
    }
  }
  return out;
}

function fmt(v: number): string {
  return Number.isNaN(v) ? 'a blank cell' : String(v);
}
