import { iso31661 } from 'iso-3166';
import { dayFromParts, dayNumber, isoFromDay } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { parseCsvRows, requireRowWidth, rowLineNumbers, stripBom } from '../../lib/csv.js';
import { LongPivot } from '../kit/long-pivot.js';
import { looksLikeXlsx, readFirstSheet, type XlsxCell } from './xlsx.js';

/**
 * ECDC's daily "geographic distribution of COVID-19 cases worldwide": a long table, one row per
 * country and day with the new cases and deaths reported that day. The same columns come as CSV
 * (three schemas in 2020) and as XLSX (the final file of 2020-12-14); both are read into rows of
 * cells and parsed by `parseTable`. Columns are found by name, never by position.
 */

type Cell = XlsxCell;

/** Required columns and the header spellings ECDC used for them (2020-03-25 file: capitalised). */
const REQUIRED = {
  date: ['dateRep', 'DateRep'],
  day: ['day', 'Day'],
  month: ['month', 'Month'],
  year: ['year', 'Year'],
  cases: ['cases', 'Cases'],
  deaths: ['deaths', 'Deaths'],
  name: ['countriesAndTerritories', 'Countries and territories'],
  geoId: ['geoId', 'GeoId'],
} as const;
type Role = keyof typeof REQUIRED;
const ISO3_COLUMN = 'countryterritoryCode';
/** Pop_Data.2018 (2020-03-25), popData2018 (March-April 2020), popData2019 (final file), popData2020. */
const POPULATION_COLUMN = /^(?:popData|Pop_Data\.)\d{4}$/;
/**
 * Columns that are read by nobody: the continent, ECDC's 14-day notification rate (derived by
 * ECDC from cases and population) and `worldPopulation`, a constant a third party put in
 * column L of the XLSX copy in the mirror in place of that rate.
 */
const IGNORED = new Set(['continent', 'continentExp', 'Cumulative_number_for_14_days_of_COVID-19_cases_per_100000', 'worldPopulation']);
/** Columns of ECDC's weekly file, which replaced the daily one at the same URL on 2020-12-14. */
const WEEKLY_COLUMNS = ['year_week', 'cases_weekly', 'deaths_weekly'];

/** ECDC geoIds that are not the ISO 3166-1 alpha-2 code: the EU's codes for the UK and Greece. */
const GEOID_TO_ISO2: Record<string, string> = { UK: 'GB', EL: 'GR' };
/** ECDC's row for the Diamond Princess ("Cases_on_an_international_conveyance_Japan"). */
const CONVEYANCE_GEOID = 'JPG11668';
const CONVEYANCE_KEY = 'SHIP-DIAMOND-PRINCESS';
/** countryterritoryCode values ECDC uses besides the ISO alpha-3 code of the geoId. */
const KNOWN_ISO3: Record<string, string> = { XK: 'XKX', TW: 'CNG1925', [CONVEYANCE_GEOID]: 'N/A' };
const ALPHA3 = new Map(iso31661.map((c) => [c.alpha2, c.alpha3]));

/** Dates outside this range are typos, not data (the dataset runs 2019-12-31 .. 2020-12-14). */
const FIRST_DAY = dayNumber('2019-12-01');
const LAST_DAY = dayNumber('2022-12-31');
/** Excel's serial day number of 1970-01-01 (1900 date system). */
const EXCEL_EPOCH = 25569;

const METRICS: readonly (readonly [MetricId, 'cases' | 'deaths'])[] = [
  ['new_confirmed', 'cases'],
  ['new_deaths', 'deaths'],
];

export interface Table {
  fileId: string;
  /** File name for messages. */
  file: string;
  /** Header first. CSV cells are strings; XLSX cells are strings, numbers, dates or null. */
  rows: Cell[][];
  /** 1-based line (CSV) or sheet row (XLSX) of row index r. */
  line(r: number): number;
  /** CSV rows must have exactly as many fields as the header. */
  strictWidth: boolean;
}

interface Place {
  geoId: string;
  name: string;
  iso3: string;
  line: number;
  ref: PlaceRef;
  population?: { value: number; line: number };
}

/** A CSV file of the daily dataset (any of ECDC's three 2020 schemas). */
export function parseEcdcCsv(text: string, file: string, fileId = 'csv'): ParsedSource {
  const body = stripBom(text);
  const rows = parseCsvRows(body, file);
  const lines = rowLineNumbers(body);
  return parseTable({ fileId, file, rows, line: (r) => lines[r] ?? r + 1, strictWidth: true });
}

