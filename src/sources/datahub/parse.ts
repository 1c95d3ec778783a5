import { isoFromDay } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { readCsvTable, requireRowWidth } from '../../lib/csv.js';
import { LongPivot } from '../kit/long-pivot.js';
import { readDateColumn } from './dates.js';

/**
 * DataHub's datasets/covid-19 (a long-format republication of JHU CSSE's global series):
 * one row per place and date, pivoted here to one dense daily series per place and metric.
 * Which rows each file supplies is documented in manifest.ts (notes) and tested:
 * - countries-aggregated: every row, one country each (DataHub's sums by Country/Region);
 * - time-series-combined: only the rows of countries the file reports by province alone
 *   (no row of the country itself); country-level rows come from countries-aggregated;
 * - worldwide-aggregate(d): world totals, not a place (one not_a_place issue).
 */
export function parseDatahub(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [], flags: [] };
  for (const file of files) {
    const parsed = parseOne(file);
    out.series.push(...parsed.series);
    out.issues.push(...parsed.issues);
    out.flags!.push(...(parsed.flags ?? []));
  }
  return out;
}

function parseOne(file: SourceInputFile): ParsedSource {
  switch (file.fileId) {
    case 'countries-aggregated':
      return parseLong(file, COUNTRIES);
    case 'time-series-combined':
      return parseLong(file, COMBINED);
    case 'worldwide-aggregate':
      return parseWorldwide(file);
    default:
      throw new SourceFormatError(`no parser for file id ${JSON.stringify(file.fileId)}`, file.name);
  }
}

const METRICS: readonly (readonly [column: string, metric: MetricId])[] = [
  ['Confirmed', 'confirmed'],
  ['Recovered', 'recovered'],
  ['Deaths', 'deaths'],
];

interface Layout {
  /** Columns that must be present (any order). */
  required: readonly string[];
  /** Columns that may be present (Lat/Long until 2020-09; not read). */
  optional: readonly string[];
  /** Columns naming the place of a row (its rows follow day by day). */
  place: readonly string[];
}

const COUNTRIES: Layout = { required: ['Date', 'Country', 'Confirmed', 'Recovered', 'Deaths'], optional: [], place: ['Country'] };
const COMBINED: Layout = {
  required: ['Date', 'Country/Region', 'Province/State', 'Confirmed', 'Recovered', 'Deaths'],
  optional: ['Lat', 'Long'],
  place: ['Country/Region', 'Province/State'],
};
const WORLDWIDE: Layout = { required: ['Date', 'Confirmed', 'Recovered', 'Deaths'], optional: ['Increase rate'], place: [] };

interface Table {
  rows: string[][];
  /** Column index by header name. */
  col: Map<string, number>;
  lineOf: (row: number) => number;
  /** Day of each data row (index r - 1 for CSV row r). */
  days: Int32Array;
  issues: ValidationIssue[];
}

/** Header checked by name, every row's field count, and the date column (order detected). */
function readTable(file: SourceInputFile, layout: Layout): Table {
  const { rows, header, lineOf } = readCsvTable(file.text, file.name);
  const col = checkHeader(header, layout, file.name);
  if (rows.length === 1) throw new SourceFormatError('no data rows after the header (truncated file?)', file.name, 2);
  const width = rows[0].length;
  for (let r = 1; r < rows.length; r++) {
    requireRowWidth(rows[r].length, width, file.name, lineOf(r));
  }
  const dateCol = col.get('Date')!;
  const cells = new Array<string>(rows.length - 1);
  for (let r = 1; r < rows.length; r++) cells[r - 1] = rows[r][dateCol];
  const placeCols = layout.place.map((c) => col.get(c)!);
  const placeOf = (i: number) => placeCols.map((c) => rows[i + 1][c].trim()).join('|');
  const dates = readDateColumn(cells, placeOf, file.name, 'Date', lineOf);
  const issues: ValidationIssue[] = [];
  if (dates.order === 'YYYY-DD-MM') {
    const example = cells[0].trim();
    issues.push({
      code: 'repaired',
      severity: 'warning',
      message:
        `dates are written YYYY-DD-MM (line ${lineOf(1)}: ${JSON.stringify(example)} = ${isoFromDay(dates.days[0])}), a known DataHub defect ` +
        `(the files committed on 2020-09-01); all ${cells.length} dates were read day-first and stored on the repaired dates`,
      file: file.name,
      column: 'Date',
      count: cells.length,
    });
  }
  return { rows, col, lineOf, days: dates.days, issues };
}

