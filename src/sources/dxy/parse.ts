import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { readCsvTable, requireColumns, stripBom } from '../../lib/csv.js';
import { sameValues } from '../kit/duplicate-rows.js';
import { beijingDay, DailySnapshots, parseBeijingTime, readCount } from './daily.js';
import { CHINA, cityGroup, cityGroupKey, cityPlace, provincePlace } from './places.js';

/** DXY (丁香园) snapshots as BlankerL/DXY-COVID-19-Data publishes them → one value per place and Beijing day. */
export function parseDxy(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [] };
  for (const file of files) {
    const parsed = PARSERS[file.fileId]?.(file);
    if (!parsed) throw new SourceFormatError(`unknown file id ${JSON.stringify(file.fileId)}`, file.name);
    out.series.push(...parsed.series);
    out.issues.push(...parsed.issues);
  }
  return out;
}

const PARSERS: Record<string, (file: SourceInputFile) => ParsedSource> = {
  area: parseAreaCsv,
  'area-latest': parseAreaJson,
  overall: parseOverallCsv,
  'overall-latest': parseOverallJson,
};

const NATIONAL: PlaceRef = { kind: 'names', country: CHINA };

// ---------------------------------------------------------------------------------------------
// CSV helpers

interface Table {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

function readTable(file: SourceInputFile, required: readonly string[]): Table & { col: (name: string) => number } {
  const { rows, header, lineOf } = readCsvTable(file.text, file.name);
  requireColumns(header, required, file.name);
  const out: Table['rows'] = [];
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].length !== header.length) throw new SourceFormatError(`expected ${header.length} fields, found ${rows[i].length}`, file.name, lineOf(i));
    out.push({ line: lineOf(i), cells: rows[i] });
  }
  return { header, rows: out, col: (name) => header.indexOf(name) };
}

function readTime(text: string, file: string, line: number, column: string): { day: number; ms: number } {
  const t = parseBeijingTime(text);
  if (!t) throw new SourceFormatError(`not a time: ${JSON.stringify(text)} (expected YYYY-MM-DD HH:MM:SS, Beijing time)`, file, line, column);
  return t;
}

// ---------------------------------------------------------------------------------------------
// DXYArea.csv: one row per city of each province snapshot, the province's totals repeated.

const AREA_COLUMNS = [
  'provinceName', 'cityName', 'province_confirmedCount', 'province_deadCount', 'province_curedCount',
  'city_confirmedCount', 'city_deadCount', 'city_curedCount', 'updateTime',
] as const;

interface CityRow {
  line: number;
  label: string;
  values: number[];
}

interface Snapshot {
  province: string;
  time: string;
  day: number;
  ms: number;
  line: number;
  values: number[];
  cities: CityRow[];
}

