import { isoFromDay } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { eachCsvRow, requireRowWidth, rowLineNumbers, stripBom } from '../../lib/csv.js';
import { withRoom } from '../../lib/typed-array.js';
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

/**
 * A file read in one pass, row by row (a file has up to a hundred thousand rows: their strings
 * never all exist at once): per data row its place, day and values, in columns.
 */
interface Table {
  /** Data rows (CSV rows 1..rows). */
  rows: number;
  lineOf: (row: number) => number;
  /** Day of each data row (index r - 1 for CSV row r). */
  days: Int32Array;
  /** Distinct places in order of appearance: the layout's place columns, trimmed. */
  places: string[][];
  /** Place of each data row (index into `places`). */
  placeOf: Int32Array;
  /** Row-major values of the metric columns asked for (index (r - 1) * metrics + k). */
  values: Float64Array;
  issues: ValidationIssue[];
}

/**
 * Header checked by name, every row's field count and value cells, and the date column (order
 * detected over the whole file). `metrics`: the value columns to read (each cell checked).
 */
function readTable(file: SourceInputFile, layout: Layout, metrics: readonly string[]): Table {
  const text = stripBom(file.text);
  const lines = rowLineNumbers(text);
  const lineOf = (r: number) => lines[r] ?? r + 1;
  let width = 0;
  let dateCol = 0;
  let placeCols: number[] = [];
  let metricCols: number[] = [];
  // Date cells by spelling (a few hundred), a pointer per row.
  const spellings = new Map<string, string>();
  const cells: string[] = [];
  const placeIndex = new Map<string, number>();
  const places: string[][] = [];
  let placeOf = new Int32Array(1024);
  let values = new Float64Array(1024 * metrics.length);
  eachCsvRow(text, file.name, (f, r) => {
    if (r === 0) {
      const col = checkHeader(f.map((h) => h.trim()), layout, file.name);
      width = f.length;
      dateCol = col.get('Date')!;
      placeCols = layout.place.map((c) => col.get(c)!);
      metricCols = metrics.map((c) => col.get(c)!);
      return;
    }
    const line = lineOf(r);
    requireRowWidth(f.length, width, file.name, line);
    const i = r - 1;
    if (i === placeOf.length) {
      placeOf = withRoom(placeOf, 2 * i);
      values = withRoom(values, 2 * i * metrics.length);
    }
    const date = f[dateCol];
    cells.push(spellings.get(date) ?? (spellings.set(date, date), date));
    const parts = placeCols.map((c) => f[c].trim());
    const key = parts.join('|');
    let p = placeIndex.get(key);
    if (p === undefined) {
      placeIndex.set(key, (p = places.length));
      places.push(parts);
    }
    placeOf[i] = p;
    for (let k = 0; k < metrics.length; k++) values[i * metrics.length + k] = cellValue(f[metricCols[k]], file.name, line, metrics[k]);
  });
  if (width === 0) throw new SourceFormatError('empty file', file.name, 1);
  if (cells.length === 0) throw new SourceFormatError('no data rows after the header (truncated file?)', file.name, 2);
  const dates = readDateColumn(cells, (i) => places[placeOf[i]].join('|'), file.name, 'Date', lineOf);
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
  return { rows: cells.length, lineOf, days: dates.days, places, placeOf, values, issues };
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

function parseLong(file: SourceInputFile, layout: Layout): ParsedSource {
  // Every value cell is read, so that a broken cell refuses the file even in a row not stored.
  const t = readTable(file, layout, METRICS.map(([column]) => column));
  const width = METRICS.length;
  const kept = file.fileId === 'countries-aggregated' ? countryPlaces(t.places) : provincePlaces(t.places);
  // Rows go in place by place, in order of appearance, each place's rows in file order (a repeat
  // is reported within its place's rows).
  const rowsOf = rowsByPlace(t.placeOf.subarray(0, t.rows), t.places.length);
  const pivot = new LongPivot({ fileId: file.fileId, file: file.name, metrics: METRICS.map(([, metric]) => metric) });
  for (const [p, place] of kept) {
    for (const i of rowsOf(p)) {
      pivot.add({ key: String(p), place: place.place, label: place.label, day: t.days[i], line: t.lineOf(i + 1), values: t.values.subarray(i * width, (i + 1) * width) });
    }
  }
  // A place whose cells of a metric are all blank has no such series in this file
  // (DataHub's join of JHU's three files leaves Canada's provinces without recovered).
  const series = pivot.series(undefined, { skipAllBlank: true });
  return { series, populations: [], issues: [...t.issues, ...pivot.issues()], flags: pivot.flags() };
}

/** The data rows of each place (index into the table's places), in file order. */
function rowsByPlace(placeOf: Int32Array, places: number): (place: number) => Int32Array {
  const start = new Int32Array(places + 1);
  for (const p of placeOf) start[p + 1]++;
  for (let p = 0; p < places; p++) start[p + 1] += start[p];
  const rows = new Int32Array(placeOf.length);
  const next = start.slice(0, places);
  placeOf.forEach((p, i) => {
    rows[next[p]++] = i;
  });
  return (p) => rows.subarray(start[p], start[p + 1]);
}

interface KeptPlace {
  place: PlaceRef;
  label: string;
}

/** countries-aggregated: one place per Country (places are [country]). */
function countryPlaces(places: readonly string[][]): Map<number, KeptPlace> {
  return new Map(places.map(([country], p) => [p, { place: { kind: 'names', country }, label: JSON.stringify(country) }]));
}

/**
 * time-series-combined (places are [country, province]): the rows of countries that the file
 * reports by province only. A country with a row of its own (empty Province/State, or one naming
 * the country itself as in "France / France") is country-level data, which countries-aggregated
 * supplies summed with its other rows (overseas territories, the Channel Islands), so none of its
 * rows is kept.
 */
function provincePlaces(places: readonly string[][]): Map<number, KeptPlace> {
  const ownRow = new Set<string>();
  for (const [country, province] of places) if (province === '' || province.toLowerCase() === country.toLowerCase()) ownRow.add(country);
  const kept = new Map<number, KeptPlace>();
  places.forEach(([country, province], p) => {
    if (!ownRow.has(country)) kept.set(p, { place: provincePlace(country, province), label: JSON.stringify(`${province}, ${country}`) });
  });
  return kept;
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
  const t = readTable(file, WORLDWIDE, []);
  const n = t.rows;
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