function checkHeader(header: string[], layout: Layout, file: string): Map<string, number> {
  const col = new Map<string, number>();
  const expected = `expected columns ${layout.required.join(', ')}${layout.optional.length ? ` (optional: ${layout.optional.join(', ')})` : ''}`;
  for (const [i, h] of header.entries()) {
    if (col.has(h)) throw new SourceFormatError(`unexpected header: column ${JSON.stringify(h)} appears twice; ${expected}`, file, 1, h);
    col.set(h, i);
  }
  const unknown = header.filter((h) => !layout.required.includes(h) && !layout.optional.includes(h));
  const missing = layout.required.filter((c) => !col.has(c));
  if (unknown.length || missing.length) {
    const parts = [
      ...unknown.map((h) => `unknown column ${JSON.stringify(h)}`),
      ...missing.map((h) => `missing column ${JSON.stringify(h)}`),
    ];
    throw new SourceFormatError(`unexpected header: ${parts.join(', ')}; ${expected}`, file, 1, unknown[0]);
  }
  return col;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

function cellValue(cell: string, file: string, line: number, column: string): number {
  const t = cell.trim();
  if (t === '') return Number.NaN;
  if (!NUMBER.test(t)) throw new SourceFormatError(`not a number: ${JSON.stringify(cell)}`, file, line, column);
  return Number(t);
}

interface PlaceRows {
  place: PlaceRef;
  label: string;
  /** CSV row indices of this place, in file order. */
  rows: number[];
}

function parseLong(file: SourceInputFile, layout: Layout): ParsedSource {
  const t = readTable(file, layout);
  const { rows, col, lineOf } = t;
  const metricCols = METRICS.map(([c, metric]) => ({ column: c, metric, index: col.get(c)! }));

  // Every value cell is read, so that a broken cell refuses the file even in a row not stored.
  const values = new Float64Array((rows.length - 1) * metricCols.length);
  for (let r = 1; r < rows.length; r++) {
    for (let k = 0; k < metricCols.length; k++) {
      const m = metricCols[k];
      values[(r - 1) * metricCols.length + k] = cellValue(rows[r][m.index], file.name, lineOf(r), m.column);
    }
  }

  const places = file.fileId === 'countries-aggregated' ? countryRows(rows, col.get('Country')!) : provinceRows(rows, col.get('Country/Region')!, col.get('Province/State')!);

  // Rows go in place by place, as grouped above (a repeat is reported within its place's rows).
  const pivot = new LongPivot({ fileId: file.fileId, file: file.name, metrics: metricCols.map((m) => m.metric) });
  for (const [id, p] of places) {
    for (const r of p.rows) {
      const row = values.subarray((r - 1) * metricCols.length, r * metricCols.length);
      pivot.add({ key: id, place: p.place, label: p.label, day: t.days[r - 1], line: lineOf(r), values: row });
    }
  }
  // A place whose cells of a metric are all blank has no such series in this file
  // (DataHub's join of JHU's three files leaves Canada's provinces without recovered).
  const series = pivot.series(undefined, { skipAllBlank: true });
  return { series, populations: [], issues: [...t.issues, ...pivot.issues()], flags: pivot.flags() };
}

/** countries-aggregated: one place per Country. */
function countryRows(rows: string[][], countryCol: number): Map<string, PlaceRows> {
  const places = new Map<string, PlaceRows>();
  for (let r = 1; r < rows.length; r++) {
    const country = rows[r][countryCol].trim();
    let p = places.get(country);
    if (!p) places.set(country, (p = { place: { kind: 'names', country }, label: JSON.stringify(country), rows: [] }));
    p.rows.push(r);
  }
  return places;
}

/**
 * time-series-combined: the rows of countries that the file reports by province only. A
 * country with a row of its own (empty Province/State, or one naming the country itself as in
 * "France / France") is country-level data, which countries-aggregated supplies summed with
 * its other rows (overseas territories, the Channel Islands), so none of its rows is kept.
 */
function provinceRows(rows: string[][], countryCol: number, provinceCol: number): Map<string, PlaceRows> {
  const ownRow = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const country = rows[r][countryCol].trim();
    const province = rows[r][provinceCol].trim();
    if (province === '' || province.toLowerCase() === country.toLowerCase()) ownRow.add(country);
  }
  const places = new Map<string, PlaceRows>();
  for (let r = 1; r < rows.length; r++) {
    const country = rows[r][countryCol].trim();
    if (ownRow.has(country)) continue;
    const province = rows[r][provinceCol].trim();
    const id = `${province}|${country}`;
    let p = places.get(id);
    if (!p) places.set(id, (p = { place: provincePlace(country, province), label: JSON.stringify(`${province}, ${country}`), rows: [] }));
    p.rows.push(r);
  }
  return places;
}

/**
 * JHU's early US rows (DataHub's 2020-03-20 file) name counties "Kitsap, WA": looked up as
 * that spelling within the state its USPS code names (the alias tables map the spelling).
 */
function provincePlace(country: string, province: string): PlaceRef {
  const county = country === 'US' ? /^.+, ([A-Z]{2})$/.exec(province) : null;
  if (county) return { kind: 'names', country, province: county[1], admin2: province };
  return { kind: 'names', country, province };
}

/** World totals: checked (header, rows, dates), not stored. */
function parseWorldwide(file: SourceInputFile): ParsedSource {
  const t = readTable(file, WORLDWIDE);
  const n = t.rows.length - 1;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const d of t.days) {
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  return {
    series: [],
    populations: [],
    issues: [
      ...t.issues,
      {
        code: 'not_a_place',
        severity: 'info',
        message: `world totals (${n} rows, ${isoFromDay(lo)} to ${isoFromDay(hi)}): the world is not a place in Glacier; not stored`,
        file: file.name,
        count: n,
      },
    ],
  };
}
