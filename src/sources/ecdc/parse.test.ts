import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath } from '../../../test/shared-data.js';
import { dayFromParts, dayNumber, isoFromDay } from '../../domain/dates.js';
import type { ParsedSource, SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { Gazetteer } from '../../gazetteer/gazetteer.js';
import { resolvePlace } from '../../ingest/normalize.js';
import { loadLocations } from '../../store/locations.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { ecdc } from './index.js';
import { parseEcdc, parseEcdcAsync, parseEcdcCsv, parseEcdcXlsx } from './parse.js';
import { rawCsvTable } from '../../../test/raw-csv.js';

const NAME = 'COVID-19-geographic-disbtribution-worldwide';
const CSV_VINTAGES = ['2020-03-25', '2020-03-30', '2020-04-15'];
const XLSX_PATH = `ecdc/${NAME}-2020-12-14.xlsx`;

const fixtureText = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const fixtureBytes = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const csvFixture = (name: string) => parseEcdcCsv(fixtureText(name), name);

/** One raw row, read without the parser: ECDC's long layout, keyed by header name. */
interface RawRow {
  line: number;
  cells: Record<string, string>;
}


function rawCsv(text: string): RawRow[] {
  const { header, rows } = rawCsvTable(text);
  return rows.map((r) => {
    expect(r.width).toBe(header.length);
    return { line: r.line, cells: r.cells };
  });
}

/** Column names of the three CSV schemas. */
const col = (cells: Record<string, string>, ...names: string[]) => cells[names.find((n) => n in cells)!];
const geoIdOf = (s: { place: SourceSeries['place'] }) => (s.place.kind === 'code' ? /\(geoId (.+)\)$/.exec(s.place.label)![1] : '');

function byGeoId(parsed: ParsedSource, metric: string): Map<string, SourceSeries> {
  return new Map(parsed.series.filter((s) => s.metric === metric).map((s) => [geoIdOf(s), s]));
}
const valueOn = (s: SourceSeries, day: number) => s.values[day - s.start];

describe('parseEcdcCsv on the three real CSV vintages', () => {
  for (const vintage of CSV_VINTAGES) {
    const name = `${NAME}_asof_${vintage}.csv`;
    const text = readFileSync(dataPath('ecdc', name), 'utf8');
    const raw = rawCsv(text);
    const parsed = parseEcdcCsv(text, name);
    const cases = byGeoId(parsed, 'new_confirmed');
    const deaths = byGeoId(parsed, 'new_deaths');

    it(`${vintage}: one series per geoId and metric, every row's value on its date`, () => {
      const geoIds = new Set(raw.map((r) => col(r.cells, 'geoId', 'GeoId')));
      expect(cases.size).toBe(geoIds.size);
      expect(deaths.size).toBe(geoIds.size);
      expect(parsed.series).toHaveLength(2 * geoIds.size);
      const present = (m: Map<string, SourceSeries>) => [...m.values()].reduce((n, s) => n + s.values.filter((v) => !Number.isNaN(v)).length, 0);
      expect(present(cases)).toBe(raw.length);
      expect(present(deaths)).toBe(raw.length);
      const wrong: string[] = [];
      for (const r of raw) {
        const [d, m, y] = col(r.cells, 'dateRep', 'DateRep').split('/').map(Number);
        const day = dayFromParts(y, m, d);
        const g = col(r.cells, 'geoId', 'GeoId');
        if (valueOn(cases.get(g)!, day) !== Number(col(r.cells, 'cases', 'Cases'))) wrong.push(`line ${r.line}: cases`);
        if (valueOn(deaths.get(g)!, day) !== Number(col(r.cells, 'deaths', 'Deaths'))) wrong.push(`line ${r.line}: deaths`);
      }
      expect(wrong).toEqual([]);
    });

    it(`${vintage}: dateRep agrees with day/month/year on every row (checked on the raw text)`, () => {
      const disagree = raw.filter((r) => {
        const [d, m, y] = col(r.cells, 'dateRep', 'DateRep').split('/').map(Number);
        return d !== Number(col(r.cells, 'day', 'Day')) || m !== Number(col(r.cells, 'month', 'Month')) || y !== Number(col(r.cells, 'year', 'Year'));
      });
      expect(disagree).toEqual([]);
    });

    it(`${vintage}: keeps the Diamond Princess correction of -9 cases, on the ship's key`, () => {
      const ship = cases.get('JPG11668')!;
      expect(ship.place).toMatchObject({ kind: 'code', system: 'key', code: 'SHIP-DIAMOND-PRINCESS' });
      expect(valueOn(ship, dayNumber('2020-03-10'))).toBe(-9);
      expect(parsed.populations.some((p) => p.place.kind === 'code' && p.place.code === 'SHIP-DIAMOND-PRINCESS')).toBe(false);
    });

    it(`${vintage}: EU geoIds become ISO codes, Namibia stays NA, populations are the file's`, () => {
      expect(cases.get('UK')!.place).toMatchObject({ system: 'iso2', code: 'GB' });
      expect(cases.get('EL')!.place).toMatchObject({ system: 'iso2', code: 'GR' });
      expect(cases.get('NA')!.place).toMatchObject({ system: 'iso2', code: 'NA' });
      const popColumn = Object.keys(raw[0].cells).find((c) => /pop/i.test(c))!;
      for (const p of parsed.populations) {
        const firstWithPop = raw.find((r) => r.cells[popColumn] !== '' && col(r.cells, 'geoId', 'GeoId') === geoIdOf(p));
        expect(p.population).toBe(Number(firstWithPop!.cells[popColumn]));
      }
      const withPop = new Set(raw.filter((r) => r.cells[popColumn] !== '' && col(r.cells, 'geoId', 'GeoId') !== 'JPG11668').map((r) => col(r.cells, 'geoId', 'GeoId')));
      expect(parsed.populations).toHaveLength(withPop.size);
    });
  }

  it('2020-03-25: reads the geoId PYF as alpha-3 (repaired) and hands Netherlands_Antilles (AN) on as a code', () => {
    const name = `${NAME}_asof_2020-03-25.csv`;
    const parsed = parseEcdcCsv(readFileSync(dataPath('ecdc', name), 'utf8'), name);
    const byId = byGeoId(parsed, 'new_confirmed');
    expect(byId.get('PYF')!.place).toMatchObject({ system: 'iso3', code: 'PYF' });
    expect(byId.get('AN')!.place).toMatchObject({ system: 'iso2', code: 'AN', label: 'Netherlands_Antilles (geoId AN)' });
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'repaired', message: expect.stringContaining('"PYF" (French_Polynesia, line 2280)') })]);
  });
});

