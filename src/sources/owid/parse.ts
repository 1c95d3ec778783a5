import { dayNumber, isoFromDay } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { eachCsvTableRow, requireRowWidth } from '../../lib/csv.js';
import { LongPivot } from '../kit/long-pivot.js';

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

/** What a place keeps besides its series: its population and, per day read, the tests unit. */
interface Place {
  place: PlaceRef;
  population?: { line: number; value: number };
  /** day → tests unit of the row read for it, when it has a tests value. */
  units: Map<number, { line: number; unit: string }>;
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
  const places = new Map<string, Place>();
  const aggregates = new Map<string, number>();
  // Set by the header: the columns, the metrics this file has, the pivot of their values.
  let header: string[] = [];
  let col = new Map<string, number>();
  let metrics: typeof METRIC_COLUMNS = [];
  let pivot!: LongPivot;
  let tests = -1;
  const onHeader = (h: string[]) => {
    header = h;
    col = columnIndex(h, layout, file.name);
    metrics = METRIC_COLUMNS.filter((c) => col.has(c.column));
    pivot = new LongPivot({ fileId: file.fileId, file: file.name, metrics: metrics.map((c) => c.metric) });
    tests = metrics.findIndex((c) => c.metric === 'tests');
  };

  eachCsvTableRow(file.text, file.name, onHeader, (f, line) => {
    requireRowWidth(f.length, header.length, file.name, line);
    const cell = (name: string) => f[col.get(name)!].trim();
    const iso = cell('iso_code');
    const location = cell('location');
    if (iso === '' && location === '') throw new SourceFormatError('row without iso_code and location', file.name, line, 'iso_code');
    if (OWID_AGGREGATES[iso] !== undefined || (iso === '' && AGGREGATE_NAMES.has(location))) {
      const label = iso ? `${iso} (${location})` : `${location} (no iso_code)`;
      aggregates.set(label, (aggregates.get(label) ?? 0) + 1);
      return;
    }
    const day = dayNumber(cell(layout.date));
    if (Number.isNaN(day)) throw new SourceFormatError(`not a date (expected YYYY-MM-DD): ${JSON.stringify(f[col.get(layout.date)!])}`, file.name, line, layout.date);
    const values = metrics.map(({ column }) => parseNumber(cell(column), file.name, line, column));

    // A blank iso_code outside the known aggregates: the place is looked up by its name.
    const id = iso || `name:${location}`;
    let p = places.get(id);
    if (!p) {
      const place: PlaceRef = iso ? { kind: 'code', system: 'iso3', code: iso, label: location } : { kind: 'names', country: location };
      places.set(id, (p = { place, units: new Map() }));
    }
    const pop = parseNumber(cell('population'), file.name, line, 'population');
    if (!p.population && !Number.isNaN(pop)) p.population = { line, value: pop };

    // Every cell counts for a repeat to be identical, also those not stored (tests_units, population).
    if (!pivot.add({ key: id, place: p.place, label: id, day, line, values, signature: f.join('\u0000') })) return;
    if (tests >= 0 && !Number.isNaN(values[tests]) && cell('tests_units') !== '') p.units.set(day, { line, unit: cell('tests_units') });
  });

  out.series.push(...pivot.series());
  for (const p of places.values()) {
    // What OWID's total_tests counts differs per country: a note where a unit starts to apply.
    let unit = '';
    for (const day of [...p.units.keys()].sort((a, b) => a - b)) {
      const row = p.units.get(day)!;
      if (row.unit === unit) continue;
      unit = row.unit;
      out.notes!.push({ fileId: file.fileId, line: row.line, place: p.place, metric: 'tests', date: isoFromDay(day), note: `OWID tests_units: ${unit}` });
    }
    if (p.population) out.populations.push({ fileId: file.fileId, line: p.population.line, place: p.place, population: p.population.value });
  }

  out.issues.push(...pivot.issues());
  out.flags!.push(...pivot.flags());
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