export function parseAreaCsv(file: SourceInputFile): ParsedSource {
  const t = readTable(file, AREA_COLUMNS);
  const c = Object.fromEntries(AREA_COLUMNS.map((n) => [n, t.col(n)])) as Record<(typeof AREA_COLUMNS)[number], number>;
  const count = (cells: string[], line: number, name: (typeof AREA_COLUMNS)[number]) => readCount(cells[c[name]], file.name, line, name);

  const snapshots = new Map<string, Snapshot>();
  for (const { line, cells } of t.rows) {
    const province = cells[c.provinceName].trim();
    if (province === '') throw new SourceFormatError('empty province name', file.name, line, 'provinceName');
    const time = cells[c.updateTime].trim();
    const { day, ms } = readTime(time, file.name, line, 'updateTime');
    const values = [count(cells, line, 'province_confirmedCount'), count(cells, line, 'province_deadCount'), count(cells, line, 'province_curedCount')];
    const id = `${province}\u0000${time}`;
    let s = snapshots.get(id);
    if (!s) snapshots.set(id, (s = { province, time, day, ms, line, values, cities: [] }));
    else if (!sameValues(s.values, values)) {
      throw new SourceFormatError(`the province totals of ${province} at ${time} differ from line ${s.line}'s (one snapshot, two sets of totals)`, file.name, line, 'province_confirmedCount');
    }
    s.cities.push({ line, label: cells[c.cityName].trim(), values: [count(cells, line, 'city_confirmedCount'), count(cells, line, 'city_deadCount'), count(cells, line, 'city_curedCount')] });
  }

  // The last snapshot of each province and Beijing day.
  const last = new Map<string, Snapshot>();
  for (const s of snapshots.values()) {
    const k = `${s.province}\u0000${s.day}`;
    const prev = last.get(k);
    if (!prev || s.ms > prev.ms) last.set(k, s);
  }
  const chosen = new Set(last.values());

  const issues: ValidationIssue[] = [];
  const provinces = new DailySnapshots(file.name, file.fileId);
  const cities = new DailySnapshots(file.name, file.fileId);
  const skipped = new Map<string, number>();
  let unusedWithRepeats = 0;
  for (const s of snapshots.values()) {
    if (!chosen.has(s)) {
      if (repeatedLabels(s).length > 0) unusedWithRepeats++;
      continue;
    }
    provinces.put(s.province, provincePlace(s.province), s.day, s.ms, s.values, s.line);
    for (const row of dedupeCities(s, file.name, issues)) addCity(cities, skipped, s.province, s.day, s.ms, row, file.name);
  }
  if (unusedWithRepeats > 0) {
    issues.push({
      code: 'duplicate_row', severity: 'info', file: file.name, count: unusedWithRepeats,
      message: `${unusedWithRepeats} snapshots that are not the last of their day list some cities twice (the previous snapshot's values merged in); they are not read`,
    });
  }
  pushSkipped(issues, skipped, file.name);
  return { series: [...provinces.series(), ...cities.series()], populations: [], issues };
}

function repeatedLabels(s: Snapshot): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const r of s.cities) (seen.has(r.label) ? twice : seen).add(r.label);
  return [...twice];
}

/**
 * A snapshot that lists a city twice. Identical copies: one is kept. Different copies: seen on
 * 2020-02-11 (Hubei, Chongqing, Jilin), where DXY merged the previous snapshot's city list into
 * the new one; the first copies are the new values when they add up to the province total, and
 * are kept (a `repaired` warning). Otherwise the file cannot be read.
 */
function dedupeCities(s: Snapshot, file: string, issues: ValidationIssue[]): CityRow[] {
  const twice = repeatedLabels(s);
  if (twice.length === 0) return s.cities;
  const first = new Map<string, CityRow>();
  for (const r of s.cities) if (!first.has(r.label)) first.set(r.label, r);
  const conflicting = twice.filter((label) => s.cities.some((r) => r.label === label && !sameValues(r.values, first.get(label)!.values)));
  const lines = `lines ${s.cities[0].line}–${s.cities[s.cities.length - 1].line}`;
  if (conflicting.length === 0) {
    issues.push({ code: 'duplicate_row', severity: 'warning', file, line: s.line, count: twice.length, message: `the snapshot of ${s.province} at ${s.time} (${lines}) lists ${twice.length} cities twice with identical values; one copy read` });
    return [...first.values()];
  }
  const sum = [...first.values()].reduce((a, r) => a + r.values[0], 0);
  if (sum !== s.values[0]) {
    throw new SourceFormatError(`the snapshot of ${s.province} at ${s.time} lists ${conflicting.map((l) => JSON.stringify(l)).join(', ')} twice with different values, and neither set adds up to the province total`, file, s.line);
  }
  issues.push({
    code: 'repaired', severity: 'warning', file, line: s.line, count: conflicting.length,
    message: `the snapshot of ${s.province} at ${s.time} (${lines}) lists its cities twice, the previous snapshot's values merged in; the first copies, which add up to the province total ${s.values[0]}, are read`,
  });
  return [...first.values()];
}