/** An entry of a zip archive, read with node:zlib only (independent of the XLSX reader). */
function zipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const [nameLen, extraLen, commentLen] = [zip.readUInt16LE(p + 28), zip.readUInt16LE(p + 30), zip.readUInt16LE(p + 32)];
    const offset = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not in the archive`);
}

/** The sheet's rows as {column letter: raw value} (shared strings resolved), by sheet row. */
function rawSheet(zip: Buffer): { row: number; cells: Record<string, string> }[] {
  const strings = [...zipEntry(zip, 'xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)].map((m) => [...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''));
  const sheet = zipEntry(zip, 'xl/worksheets/sheet1.xml');
  return [...sheet.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/gs)].map((r) => ({
    row: Number(r[1]),
    cells: Object.fromEntries(
      [...r[2].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>(?:<v>([^<]*)<\/v>)?<\/c>)/g)].map((c) => [c[1], / t="s"/.test(c[2]) ? strings[Number(c[3])] : (c[3] ?? '')]),
    ),
  }));
}

/** The final XLSX, parsed once for the tests below (about 1-2 s). */
const xlsxBytes = readFileSync(dataPath(XLSX_PATH));
const xlsxParsed = parseEcdcXlsx(xlsxBytes, XLSX_PATH);

describe('parseEcdcXlsx on the final XLSX (2020-12-14)', async () => {
  const bytes = xlsxBytes;
  const parsed = await xlsxParsed;
  const sheet = rawSheet(bytes);
  const header = sheet[0].cells;
  const rows = sheet.slice(1);

  it('has the layout the parser expects (column L is the third-party worldPopulation)', () => {
    expect(Object.values(header)).toEqual(['dateRep', 'day', 'month', 'year', 'cases', 'deaths', 'countriesAndTerritories', 'geoId', 'countryterritoryCode', 'popData2019', 'continentExp', 'worldPopulation']);
    expect(rows).toHaveLength(61900);
  });

  it('puts every row on its date, dateRep agreeing with day/month/year', () => {
    const cases = byGeoId(parsed, 'new_confirmed');
    const deaths = byGeoId(parsed, 'new_deaths');
    expect(cases.size).toBe(new Set(rows.map((r) => r.cells.H)).size);
    let negative = 0;
    const wrong: string[] = [];
    for (const r of rows) {
      const day = Number(r.cells.A) - 25569; // Excel serial → days since 1970-01-01
      if (isoFromDay(day) !== `${r.cells.D}-${r.cells.C.padStart(2, '0')}-${r.cells.B.padStart(2, '0')}`) wrong.push(`row ${r.row}: date`);
      if (valueOn(cases.get(r.cells.H)!, day) !== Number(r.cells.E)) wrong.push(`row ${r.row}: cases`);
      if (valueOn(deaths.get(r.cells.H)!, day) !== Number(r.cells.F)) wrong.push(`row ${r.row}: deaths`);
      if (Number(r.cells.E) < 0 || Number(r.cells.F) < 0) negative++;
    }
    expect(wrong).toEqual([]);
    expect(negative).toBe(25); // corrections, kept as published
    const present = [...cases.values()].reduce((n, s) => n + s.values.filter((v) => !Number.isNaN(v)).length, 0);
    expect(present).toBe(rows.length);
  });

  it('reports Montserrat\'s MSF code as repaired and takes populations from popData2019', () => {
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'repaired', column: 'countryterritoryCode', message: expect.stringContaining('MS "MSF"') })]);
    const fr = parsed.populations.find((p) => p.place.kind === 'code' && p.place.code === 'FR')!;
    expect(fr.population).toBe(Number(rows.find((r) => r.cells.H === 'FR')!.cells.J));
    const withPop = new Set(rows.filter((r) => (r.cells.J ?? '') !== '').map((r) => r.cells.H));
    expect(withPop.size).toBe(212); // all but Wallis_and_Futuna (no population) and the ship
    expect(parsed.populations).toHaveLength(withPop.size);
  });
});

describe('the connector on XLSX input', () => {
  it('reports the workbook as skipped in the synchronous parse, and reads it in parseEcdcAsync', async () => {
    const file = { fileId: 'xlsx', name: 'good.xlsx', text: fixtureBytes('good.xlsx').toString('utf8'), bytes: fixtureBytes('good.xlsx') };
    expect(parseEcdc([file])).toEqual({ series: [], populations: [], issues: [expect.objectContaining({ code: 'file_skipped', severity: 'warning', file: 'good.xlsx' })] });
    const viaAsync = await parseEcdcAsync([file]);
    expect(viaAsync.series).toHaveLength(10);
  });

  it('reads a small XLSX exactly like the same rows as CSV (dates as Excel dates and as text)', async () => {
    const x = await parseEcdcXlsx(fixtureBytes('good.xlsx'), 'good.xlsx');
    const c = csvFixture('good.csv');
    const shape = (p: ParsedSource) => p.series.map((s) => ({ place: s.place, metric: s.metric, start: s.start, values: Array.from(s.values) }));
    expect(shape(x)).toEqual(shape(c));
    expect(x.populations.map((p) => [p.place, p.population])).toEqual(c.populations.map((p) => [p.place, p.population]));
  });

  it('names the sheet row and column of a non-numeric XLSX cell', async () => {
    await expect(parseEcdcXlsx(fixtureBytes('non-numeric-cell.xlsx'), 'non-numeric-cell.xlsx')).rejects.toThrow(/non-numeric-cell\.xlsx, line 3, column "cases": not a number: "5B"/);
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(parseEcdcXlsx(fixtureBytes('good.csv'), 'good.csv')).rejects.toThrow(/good\.csv: not an XLSX workbook/);
  });
});

describe('parseEcdcCsv on small and broken files', () => {
  const good = csvFixture('good.csv');

  it('pivots the long rows into dense series with NaN for a day without a row', () => {
    const cases = byGeoId(good, 'new_confirmed');
    expect(Array.from(cases.get('NA')!.values)).toEqual([0, Number.NaN, 0]);
    expect(cases.get('NA')!.start).toBe(dayNumber('2020-04-13'));
    expect(Array.from(cases.get('AF')!.values)).toEqual([52, 58, 49]);
    expect(Array.from(byGeoId(good, 'new_deaths').get('UK')!.values)).toEqual([717, 778]);
    expect(Array.from(cases.get('JPG11668')!.values)).toEqual([-9]);
    expect(good.issues).toEqual([]);
    expect(good.populations.map((p) => [p.place.kind === 'code' && p.place.code, p.population])).toEqual([
      ['AF', 37172386],
      ['GR', 10727668],
      ['NA', 2448255],
      ['GB', 66488991],
    ]);
  });

  it('parses a file with a byte-order mark like one without', () => {
    expect(csvFixture('bom.csv')).toEqual(good);
  });

  it('reads the earliest schema (2020-03-25): a second spelling of Canada, a row without population', () => {
    const p = csvFixture('earliest-schema.csv');
    const ca = byGeoId(p, 'new_confirmed').get('CA')!;
    expect(ca.place).toMatchObject({ system: 'iso2', code: 'CA', label: 'Canada (geoId CA)' });
    expect(ca.values[0]).toBe(156);
    expect(ca.values[5]).toBe(313);
    expect(p.populations.map((x) => [x.place.kind === 'code' && x.place.code, x.population])).toEqual([
      ['CA', 37058856],
      ['PYF', 277679],
    ]);
  });

  it('skips ECDC\'s weekly file with a warning (it replaced the daily file at the upstream URL)', () => {
    expect(csvFixture('weekly.csv')).toEqual({ series: [], populations: [], issues: [expect.objectContaining({ code: 'file_skipped', severity: 'warning', message: expect.stringContaining('weekly') })] });
  });

  const cases: [string, RegExp][] = [
    ['changed-header.csv', /changed-header\.csv, line 1, column "newCases": unexpected column "newCases"/],
    ['missing-column.csv', /missing-column\.csv, line 1: missing column "deaths" or "Deaths"/],
    ['non-numeric-cell.csv', /non-numeric-cell\.csv, line 3, column "cases": not a number: "5B"/],
    ['truncated.csv', /truncated\.csv, line 11: expected 11 fields, found 5 \(truncated or malformed row\)/],
    ['duplicate-row-conflicting.csv', /duplicate-row-conflicting\.csv, line 5: duplicate row for AF on 2020-04-14 \(first at line 3\) with different values/],
    ['date-mismatch.csv', /date-mismatch\.csv, line 6, column "day": dateRep "14\/04\/2020" \(2020-04-14\) disagrees with day\/month\/year 13\/4\/2020/],
    ['bad-date.csv', /bad-date\.csv, line 2, column "dateRep": not a date: "2020-04-15" \(expected dd\/mm\/yyyy\)/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, message) => {
    expect(() => csvFixture(name)).toThrow(SourceFormatError);
    expect(() => csvFixture(name)).toThrow(message);
  });

  it('ignores an identical duplicate row with a warning and a flag on both metrics', () => {
    const dup = csvFixture('duplicate-row-identical.csv');
    expect(dup.series.map((s) => Array.from(s.values))).toEqual(good.series.map((s) => Array.from(s.values)));
    expect(dup.issues).toEqual([expect.objectContaining({ code: 'duplicate_row', severity: 'warning', line: 5, message: expect.stringContaining('line 3') })]);
    expect(dup.flags).toEqual([
      expect.objectContaining({ metric: 'new_confirmed', date: '2020-04-14', code: 'duplicate_row', line: 5, detail: { line: 5, first_line: 3 } }),
      expect.objectContaining({ metric: 'new_deaths', date: '2020-04-14', code: 'duplicate_row', line: 5, detail: { line: 5, first_line: 3 } }),
    ]);
  });
});

describe('ecdc ingested from the real mirror', async () => {
  const { t, runs } = await ingestConnectors([ecdc]);
  afterAll(() => t.drop());
  const run = runs.find((r) => r.sourceId === 'ecdc')!;
  const raw = Object.fromEntries(CSV_VINTAGES.map((v) => [v, rawCsv(readFileSync(dataPath('ecdc', `${NAME}_asof_${v}.csv`), 'utf8'))]));
  const rawValue = (vintage: string, geoId: string, date: string, column: string) => {
    const [y, m, d] = date.split('-');
    const r = raw[vintage].find((x) => col(x.cells, 'geoId', 'GeoId') === geoId && col(x.cells, 'dateRep', 'DateRep') === `${d}/${m}/${y}`)!;
    return Number(col(r.cells, column, column[0].toUpperCase() + column.slice(1)));
  };
  const stored = async (key: string, metric: string, date: string, asOf: string | null = null) => {
    const [ref] = await findSeries(t.db, [key], [metric], 'ecdc');
    expect(ref, `${key} ${metric}`).toBeDefined();
    const p = (await readPoints(t.db, [ref], asOf)).get(ref.seriesId)!;
    const i = p.days.indexOf(dayNumber(date));
    return { value: p.values[i], issue: isoFromDay(p.issues[i]) };
  };

  it('succeeds, reading the XLSX too; only Netherlands_Antilles (2020-03-25) is unmatched', () => {
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.files.map((f) => [f.fileId, f.issue])).toEqual([
      ['csv', '2020-03-25'],
      ['csv', '2020-03-30'],
      ['csv', '2020-04-15'],
      ['xlsx', '2020-12-14'],
    ]);
    const unmatched = run.issues.filter((i) => i.code === 'unmatched_location');
    expect(run.unmatched).toBe(2);
    const message = 'iso2 "AN" ("Netherlands_Antilles (geoId AN)") matches no location key; row not stored';
    expect(unmatched.map((i) => [i.file?.endsWith(`ecdc/${NAME}_asof_2020-03-25.csv`), i.metric, i.message])).toEqual([
      [true, 'new_confirmed', message],
      [true, 'new_deaths', message],
    ]);
    expect(run.issues.filter((i) => i.code === 'file_skipped')).toEqual([]);
    expect(run.vintages.map((v) => v.issue)).toEqual(['2020-03-25', '2020-03-30', '2020-04-15', '2020-12-14']);
    expect(run.vintages[3].valuesNew).toBeGreaterThan(50_000);
  });

  it('stores the published daily values on ISO keys, per vintage', async () => {
    expect(await stored('GB', 'new_confirmed', '2020-04-14', '2020-04-16')).toEqual({ value: rawValue('2020-04-15', 'UK', '2020-04-14', 'cases'), issue: '2020-04-15' });
    expect((await stored('GR', 'new_deaths', '2020-03-20', '2020-03-25')).value).toBe(rawValue('2020-03-25', 'EL', '2020-03-20', 'deaths'));
    expect((await stored('NA', 'new_confirmed', '2020-04-15')).value).toBe(rawValue('2020-04-15', 'NA', '2020-04-15', 'cases'));
    expect((await stored('PF', 'new_confirmed', '2020-03-21', '2020-03-25')).value).toBe(rawValue('2020-03-25', 'PYF', '2020-03-21', 'cases'));
    expect((await stored('XK', 'new_confirmed', '2020-04-13')).value).toBe(rawValue('2020-04-15', 'XK', '2020-04-13', 'cases'));
    expect(await stored('SHIP-DIAMOND-PRINCESS', 'new_confirmed', '2020-03-10')).toEqual({ value: -9, issue: '2020-03-25' });
  });

  it('resolves every place of the XLSX too (which this runner does not read yet)', async () => {
    const gaz = new Gazetteer(await loadLocations(t.db));
    const parsed = await xlsxParsed;
    const unresolved = parsed.series.filter((s) => !resolvePlace(s.place, gaz)).map((s) => geoIdOf(s));
    expect(unresolved).toEqual([]);
    expect(resolvePlace(parsed.series.find((s) => geoIdOf(s) === 'GU')!.place, gaz)).toBe('US_GU');
    expect(resolvePlace(parsed.series.find((s) => geoIdOf(s) === 'TW')!.place, gaz)).toBe('TW');
  });
});
