import { dayFromParts, dayNumber, isoFromDay } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { eachCsvRow, requireRowWidth, rowLineNumbers, stripBom } from '../../lib/csv.js';
import { LongPivot } from '../kit/long-pivot.js';

/**
 * The New York Times covid-19-data files: long CSVs (one row per place and day), pivoted into
 * one dense series per place and metric. Each manifest file id has one fixed layout, checked
 * column by column; NYT never reordered these headers.
 */
type Level = 'national' | 'state' | 'county';
type ValueKind = 'count' | 'average';

interface Layout {
  level: Level;
  columns: readonly string[];
  /** Value columns → metric. Every other column is a place column, the date, or listed in `skipped`. */
  metrics: Readonly<Record<string, { metric: MetricId; kind: ValueKind }>>;
  /** Columns read past on purpose (documented in the manifest notes). */
  skipped?: readonly string[];
}

const count = (metric: MetricId) => ({ metric, kind: 'count' as const });
const average = (metric: MetricId) => ({ metric, kind: 'average' as const });

const CUMULATIVE = { cases: count('confirmed'), deaths: count('deaths') };
const LIVE_SPLIT = {
  confirmed_cases: count('confirmed_lab'),
  confirmed_deaths: count('deaths_lab'),
  probable_cases: count('probable'),
  probable_deaths: count('probable_deaths'),
};
const ROLLING = { cases: count('new_confirmed'), cases_avg: average('new_confirmed_avg7'), deaths: count('new_deaths'), deaths_avg: average('new_deaths_avg7') };
const PER_100K = ['cases_avg_per_100k', 'deaths_avg_per_100k'];
const COUNTY_PLACE = ['date', 'county', 'state', 'fips'];
const STATE_PLACE = ['date', 'state', 'fips'];
const SPLIT_COLUMNS = ['confirmed_cases', 'confirmed_deaths', 'probable_cases', 'probable_deaths'];
const ROLLING_VALUES = ['cases', 'cases_avg', 'cases_avg_per_100k', 'deaths', 'deaths_avg', 'deaths_avg_per_100k'];

export const LAYOUTS: Readonly<Record<string, Layout>> = {
  us: { level: 'national', columns: ['date', 'cases', 'deaths'], metrics: CUMULATIVE },
  'us-states': { level: 'state', columns: [...STATE_PLACE, 'cases', 'deaths'], metrics: CUMULATIVE },
  'us-counties': { level: 'county', columns: [...COUNTY_PLACE, 'cases', 'deaths'], metrics: CUMULATIVE },
  'us-counties-recent': { level: 'county', columns: [...COUNTY_PLACE, 'cases', 'deaths'], metrics: CUMULATIVE },
  'live-us-states': { level: 'state', columns: [...STATE_PLACE, 'cases', 'deaths', ...SPLIT_COLUMNS], metrics: { ...CUMULATIVE, ...LIVE_SPLIT } },
  'live-us-counties': { level: 'county', columns: [...COUNTY_PLACE, 'cases', 'deaths', ...SPLIT_COLUMNS], metrics: { ...CUMULATIVE, ...LIVE_SPLIT } },
  'rolling-us': { level: 'national', columns: ['date', 'geoid', ...ROLLING_VALUES], metrics: ROLLING, skipped: PER_100K },
  'rolling-us-states': { level: 'state', columns: ['date', 'geoid', 'state', ...ROLLING_VALUES], metrics: ROLLING, skipped: PER_100K },
};

/**
 * NYT's geographic exceptions and the county-equivalents JHU's lookup table lacks, mapped
 * explicitly by state and county name (NYT README, "Geographic Exceptions"; manifest notes).
 * `fips`: the codes NYT wrote for the place ('' = blank); any other code stops the file, so a
 * change upstream is looked at rather than guessed.
 */