/** The XLSX workbook of the daily dataset (the final file of 2020-12-14), from its bytes. */
export async function parseEcdcXlsx(bytes: Buffer, file: string, fileId = 'xlsx'): Promise<ParsedSource> {
  const rows = await readFirstSheet(bytes, file);
  return parseTable({ fileId, file, rows, line: (r) => r + 1, strictWidth: false });
}

/**
 * The connector's parse, synchronous as `Connector.parse` is today: CSV files are read; an XLSX
 * workbook cannot be (read-excel-file only reads asynchronously), so it is reported as skipped.
 * `parseEcdcAsync` reads both and replaces this once `Connector.parse` may return a promise.
 */
export function parseEcdc(files: SourceInputFile[]): ParsedSource {
  const parts = files.map((f): ParsedSource => {
    if (looksLikeXlsx(f.bytes, f.text)) {
      const message =
        'XLSX workbook not read: the XLSX reader (read-excel-file) is asynchronous and Connector.parse is synchronous; parseEcdcXlsx reads this file once the runner awaits parse';
      return { series: [], populations: [], issues: [{ code: 'file_skipped', severity: 'warning', message, file: f.name }] };
    }
    return parseEcdcCsv(f.text, f.name, f.fileId);
  });
  return merge(parts);
}

/** CSV and XLSX files alike (needs the file's bytes for XLSX). */
export async function parseEcdcAsync(files: SourceInputFile[]): Promise<ParsedSource> {
  const parts = await Promise.all(
    files.map((f) => (looksLikeXlsx(f.bytes, f.text) ? parseEcdcXlsx(requireBytes(f), f.name, f.fileId) : Promise.resolve(parseEcdcCsv(f.text, f.name, f.fileId)))),
  );
  return merge(parts);
}

function requireBytes(f: SourceInputFile): Buffer {
  if (!f.bytes) throw new SourceFormatError('an XLSX workbook needs the file’s bytes, not its decoded text', f.name);
  return f.bytes;
}

function merge(parts: ParsedSource[]): ParsedSource {
  if (parts.length === 1) return parts[0];
  return {
    series: parts.flatMap((p) => p.series),
    populations: parts.flatMap((p) => p.populations),
    issues: parts.flatMap((p) => p.issues),
    flags: parts.flatMap((p) => p.flags ?? []),
  };
}

