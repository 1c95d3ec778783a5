import { dayNumber, isoFromDay } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { readCsvTable, requireRowWidth } from '../../lib/csv.js';

/** OWID value columns Glacier reads → metrics (manifest notes say what is skipped and why). */
const METRIC_COLUMNS: readonly { column: string; metric: MetricId }[] = [
  { column: 'total_cases', metric: 'confirmed' },
  { column: 'new_cases', metric: 'new_confirmed' },
  { column: 'total_deaths', metric: 'deaths' },
  { column: 'new_deaths', metric: 'new_deaths' },
  { column: 'total_tests', metric: 'tests' },
  { column: 'total_vaccinations', metric: 'vaccine_doses' },
  { column: 'people_vaccinated', metric: 'people_vaccinated' },
  { column: 'people_fully_vaccinated', metric: 'people_fully_vaccinated' },
  { column: 'hosp_patients', metric: 'hospitalized_current' },
  { column: 'icu_patients', metric: 'icu_current' },
];

interface Layout {
  /** Column holding the date of a row's values. */
  date: string;
  /** Columns every copy of this file has had (checked by name, in any order). */
  required: readonly string[];
}

/**
 * `data`: the long file, one row per place and day. Vaccination and hospital columns came in
 * 2020-21, so the 2020-05-24 copy lacks them: they are read when present.
 * `latest`: one row per place, its values dated by last_updated_date.
 */
const LAYOUTS: Record<string, Layout> = {
  data: {
    date: 'date',
    required: ['iso_code', 'location', 'date', 'total_cases', 'new_cases', 'total_deaths', 'new_deaths', 'total_tests', 'tests_units', 'population'],
  },
  latest: {
    date: 'last_updated_date',
    required: ['iso_code', 'location', 'last_updated_date', ...METRIC_COLUMNS.map((c) => c.column), 'tests_units', 'population'],
  },
};

/**
 * OWID rows that are not places: OWID_ codes of world, continents, income groups, the EU and
 * "International" (cases on ships, in 2020 files with a blank iso_code). OWID_KOS (Kosovo) is a
 * place and resolves through the gazetteer alias OWID_KOS → XK; any other OWID_ code is passed
 * on and reported as unmatched if the gazetteer does not know it.
 */
export const OWID_AGGREGATES: Readonly<Record<string, string>> = {
  OWID_WRL: 'World',
  OWID_AFR: 'Africa',
  OWID_ASI: 'Asia',
  OWID_EUR: 'Europe',
  OWID_NAM: 'North America',
  OWID_OCE: 'Oceania',
  OWID_SAM: 'South America',
  OWID_EUN: 'European Union',
  OWID_HIC: 'High income',
  OWID_UMC: 'Upper middle income',
  OWID_LMC: 'Lower middle income',
  OWID_LIC: 'Low income',
  OWID_INT: 'International',
};
const AGGREGATE_NAMES = new Set(Object.values(OWID_AGGREGATES));

interface Row {
  line: number;
  values: number[];
  unit: string;
  raw: string;
}

interface Place {
  place: PlaceRef;
  line: number;
  population?: { line: number; value: number };
  days: Map<number, Row>;
}

/** OWID CSV (long file or latest snapshot) → one daily series per place and metric. */
export function parseOwid(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [], flags: [], notes: [] };
  for (const file of files) parseFile(file, out);
  return out;
}