export const NYT_EXCEPTIONS: readonly { state: string; county: string; key: string; fips: readonly string[] }[] = [
  // The five boroughs together; NYT reports none of New York, Kings, Queens, Bronx, Richmond counties.
  { state: 'New York', county: 'New York City', key: 'US_NY_NYC', fips: [''] },
  // Reported apart from Cass, Clay, Jackson and Platte counties (whose counts exclude it).
  { state: 'Missouri', county: 'Kansas City', key: 'US_MO_KANSAS-CITY', fips: [''] },
  // Reported apart from Jasper and Newton counties from 2020-06-25.
  { state: 'Missouri', county: 'Joplin', key: 'US_MO_JOPLIN', fips: [''] },
  // Combined Alaskan areas: NYT's own codes 02997/02998 (blank in live files); JHU keys the same areas by 02164/02282.
  { state: 'Alaska', county: 'Bristol Bay plus Lake and Peninsula', key: 'US_AK_02164', fips: ['', '02997'] },
  { state: 'Alaska', county: 'Yakutat plus Hoonah-Angoon', key: 'US_AK_02282', fips: ['', '02998'] },
  // Census county-equivalents of the territories that JHU's table does not list.
  { state: 'Virgin Islands', county: 'St. Croix', key: 'US_VI_78010', fips: ['78010'] },
  { state: 'Virgin Islands', county: 'St. John', key: 'US_VI_78020', fips: ['78020'] },
  { state: 'Virgin Islands', county: 'St. Thomas', key: 'US_VI_78030', fips: ['78030'] },
  { state: 'Northern Mariana Islands', county: 'Saipan', key: 'US_MP_69110', fips: ['69110'] },
  { state: 'Northern Mariana Islands', county: 'Tinian', key: 'US_MP_69120', fips: ['69120'] },
];
const EXCEPTION_BY_NAME = new Map(NYT_EXCEPTIONS.map((e) => [`${e.state}|${e.county}`, e]));

/** NYT's name for cases not assigned to a county; Glacier's (and JHU's) is "Unassigned". */
const UNKNOWN_COUNTY = 'Unknown';
const US: PlaceRef = { kind: 'code', system: 'iso2', code: 'US', label: 'United States' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function parseNyt(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [], flags: [] };
  for (const file of files) parseFile(file, out);
  return out;
}