/** Rows of the daily dataset → one series per place and metric, dense from its first to its last day. */
export function parseTable(t: Table): ParsedSource {
  const { file } = t;
  if (t.rows.length === 0) throw new SourceFormatError('empty file', file);
  const header = t.rows[0].map((h) => text(h));
  if (WEEKLY_COLUMNS.some((c) => header.includes(c))) {
    const message = `ECDC's weekly file (columns ${WEEKLY_COLUMNS.filter((c) => header.includes(c)).join(', ')}), published at the daily file's URL since 2020-12-14: not read by this connector, whose daily dataset ends with the 2020-12-14 file`;
    return { series: [], populations: [], issues: [{ code: 'file_skipped', severity: 'warning', message, file }] };
  }
  const col = columnsOf(header, t.line(0), file);
  if (t.rows.length === 1) throw new SourceFormatError('no data rows after the header (truncated file?)', file, t.line(0));

  const issues: ValidationIssue[] = [];
  const pivot = new LongPivot({ fileId: t.fileId, file, metrics: METRICS.map(([metric]) => metric), conflictColumns: METRICS.map(([, field]) => field) });
  const places = new Map<string, Place>();
  const alpha3AsGeoId: string[] = [];
  const codeMismatches: string[] = [];
  const populationConflicts: string[] = [];

  for (let r = 1; r < t.rows.length; r++) {
    const row = t.rows[r];
    const line = t.line(r);
    if (t.strictWidth) requireRowWidth(row.length, header.length, file, line);
    if (row.every((c) => text(c) === '')) throw new SourceFormatError('empty row', file, line);
    for (let j = header.length; j < row.length; j++) {
      if (text(row[j]) !== '') throw new SourceFormatError(`a value beyond the last column (${JSON.stringify(text(row[j]))})`, file, line);
    }
    const cell = (j: number): Cell => (j < row.length ? row[j] : null);
    const at = (role: Role) => ({ value: cell(col[role]), column: header[col[role]] });

    const day = readDate(at('date'), file, line);
    const parts = (['day', 'month', 'year'] as const).map((role) => readWhole(at(role), file, line, false));
    const [d, m, y] = [...isoFromDay(day).split('-')].reverse().map(Number);
    if (parts[0] !== d || parts[1] !== m || parts[2] !== y) {
      throw new SourceFormatError(
        `${header[col.date]} ${JSON.stringify(text(at('date').value) || isoFromDay(day))} (${isoFromDay(day)}) disagrees with day/month/year ${parts.join('/')}; the row's date is uncertain`,
        file,
        line,
        header[col.day],
      );
    }
    const cases = readWhole(at('cases'), file, line, true);
    const deaths = readWhole(at('deaths'), file, line, true);
    const geoId = text(at('geoId').value);
    if (geoId === '') throw new SourceFormatError('empty geoId: the row names no place', file, line, header[col.geoId]);
    const name = text(at('name').value);
    const iso3 = col.iso3 === undefined ? '' : text(cell(col.iso3));

    let place = places.get(geoId);
    if (!place) {
      const ref = placeRef(geoId, name);
      if (ref.system === 'iso3') alpha3AsGeoId.push(`${JSON.stringify(geoId)} (${name}, line ${line})`);
      if (iso3 !== '' && ref.system === 'iso2' && iso3 !== ALPHA3.get(ref.code) && iso3 !== KNOWN_ISO3[geoId] && ALPHA3.has(ref.code)) {
        codeMismatches.push(`${geoId} ${JSON.stringify(iso3)} (${name}; ISO alpha-3 of ${ref.code} is ${ALPHA3.get(ref.code)}; line ${line})`);
      }
      place = { geoId, name, iso3, line, ref };
      places.set(geoId, place);
    } else if (place.iso3 !== iso3) {
      throw new SourceFormatError(
        `geoId ${geoId} has ${ISO3_COLUMN} ${JSON.stringify(iso3)} here but ${JSON.stringify(place.iso3)} at line ${place.line}: the rows cannot be put on one place`,
        file,
        line,
        ISO3_COLUMN,
      );
    }

    if (col.population !== undefined && geoId !== CONVEYANCE_GEOID) {
      const pop = readWhole({ value: cell(col.population), column: header[col.population] }, file, line, true);
      if (!Number.isNaN(pop)) {
        if (pop < 0) throw new SourceFormatError(`negative population: ${pop}`, file, line, header[col.population]);
        if (!place.population) place.population = { value: pop, line };
        else if (place.population.value !== pop) populationConflicts.push(`${geoId} ${place.population.value} (line ${place.population.line}) and ${pop} (line ${line})`);
      }
    }

    pivot.add({ key: geoId, place: place.ref, label: geoId, day, line, values: [cases, deaths], location: geoId });
  }
  issues.push(...pivot.issues());

  if (alpha3AsGeoId.length > 0) {
    issues.push({ code: 'repaired', severity: 'warning', message: `geoId is an ISO alpha-3 code, not alpha-2, for ${alpha3AsGeoId.join(', ')}; read as alpha-3`, file, column: header[col.geoId], count: alpha3AsGeoId.length });
  }
  if (codeMismatches.length > 0) {
    issues.push({
      code: 'repaired',
      severity: 'warning',
      message: `${ISO3_COLUMN} disagrees with geoId for ${codeMismatches.join('; ')}; the place is taken from geoId`,
      file,
      column: ISO3_COLUMN,
      count: codeMismatches.length,
    });
  }
  if (populationConflicts.length > 0) {
    issues.push({ code: 'population_mismatch', severity: 'warning', message: `rows of one place give different populations: ${populationConflicts.join('; ')}; the first is used`, file, count: populationConflicts.length });
  }

  const out: ParsedSource = { series: pivot.series(), populations: [], issues, flags: pivot.flags() };
  for (const p of places.values()) {
    if (p.population && p.population.value > 0) out.populations.push({ fileId: t.fileId, line: p.population.line, place: p.ref, population: p.population.value });
  }
  return out;
}

type Columns = Record<Role, number> & { iso3?: number; population?: number };