function parseFile(file: SourceInputFile, out: ParsedSource): void {
  const layout = LAYOUTS[file.fileId];
  if (!layout) throw new SourceFormatError(`no layout for file id ${JSON.stringify(file.fileId)} (expected "data" or "latest")`, file.name);
  const { rows, header, lineOf } = readCsvTable(file.text, file.name);
  const col = columnIndex(header, layout, file.name);
  const metrics = METRIC_COLUMNS.filter((c) => col.has(c.column));
  const places = new Map<string, Place>();
  const aggregates = new Map<string, number>();
  const duplicates: { line: number; first: number; id: string; day: number; place: PlaceRef }[] = [];

  for (let r = 1; r < rows.length; r++) {
    const f = rows[r];
    const line = lineOf(r);
    requireRowWidth(f.length, header.length, file.name, line);
    const cell = (name: string) => f[col.get(name)!].trim();
    const iso = cell('iso_code');
    const location = cell('location');
    if (iso === '' && location === '') throw new SourceFormatError('row without iso_code and location', file.name, line, 'iso_code');
    if (OWID_AGGREGATES[iso] !== undefined || (iso === '' && AGGREGATE_NAMES.has(location))) {
      const label = iso ? `${iso} (${location})` : `${location} (no iso_code)`;
      aggregates.set(label, (aggregates.get(label) ?? 0) + 1);
      continue;
    }
    const day = dayNumber(cell(layout.date));
    if (Number.isNaN(day)) throw new SourceFormatError(`not a date (expected YYYY-MM-DD): ${JSON.stringify(f[col.get(layout.date)!])}`, file.name, line, layout.date);
    const values = metrics.map(({ column }) => parseNumber(cell(column), file.name, line, column));

    // A blank iso_code outside the known aggregates: the place is looked up by its name.
    const id = iso || `name:${location}`;
    let p = places.get(id);
    if (!p) {
      const place: PlaceRef = iso ? { kind: 'code', system: 'iso3', code: iso, label: location } : { kind: 'names', country: location };
      places.set(id, (p = { place, line, days: new Map() }));
    }
    const pop = parseNumber(cell('population'), file.name, line, 'population');
    if (!p.population && !Number.isNaN(pop)) p.population = { line, value: pop };

    const raw = f.join('\u0000');
    const earlier = p.days.get(day);
    if (earlier) {
      if (earlier.raw !== raw) {
        throw new SourceFormatError(`duplicate row for ${id} on ${isoFromDay(day)} (first at line ${earlier.line}) with different values`, file.name, line);
      }
      duplicates.push({ line, first: earlier.line, id, day, place: p.place });
      continue;
    }
    p.days.set(day, { line, values, unit: cell('tests_units'), raw });
  }

  for (const p of places.values()) {
    const days = [...p.days.keys()].sort((a, b) => a - b);
    const start = days[0];
    const length = days[days.length - 1] - start + 1;
    metrics.forEach(({ metric }, m) => {
      const values = new Float64Array(length).fill(Number.NaN);
      for (const [day, row] of p.days) values[day - start] = row.values[m];
      out.series.push({ fileId: file.fileId, line: p.line, place: p.place, metric, start, values });
    });
    // What OWID's total_tests counts differs per country: a note where a unit starts to apply.
    const tests = metrics.findIndex((c) => c.metric === 'tests');
    let unit = '';
    for (const day of days) {
      const row = p.days.get(day)!;
      if (tests < 0 || Number.isNaN(row.values[tests]) || row.unit === '' || row.unit === unit) continue;
      unit = row.unit;
      out.notes!.push({ fileId: file.fileId, line: row.line, place: p.place, metric: 'tests', date: isoFromDay(day), note: `OWID tests_units: ${unit}` });
    }
    if (p.population) out.populations.push({ fileId: file.fileId, line: p.population.line, place: p.place, population: p.population.value });
  }

  for (const d of duplicates) {
    out.issues.push({ code: 'duplicate_row', severity: 'warning', message: `row repeats line ${d.first} (${d.id}, ${isoFromDay(d.day)}) with identical values; ignored`, file: file.name, line: d.line });
    for (const { metric } of metrics) out.flags!.push({ fileId: file.fileId, line: d.line, place: d.place, metric, date: isoFromDay(d.day), code: 'duplicate_row', detail: { first_line: d.first } });
  }
  if (aggregates.size > 0) {
    const total = [...aggregates.values()].reduce((a, b) => a + b, 0);
    out.issues.push({
      code: 'not_a_place',
      severity: 'info',
      message: `${total} rows of ${aggregates.size} OWID aggregates not stored: ${[...aggregates].map(([label, n]) => `${label} ${n}`).join(', ')}`,
      file: file.name,
      count: total,
    });
  }
}

function columnIndex(header: string[], layout: Layout, file: string): Map<string, number> {
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    if (col.has(h)) throw new SourceFormatError(`column ${JSON.stringify(h)} appears twice in the header`, file, 1, h);
    col.set(h, i);
  });
  const missing = layout.required.filter((c) => !col.has(c));
  if (missing.length > 0) {
    throw new SourceFormatError(
      `unexpected header: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => JSON.stringify(m)).join(', ')} (this OWID file needs ${layout.required.join(', ')})`,
      file,
      1,
    );
  }
  return col;
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** A value as published ("177782.0"); blank is NaN (missing, never 0). */
function parseNumber(cell: string, file: string, line: number, column: string): number {
  if (cell === '') return Number.NaN;
  if (!NUMBER.test(cell)) throw new SourceFormatError(`not a number: ${JSON.stringify(cell)}`, file, line, column);
  return Number(cell);
}