function parseFile(file: SourceInputFile, out: ParsedSource): void {
  const layout = LAYOUTS[file.fileId];
  if (!layout) throw new SourceFormatError(`no NYT layout for file id ${JSON.stringify(file.fileId)} (known: ${Object.keys(LAYOUTS).join(', ')})`, file.name);
  const name = file.name;
  const text = file.text;
  const lines = rowLineNumbers(stripBom(text));
  const lineOf = (r: number) => lines[r] ?? r + 1;
  const col = (c: string) => layout.columns.indexOf(c);
  const metricColumns = Object.keys(layout.metrics);
  const metricIdx = metricColumns.map(col);
  const dateIdx = col('date');
  const at = { state: col('state'), county: col('county'), fips: col('fips'), geoid: col('geoid') };

  // A spreadsheet re-save (Excel) writes M/D/YYYY dates and drops the leading zeros of FIPS
  // codes. The date format is read from the first row and must hold for every row.
  let usDates = false;
  const crlf = text.includes('\r\n');
  const repairs = { dates: 0, datesFirst: 0, fips: 0, fipsFirst: 0, fipsExample: '' };
  let lastDay = Number.NEGATIVE_INFINITY;

  const pivot = new LongPivot({ fileId: file.fileId, file: name, metrics: metricColumns.map((c) => layout.metrics[c].metric) });
  const consistency = new Consistency(name);
  const dayCache = new Map<string, number>();
  const placeCache = new Map<string, { place: PlaceRef; id: string; repaired: string; label: string }>();
  const placeColumns = [at.state, at.county, at.fips, at.geoid].filter((i) => i >= 0);

  /** The place of a row; `repaired` describes a restored FIPS code ('' when none). */
  const readPlace = (f: string[], line: number): { place: PlaceRef; id: string; repaired: string } => {
    const cell = (i: number) => f[i].trim();
    let repaired = '';
    const fixFips = (raw: string, digits: 2 | 5): string => {
      if (raw === '' || raw.length === digits) {
        if (raw !== '' && !/^\d+$/.test(raw)) throw new SourceFormatError(`FIPS code is not a number: ${JSON.stringify(raw)}`, name, line, 'fips');
        return raw;
      }
      // Only a code exactly one digit short, in a file that shows a spreadsheet re-save, lost a leading zero.
      if (/^\d+$/.test(raw) && raw.length === digits - 1 && (usDates || crlf)) {
        repaired = `${raw} → 0${raw}`;
        return `0${raw}`;
      }
      throw new SourceFormatError(`FIPS code ${JSON.stringify(raw)} is not ${digits} digits`, name, line, 'fips');
    };
    if (layout.level === 'national') {
      if (at.geoid >= 0 && cell(at.geoid) !== 'USA') throw new SourceFormatError(`geoid ${JSON.stringify(cell(at.geoid))} is not the nation ("USA")`, name, line, 'geoid');
      return { place: US, id: 'US', repaired };
    }
    const state = cell(at.state);
    if (layout.level === 'state') {
      let fips: string;
      if (at.geoid >= 0) {
        const m = /^USA-(\d{2})$/.exec(cell(at.geoid));
        if (!m) throw new SourceFormatError(`geoid ${JSON.stringify(cell(at.geoid))} is not a state's ("USA-" and a two-digit FIPS code)`, name, line, 'geoid');
        fips = m[1];
      } else {
        fips = fixFips(cell(at.fips), 2);
        if (fips === '') throw new SourceFormatError(`blank FIPS code for ${JSON.stringify(state)}`, name, line, 'fips');
      }
      consistency.state(state, fips, line);
      return { place: { kind: 'code', system: 'fips', code: fips, label: state }, id: `fips:${fips}`, repaired };
    }
    const county = cell(at.county);
    const fips = fixFips(cell(at.fips), 5);
    const exception = EXCEPTION_BY_NAME.get(`${state}|${county}`);
    if (exception) {
      if (!exception.fips.includes(fips)) {
        throw new SourceFormatError(
          `${county}, ${state} has FIPS ${JSON.stringify(fips)}, not the code NYT used for this geographic exception (${exception.fips.map((x) => JSON.stringify(x)).join(' or ')}); review NYT_EXCEPTIONS in src/sources/nyt/parse.ts`,
          name, line, 'fips',
        );
      }
      return { place: { kind: 'code', system: 'key', code: exception.key, label: `${county}, ${state}` }, id: `key:${exception.key}`, repaired };
    }
    if (county === UNKNOWN_COUNTY) {
      if (fips !== '') throw new SourceFormatError(`an "Unknown" county with a FIPS code (${fips})`, name, line, 'fips');
      return { place: { kind: 'names', country: 'US', province: state, admin2: 'Unassigned' }, id: `unassigned:${state}`, repaired };
    }
    if (fips !== '') {
      consistency.county(state, county, fips, line);
      return { place: { kind: 'code', system: 'fips', code: fips, label: `${county}, ${state}` }, id: `fips:${fips}`, repaired };
    }
    return { place: { kind: 'names', country: 'US', province: state, admin2: county }, id: `names:${state}|${county}`, repaired };
  };

  let sawHeader = false;
  let dataRows = 0;
  // Row by row: the rows of strings of a county file (a million rows) never exist at once.
  eachCsvRow(text, name, (f, r) => {
    if (r === 0) {
      sawHeader = true;
      return checkHeader(f, layout, name);
    }
    if (r === 1) usDates = US_DATE.test(f[dateIdx]?.trim() ?? '');
    dataRows++;
    const line = lineOf(r);
    requireRowWidth(f.length, layout.columns.length, name, line);
    // Date (a file has few distinct dates: each is read once).
    const rawDate = f[dateIdx].trim();
    let day = dayCache.get(rawDate);
    if (day === undefined) {
      if (usDates) {
        const m = US_DATE.exec(rawDate);
        day = m ? dayFromParts(Number(m[3]), Number(m[1]), Number(m[2])) : Number.NaN;
        if (Number.isNaN(day)) throw new SourceFormatError(`not a M/D/YYYY date like the first row's: ${JSON.stringify(rawDate)}`, name, line, 'date');
      } else {
        day = ISO_DATE.test(rawDate) ? dayNumber(rawDate) : Number.NaN;
        if (Number.isNaN(day)) throw new SourceFormatError(`not a YYYY-MM-DD date: ${JSON.stringify(rawDate)}`, name, line, 'date');
      }
      dayCache.set(rawDate, day);
    }
    if (usDates) {
      // NYT files run by date; a re-saved file that does not may have day and month swapped.
      if (day < lastDay) throw new SourceFormatError(`M/D/YYYY dates out of order (${JSON.stringify(rawDate)} after ${isoFromDay(lastDay)}): cannot tell month from day, file refused`, name, line, 'date');
      lastDay = day;
      if (repairs.dates++ === 0) repairs.datesFirst = line;
    }

    // Place (each distinct spelling is checked once).
    const placeKey = placeColumns.map((i) => f[i]).join('\u0001');
    let resolved = placeCache.get(placeKey);
    if (!resolved) {
      const r = readPlace(f, line);
      placeCache.set(placeKey, (resolved = { ...r, label: describe(r.place) }));
    }
    if (resolved.repaired && repairs.fips++ === 0) {
      repairs.fipsFirst = line;
      repairs.fipsExample = resolved.repaired;
    }
    const { place, id, label } = resolved;

    // Values.
    const values = metricColumns.map((c, k) => {
      const raw = f[metricIdx[k]].trim();
      if (raw === '') return Number.NaN;
      const ok = layout.metrics[c].kind === 'count' ? INTEGER.test(raw) : DECIMAL.test(raw);
      if (!ok) throw new SourceFormatError(`not a ${layout.metrics[c].kind === 'count' ? 'whole number' : 'number'}: ${JSON.stringify(f[metricIdx[k]])}`, name, line, c);
      return Number(raw);
    });

    pivot.add({ key: id, place, label, day, line, values });
  });
  if (!sawHeader) throw new SourceFormatError('empty file', name, 1);
  if (dataRows === 0) throw new SourceFormatError('no data rows after the header', name, 2);

  out.issues.push(...pivot.issues());
  if (repairs.dates > 0) {
    out.issues.push({
      code: 'repaired', severity: 'warning', file: name, line: repairs.datesFirst, column: 'date', count: repairs.dates,
      message: `spreadsheet re-save detected: ${repairs.dates} dates written M/D/YYYY (NYT writes YYYY-MM-DD) were read as month/day/year, in ascending order as NYT sorts its files${crlf ? '; CRLF line ends' : ''}`,
    });
  }
  if (repairs.fips > 0) {
    out.issues.push({
      code: 'repaired', severity: 'warning', file: name, line: repairs.fipsFirst, column: 'fips', count: repairs.fips,
      message: `spreadsheet re-save detected: ${repairs.fips} FIPS codes had lost their leading zero and were restored (e.g. ${repairs.fipsExample}); each state keeps one code throughout the file`,
    });
  }

  out.series.push(...pivot.series());
  out.flags!.push(...pivot.flags());
}