function columnsOf(header: string[], line: number, file: string): Columns {
  const found: Partial<Columns> = {};
  const seen = new Set<string>();
  header.forEach((h, j) => {
    if (seen.has(h)) throw new SourceFormatError(`column ${JSON.stringify(h)} appears twice`, file, line, h);
    seen.add(h);
    const role = (Object.keys(REQUIRED) as Role[]).find((k) => (REQUIRED[k] as readonly string[]).includes(h));
    if (role) {
      if (found[role] !== undefined) throw new SourceFormatError(`columns ${JSON.stringify(header[found[role]])} and ${JSON.stringify(h)} both give ${role}`, file, line, h);
      found[role] = j;
    } else if (h === ISO3_COLUMN) found.iso3 = j;
    else if (POPULATION_COLUMN.test(h)) {
      if (found.population !== undefined) throw new SourceFormatError(`two population columns: ${JSON.stringify(header[found.population])} and ${JSON.stringify(h)}`, file, line, h);
      found.population = j;
    } else if (!IGNORED.has(h)) {
      throw new SourceFormatError(`unexpected column ${JSON.stringify(h)} (known: ${knownColumns()})`, file, line, h);
    }
  });
  const missing = (Object.keys(REQUIRED) as Role[]).filter((k) => found[k] === undefined);
  if (missing.length > 0) {
    const names = missing.map((k) => REQUIRED[k].map((n) => JSON.stringify(n)).join(' or ')).join(', ');
    throw new SourceFormatError(`missing column ${names} (header: ${header.join(',')})`, file, line);
  }
  return found as Columns;
}

function knownColumns(): string {
  return [...Object.values(REQUIRED).map((names) => names.join('/')), ISO3_COLUMN, 'popDataYYYY/Pop_Data.YYYY', ...IGNORED].join(', ');
}

function placeRef(geoId: string, name: string): Extract<PlaceRef, { kind: 'code' }> {
  const label = `${name} (geoId ${geoId})`;
  if (geoId === CONVEYANCE_GEOID) return { kind: 'code', system: 'key', code: CONVEYANCE_KEY, label };
  const iso2 = GEOID_TO_ISO2[geoId] ?? geoId;
  // The 2020-03-25 file gives French Polynesia "PYF", its alpha-3 code.
  if (/^[A-Z]{3}$/.test(geoId)) return { kind: 'code', system: 'iso3', code: geoId, label };
  // Anything else (alpha-2 or not) is looked up as a code; what matches nothing is reported unmatched.
  return { kind: 'code', system: 'iso2', code: iso2, label };
}

function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString();
  return String(c).trim();
}

/** dateRep: "dd/mm/yyyy" text (CSV), or a date cell or Excel serial number (XLSX). */
function readDate(c: { value: Cell; column: string }, file: string, line: number): number {
  const v = c.value;
  let day = Number.NaN;
  if (v instanceof Date) {
    if (v.getUTCHours() !== 0 || v.getUTCMinutes() !== 0 || v.getUTCSeconds() !== 0) {
      throw new SourceFormatError(`date has a time of day (${v.toISOString()})`, file, line, c.column);
    }
    day = dayFromParts(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  } else if (typeof v === 'number') {
    if (Number.isInteger(v)) day = v - EXCEL_EPOCH;
  } else if (typeof v === 'string') {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.trim());
    if (m) day = dayFromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  if (Number.isNaN(day)) throw new SourceFormatError(`not a date: ${JSON.stringify(text(v))} (expected dd/mm/yyyy)`, file, line, c.column);
  if (day < FIRST_DAY || day > LAST_DAY) throw new SourceFormatError(`date ${isoFromDay(day)} is outside ${isoFromDay(FIRST_DAY)}..${isoFromDay(LAST_DAY)}`, file, line, c.column);
  return day;
}

/** A whole number (counts may be negative: ECDC's corrections). An empty cell is NaN when allowed. */
function readWhole(c: { value: Cell; column: string }, file: string, line: number, emptyAllowed: boolean): number {
  const v = c.value;
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v;
    throw new SourceFormatError(`not a whole number: ${v}`, file, line, c.column);
  }
  const s = text(v);
  if (s === '') {
    if (emptyAllowed) return Number.NaN;
    throw new SourceFormatError('empty cell', file, line, c.column);
  }
  if (typeof v === 'string' && /^-?\d+$/.test(s)) return Number(s);
  throw new SourceFormatError(`not a number: ${JSON.stringify(typeof v === 'string' ? v : s)}`, file, line, c.column);
}