function addCity(cities: DailySnapshots, skipped: Map<string, number>, province: string, day: number, ms: number, row: CityRow, file: string): void {
  const skip = (why: string) => void skipped.set(why, (skipped.get(why) ?? 0) + 1);
  if (cityGroup(row.label).kind === 'imported') return skip(`${row.label} (cases imported from abroad: a category, not a place)`);
  if (row.label === province || row.label === '') return skip(`${JSON.stringify(row.label)} under ${province} (the province itself)`);
  try {
    cities.put(`${province}\u0000${cityGroupKey(row.label)}`, cityPlace(province, row.label), day, ms, row.values, row.line);
  } catch (e) {
    if (e instanceof SourceFormatError) throw new SourceFormatError(`two rows of one ${province} snapshot name the same place (${JSON.stringify(row.label)} and a spelling of it)`, file, row.line, 'cityName');
    throw e;
  }
}

function pushSkipped(issues: ValidationIssue[], skipped: Map<string, number>, file: string): void {
  if (skipped.size === 0) return;
  const total = [...skipped.values()].reduce((a, b) => a + b, 0);
  issues.push({
    code: 'not_a_place', severity: 'info', file, count: total,
    message: `city rows that are not places below their province, not stored: ${[...skipped].map(([what, n]) => `${what}: ${n}`).join('; ')}`,
  });
}

// ---------------------------------------------------------------------------------------------
// DXYOverall.csv: national snapshots.

const OVERALL_COLUMNS = ['confirmedCount', 'deadCount', 'curedCount', 'updateTime'] as const;

export function parseOverallCsv(file: SourceInputFile): ParsedSource {
  const t = readTable(file, OVERALL_COLUMNS);
  const national = new DailySnapshots(file.name, file.fileId);
  for (const { line, cells } of t.rows) {
    const { day, ms } = readTime(cells[t.col('updateTime')], file.name, line, 'updateTime');
    const values = (['confirmedCount', 'deadCount', 'curedCount'] as const).map((n) => readCount(cells[t.col(n)], file.name, line, n));
    national.put('CN', NATIONAL, day, ms, values, line);
  }
  return { series: national.series(), populations: [], issues: [] };
}

// ---------------------------------------------------------------------------------------------
// JSON files: the API's latest snapshot, epoch-millisecond times.

interface JsonDoc {
  results: Record<string, unknown>[];
  /** Line on which each result object starts, and each city object (in document order). */
  resultLines: number[];
  cityLines: number[];
}

function readJson(file: SourceInputFile): JsonDoc {
  const text = stripBom(file.text);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(String((e as Error).message));
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    throw new SourceFormatError(`not valid JSON (${(e as Error).message})`, file.name, line);
  }
  const results = (doc as { results?: unknown })?.results;
  if (!Array.isArray(results)) throw new SourceFormatError('no "results" array', file.name, 1, 'results');
  const { resultLines, cityLines } = objectLines(text);
  return { results: results as Record<string, unknown>[], resultLines, cityLines };
}

/** Start lines of objects at depth 3 ({ "results": [ {…} ] }) and 5 (their "cities": [ {…} ]). */
function objectLines(text: string): { resultLines: number[]; cityLines: number[] } {
  const resultLines: number[] = [];
  const cityLines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      depth++;
      if (ch === 123 && depth === 3) resultLines.push(line);
      if (ch === 123 && depth === 5) cityLines.push(line);
    } else if (ch === 125 || ch === 93) depth--;
  }
  return { resultLines, cityLines };
}

function field<T extends 'string' | 'number'>(r: Record<string, unknown>, name: string, type: T, file: string, line: number, optional = false): (T extends 'string' ? string : number) | null {
  const v = r[name];
  if ((v === null || v === undefined) && optional) return null;
  if (typeof v !== type || (type === 'number' && !Number.isFinite(v))) {
    throw new SourceFormatError(`${JSON.stringify(name)} is ${v === undefined ? 'missing' : `not a ${type}: ${JSON.stringify(v)}`}`, file, line, name);
  }
  return v as T extends 'string' ? string : number;
}