function checkHeader(found: string[], layout: Layout, file: string): void {
  const header = found.map((h) => h.trim());
  for (let i = 0; i < Math.max(header.length, layout.columns.length); i++) {
    if (header[i] === layout.columns[i]) continue;
    const got = header[i] === undefined ? 'nothing' : JSON.stringify(header[i]);
    const want = layout.columns[i] === undefined ? 'the end of the header' : JSON.stringify(layout.columns[i]);
    throw new SourceFormatError(`unexpected header: found ${got} where ${want} was expected (columns: ${layout.columns.join(',')})`, file, 1, header[i]);
  }
}

/**
 * Codes must name one place throughout a file: a state keeps one FIPS code and a code one
 * state; a county keeps one code, a code one county, and every county code of a state starts
 * with the same two digits. This guards restored leading zeros (and typos) against mis-keying.
 */
class Consistency {
  private readonly byName = new Map<string, { code: string; line: number }>();
  private readonly byCode = new Map<string, { name: string; line: number }>();
  private readonly prefix = new Map<string, { prefix: string; line: number; code: string }>();

  constructor(private readonly file: string) {}

  state(state: string, fips: string, line: number): void {
    this.pair(state, fips, line, 'state');
  }

  county(state: string, county: string, fips: string, line: number): void {
    this.pair(`${county}, ${state}`, fips, line, 'county');
    const seen = this.prefix.get(state);
    if (!seen) this.prefix.set(state, { prefix: fips.slice(0, 2), line, code: fips });
    else if (seen.prefix !== fips.slice(0, 2)) {
      throw new SourceFormatError(`county FIPS ${fips} of ${state} does not start like ${seen.code} (line ${seen.line}), another county of ${state}`, this.file, line, 'fips');
    }
  }

  private pair(name: string, code: string, line: number, what: string): void {
    const a = this.byName.get(name);
    if (!a) this.byName.set(name, { code, line });
    else if (a.code !== code) throw new SourceFormatError(`${what} ${name} has FIPS ${code} here but ${a.code} at line ${a.line}`, this.file, line, 'fips');
    const b = this.byCode.get(code);
    if (!b) this.byCode.set(code, { name, line });
    else if (b.name !== name) throw new SourceFormatError(`FIPS ${code} names ${name} here but ${b.name} at line ${b.line}`, this.file, line, 'fips');
  }
}

function describe(place: PlaceRef): string {
  return place.kind === 'names' ? [place.admin2, place.province].filter(Boolean).join(', ') : place.label;
}