/** A count in the JSON: a number, or null (missing, never 0). */
function jsonCount(r: Record<string, unknown>, name: string, file: string, line: number): number {
  return field(r, name, 'number', file, line, true) ?? Number.NaN;
}

export function parseAreaJson(file: SourceInputFile): ParsedSource {
  const doc = readJson(file);
  const places = new DailySnapshots(file.name, file.fileId);
  const cities = new DailySnapshots(file.name, file.fileId);
  const skipped = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  let cityIndex = 0;
  const cityCount = doc.results.reduce((a, r) => a + (Array.isArray(r.cities) ? r.cities.length : 0), 0);
  const cityLinesOk = doc.cityLines.length === cityCount;
  doc.results.forEach((r, i) => {
    const line = doc.resultLines.length === doc.results.length ? doc.resultLines[i] : 1;
    if (typeof r !== 'object' || r === null) throw new SourceFormatError(`result ${i + 1} is not an object`, file.name, line);
    const province = field(r, 'provinceName', 'string', file.name, line)!.trim();
    const country = (field(r, 'countryName', 'string', file.name, line, true) ?? '').trim();
    const countryEn = (field(r, 'countryEnglishName', 'string', file.name, line, true) ?? '').trim();
    const provinceEn = (field(r, 'provinceEnglishName', 'string', file.name, line, true) ?? '').trim();
    const ms = field(r, 'updateTime', 'number', file.name, line)!;
    const day = beijingDay(ms);
    const values = [jsonCount(r, 'confirmedCount', file.name, line), jsonCount(r, 'deadCount', file.name, line), jsonCount(r, 'curedCount', file.name, line)];
    const list = Array.isArray(r.cities) ? (r.cities as Record<string, unknown>[]) : [];
    if (country === CHINA) {
      const place = province === CHINA ? NATIONAL : provincePlace(province);
      places.put(JSON.stringify(place), place, day, ms, values, line);
      for (const c of list) {
        const cityLine = cityLinesOk ? doc.cityLines[cityIndex] : line;
        cityIndex++;
        const label = field(c, 'cityName', 'string', file.name, cityLine)!.trim();
        const row = { line: cityLine, label, values: [jsonCount(c, 'confirmedCount', file.name, cityLine), jsonCount(c, 'deadCount', file.name, cityLine), jsonCount(c, 'curedCount', file.name, cityLine)] };
        addCity(cities, skipped, province, day, ms, row, file.name);
      }
      return;
    }
    cityIndex += list.length;
    // A foreign country: named by DXY's English name, or its Chinese name when it has none.
    const name = countryEn || country || provinceEn || province;
    const place: PlaceRef = province !== '' && province !== country ? { kind: 'names', country: name, province: provinceEn || province } : { kind: 'names', country: name };
    places.put(JSON.stringify(place), place, day, ms, values, line);
  });
  pushSkipped(issues, skipped, file.name);
  return { series: [...places.series(), ...cities.series()], populations: [], issues };
}

export function parseOverallJson(file: SourceInputFile): ParsedSource {
  const doc = readJson(file);
  const national = new DailySnapshots(file.name, file.fileId);
  doc.results.forEach((r, i) => {
    const line = doc.resultLines.length === doc.results.length ? doc.resultLines[i] : 1;
    const ms = field(r, 'updateTime', 'number', file.name, line)!;
    const values = [jsonCount(r, 'confirmedCount', file.name, line), jsonCount(r, 'deadCount', file.name, line), jsonCount(r, 'curedCount', file.name, line)];
    national.put('CN', NATIONAL, beijingDay(ms), ms, values, line);
  });
  return { series: national.series(), populations: [], issues: [] };
}
