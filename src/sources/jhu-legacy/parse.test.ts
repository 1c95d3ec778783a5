import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath } from '../../../test/shared-data.js';
import { dayNumber } from '../../domain/dates.js';
import type { SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { buildLocations } from '../../gazetteer/build.js';
import { Gazetteer } from '../../gazetteer/gazetteer.js';
import { loadGazetteerReference } from '../../gazetteer/reference.js';
import { parseUidTable } from '../../gazetteer/uid-table.js';
import { resolvePlace } from '../../ingest/normalize.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { jhuLegacy } from './index.js';
import { parseJhuLegacy, RENAMED_TWINS } from './parse.js';
import { placeOfRow } from './places.js';
import { rawCsvRows as rawRows } from '../../../test/raw-csv.js';

const num = (c: string) => (c.trim() === '' ? Number.NaN : Number(c));

const METRICS = ['Confirmed', 'Deaths', 'Recovered'] as const;
const legacyFile = (m: (typeof METRICS)[number]) => ({
  fileId: m.toLowerCase(),
  name: `time_series_19-covid-${m}.csv`,
  text: readFileSync(dataPath(`jhu/time_series_legacy/time_series_19-covid-${m}.csv`), 'utf8'),
});
const archivedFile = (m: (typeof METRICS)[number]) => ({
  fileId: `archived_${m.toLowerCase()}`,
  name: `time_series_2019-ncov-${m}.csv`,
  text: readFileSync(dataPath(`jhu/archived/time_series_2019-ncov-${m}.csv`), 'utf8'),
});
const DAILY_DIR = 'jhu/archived/archived_daily_case_updates';
const dailyFiles = readdirSync(dataPath(DAILY_DIR))
  .filter((n) => n.endsWith('.csv'))
  .sort()
  .map((n) => ({ fileId: 'daily_case_updates', name: `${DAILY_DIR}/${n}`, text: readFileSync(dataPath(DAILY_DIR, n), 'utf8') }));
const fixture = (name: string, fileId = 'confirmed') => ({ fileId, name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const values = (s: SourceSeries | undefined) => Array.from(s!.values);
const atLine = (series: SourceSeries[], line: number) => series.find((s) => s.line === line);

async function realGazetteer(): Promise<Gazetteer> {
  const rows = parseUidTable(readFileSync(dataPath('jhu/UID_ISO_FIPS_LookUp_Table.csv'), 'utf8'), 'UID_ISO_FIPS_LookUp_Table.csv');
  const built = buildLocations(rows, await loadGazetteerReference(new URL('../../gazetteer/reference/', import.meta.url)));
  return new Gazetteer(built.locations, built.byJhuUid);
}

describe('legacy time_series_19-covid-*.csv (deprecated 2020-03-23)', () => {
  for (const m of METRICS) {
    const file = legacyFile(m);
    const parsed = parseJhuLegacy([file]);
    const rows = rawRows(file.text);
    const header = rows[0];
    const twinKeys = new Set(RENAMED_TWINS.flat());
    const keyOf = (r: string[]) => `${r[0].trim()}|${r[1].trim()}`;
    const lineOf = (key: string) => 1 + rows.findIndex((r) => keyOf(r) === key);

    it(`${m}: one series per row, the 14 renamed pairs merged, every day 2020-01-22 to 2020-03-23`, () => {
      expect(header.slice(0, 4)).toEqual(['Province/State', 'Country/Region', 'Lat', 'Long']);
      expect(parsed.series).toHaveLength(rows.length - 1 - RENAMED_TWINS.length);
      for (const s of parsed.series) {
        expect(s.start).toBe(dayNumber('2020-01-22'));
        expect(s.values).toHaveLength(header.length - 4);
        expect(s.issue).toBeUndefined(); // the file's issue: frozenOn 2020-03-23
      }
    });

    it(`${m}: keeps every cell of the other rows as written (blank last cell of county rows included)`, () => {
      let checked = 0;
      for (const [i, r] of rows.entries()) {
        if (i === 0 || twinKeys.has(keyOf(r))) continue;
        expect(values(atLine(parsed.series, i + 1)), `line ${i + 1}`).toEqual(r.slice(4).map(num));
        checked++;
      }
      expect(checked).toBe(rows.length - 1 - 2 * RENAMED_TWINS.length);
    });

    it(`${m}: a merged pair takes, per day, the row that has a value (the current spelling's when both differ)`, () => {
      const repaired = parsed.issues.filter((i) => i.code === 'repaired');
      expect(repaired).toEqual([expect.objectContaining({ severity: 'warning', count: 14, file: file.name })]);
      for (const [current, stale] of RENAMED_TWINS) {
        const a = rows[lineOf(current) - 1].slice(4).map(num);
        const b = rows[lineOf(stale) - 1].slice(4).map(num);
        const merged = values(atLine(parsed.series, lineOf(current)));
        expect(atLine(parsed.series, lineOf(stale)), stale).toBeUndefined();
        merged.forEach((v, d) => {
          const nonZero = [a[d], b[d]].filter((x) => x > 0);
          if (nonZero.length === 1) expect(v, `${current} day ${d}`).toBe(nonZero[0]);
          else if (nonZero.length === 2) expect(v, `${current} day ${d}`).toBe(a[d]);
          else expect([a[d], b[d]], `${current} day ${d}`).toContainEqual(v);
        });
      }
    });
  }

  it('takes Washington, D.C.\'s early days and District of Columbia\'s later ones (and its 3/23 cell, blank in the stale row)', () => {
    const file = legacyFile('Confirmed');
    const rows = rawRows(file.text);
    const dcOld = rows.find((r) => r[0] === 'Washington, D.C.')!;
    const dc = rows.find((r) => r[0] === 'District of Columbia')!;
    const merged = parseJhuLegacy([file]).series.find((s) => s.place.kind === 'names' && s.place.province === 'District of Columbia')!;
    const day = (iso: string) => dayNumber(iso) - dayNumber('2020-01-22');
    expect(merged.values[day('2020-03-09')]).toBe(num(dcOld[4 + day('2020-03-09')]));
    expect(merged.values[day('2020-03-23')]).toBe(num(dc[4 + day('2020-03-23')]));
    expect(dcOld[4 + day('2020-03-23')]).toBe('');
    expect(parseJhuLegacy([file]).issues[0].message).toMatch(/Cabo Verde 2020-03-21 \(3 kept, 1 dropped\)/);
  });

  it('names US county rows as the county spelling within its state', () => {
    const parsed = parseJhuLegacy([legacyFile('Confirmed')]);
    expect(parsed.series.find((s) => s.place.kind === 'names' && s.place.admin2 === 'King County, WA')?.place).toEqual({ kind: 'names', country: 'US', province: 'WA', admin2: 'King County, WA' });
    expect(parsed.series.find((s) => s.place.kind === 'names' && s.place.province === 'Washington')?.place).toEqual({ kind: 'names', country: 'US', province: 'Washington' });
  });

  it('the gazetteer puts both rows of every renamed pair on one key, and every row but the documented placeholders on a key', async () => {
    const gaz = await realGazetteer();
    for (const [current, stale] of RENAMED_TWINS) {
      const [p1, c1] = current.split('|');
      const [p2, c2] = stale.split('|');
      const key = resolvePlace(placeOfRow(p1, c1), gaz);
      expect(key, current).toBeDefined();
      expect(resolvePlace(placeOfRow(p2, c2), gaz), stale).toBe(key);
    }
    const unmatched = parseJhuLegacy([legacyFile('Confirmed')]).series.filter((s) => !resolvePlace(s.place, gaz)).map((s) => (s.place.kind === 'names' ? s.place.admin2 : ''));
    expect(unmatched.sort()).toEqual(['Adams, IN', 'Camden, NC', 'Floyd, GA', 'San Joaquin, CA']);
  });
});

describe('archived time_series_2019-ncov-*.csv (snapshot columns, 2020-01-21 to 2020-02-14)', () => {
  for (const m of METRICS) {
    const file = archivedFile(m);
    const parsed = parseJhuLegacy([file]);
    const rows = rawRows(file.text);
    // The last snapshot column of each day, found from the raw header.
    const lastOfDay = new Map<string, number>();
    rows[0].slice(4).forEach((h, j) => lastOfDay.set(h.split(' ')[0], j + 4));

    it(`${m}: one series per row, each day the value of its last snapshot, at issue 2020-02-14`, () => {
      expect(rows[0].length).toBe(49);
      expect([...lastOfDay.keys()]).toHaveLength(25);
      expect(parsed.series).toHaveLength(rows.length - 1);
      for (const [i, r] of rows.entries()) {
        if (i === 0) continue;
        const s = atLine(parsed.series, i + 1)!;
        expect(s.start).toBe(dayNumber('2020-01-21'));
        expect(s.issue).toBe('2020-02-14');
        expect(values(s), `line ${i + 1}`).toEqual([...lastOfDay.values()].map((j) => num(r[j])));
      }
      expect(parsed.issues).toEqual([]);
    });
  }

  it('a blank last snapshot stays blank even when an earlier one that day had a value (India, 2020-01-29)', () => {
    const file = archivedFile('Confirmed');
    const header = rawRows(file.text)[0];
    const india = rawRows(file.text).find((r) => r[1] === 'India')!;
    const ofDay = header.map((h, j) => [h, india[j]]).filter(([h]) => h.startsWith('1/29/20 '));
    expect(ofDay.map(([, v]) => v)).toEqual(['1.0', '', '']);
    const s = parseJhuLegacy([file]).series.find((x) => x.place.kind === 'names' && x.place.country === 'India')!;
    expect(s.values[dayNumber('2020-01-29') - s.start]).toBeNaN();
  });
});

describe('archived daily case updates MM-DD-YYYY_HHMM.csv (parsed directly: the mirror cannot list them yet)', () => {
  it('reads the four snapshots: three one-day series per row at the date of the file name', () => {
    expect(dailyFiles.map((f) => f.name.split('/').pop())).toEqual(['01-21-2020_2200.csv', '01-22-2020_1200.csv', '01-26-2020_2300.csv', '02-14-2020_1123.csv']);
    for (const f of dailyFiles) {
      const [mm, dd, yyyy] = f.name.split('/').pop()!.slice(0, 10).split('-');
      const iso = `${yyyy}-${mm}-${dd}`;
      const rows = rawRows(f.text);
      const h = rows[0].map((c) => c.trim());
      const parsed = parseJhuLegacy([f]);
      expect(parsed.series).toHaveLength(3 * (rows.length - 1));
      for (const [i, r] of rows.entries()) {
        if (i === 0) continue;
        for (const [column, metric] of [['Confirmed', 'confirmed'], ['Deaths', 'deaths'], ['Recovered', 'recovered']]) {
          const s = parsed.series.find((x) => x.line === i + 1 && x.metric === metric)!;
          expect(s).toMatchObject({ issue: iso, start: dayNumber(iso) });
          expect(values(s), `${f.name} line ${i + 1} ${column}`).toEqual([num(r[h.indexOf(column)])]);
        }
      }
    }
  });

  it('the 02-14-2020_1123 snapshot holds the same values as the 2/14/20 11:23 column of the archived time series', () => {
    const snapshot = parseJhuLegacy([dailyFiles[3]]);
    for (const m of METRICS) {
      const ts = parseJhuLegacy([archivedFile(m)]).series;
      for (const s of snapshot.series.filter((x) => x.metric === m.toLowerCase())) {
        const t = ts.find((x) => JSON.stringify(x.place) === JSON.stringify(s.place))!;
        expect(t.values[t.values.length - 1], JSON.stringify(s.place)).toBe(s.values[0]);
      }
    }
  });
});

describe('broken and small files', () => {
  it('parses a file with a byte-order mark like one without', () => {
    expect(parseJhuLegacy([fixture('bom.csv')]).series.map(values)).toEqual(parseJhuLegacy([fixture('good.csv')]).series.map(values));
  });

  it('merges the renamed pair of good.csv and keeps the county row as written', () => {
    const p = parseJhuLegacy([fixture('good.csv')]);
    expect(p.series).toHaveLength(5);
    expect(values(atLine(p.series, 5))).toEqual([0, 1, 3, 3]); // Cabo Verde + Cape Verde (line 6)
    expect(values(atLine(p.series, 4))).toEqual([83, 83, 0, Number.NaN]);
    expect(p.issues[0].message).toMatch(/"Cape Verde" \(line 6\) into "Cabo Verde" \(line 5\).*Cabo Verde 2020-03-10 \(3 kept, 1 dropped\)/);
  });

  const cases: [string, RegExp][] = [
    ['changed-header.csv', /changed-header\.csv, line 1: unexpected header: found "Country_Region" where "Country\/Region" was expected/],
    ['missing-column.csv', /missing-column\.csv, line 1: unexpected header: found "Long" where "Lat" was expected/],
    ['non-numeric-cell.csv', /non-numeric-cell\.csv, line 3, column "3\/10\/20": not a number: "2G7"/],
    ['truncated.csv', /truncated\.csv, line 5: expected 8 fields, found 4/],
    ['duplicate-row-conflicting.csv', /duplicate-row-conflicting\.csv, line 8: duplicate row for Washington\|US \(first at line 3\) with different values/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, message) => {
    expect(() => parseJhuLegacy([fixture(name)])).toThrow(SourceFormatError);
    expect(() => parseJhuLegacy([fixture(name)])).toThrow(message);
  });

  it('ignores an identical duplicate row with a warning naming both lines', () => {
    const p = parseJhuLegacy([fixture('duplicate-row-identical.csv')]);
    expect(p.series).toHaveLength(5);
    expect(p.issues.filter((i) => i.code === 'duplicate_row')).toEqual([expect.objectContaining({ line: 8, message: expect.stringContaining('line 3') })]);
  });

  it('reads archived snapshot columns: the last snapshot of a day wins, blank included', () => {
    const p = parseJhuLegacy([fixture('archived-good.csv', 'archived_confirmed')]);
    expect(p.series.map((s) => [s.issue, s.start, values(s)])).toEqual([
      ['2020-01-24', dayNumber('2020-01-21'), [270, 444, 549, 729]],
      ['2020-01-24', dayNumber('2020-01-21'), [Number.NaN, Number.NaN, Number.NaN, Number.NaN]],
      ['2020-01-24', dayNumber('2020-01-21'), [Number.NaN, Number.NaN, 1, 1]],
      ['2020-01-24', dayNumber('2020-01-21'), [Number.NaN, Number.NaN, Number.NaN, 1]],
    ]);
  });

  const archivedCases: [string, RegExp][] = [
    ['archived-out-of-order.csv', /archived-out-of-order\.csv, line 1, column "1\/23\/20 12:00": snapshot columns are not in time order/],
    ['archived-day-gap.csv', /archived-day-gap\.csv, line 1, column "1\/25\/20 9:40": no snapshot for 2020-01-24/],
    ['archived-non-numeric.csv', /archived-non-numeric\.csv, line 2, column "1\/23\/20 12:00": not a number: "5 49"/],
  ];
  it.each(archivedCases)('archived %s fails with a message naming file, line and column', (name, message) => {
    expect(() => parseJhuLegacy([fixture(name, 'archived_confirmed')])).toThrow(SourceFormatError);
    expect(() => parseJhuLegacy([fixture(name, 'archived_confirmed')])).toThrow(message);
  });

  it('dates a daily case update by its file name; two snapshots of a day share the issue (the later read wins in the store)', () => {
    const early = parseJhuLegacy([fixture('daily-01-22-2020_0900.csv', 'daily_case_updates')]);
    const late = parseJhuLegacy([fixture('daily-01-22-2020_2300.csv', 'daily_case_updates')]);
    expect(early.series.map((s) => [s.issue, s.metric, values(s)[0]])).toEqual([
      ['2020-01-22', 'confirmed', 400], ['2020-01-22', 'deaths', 17], ['2020-01-22', 'recovered', Number.NaN],
      ['2020-01-22', 'confirmed', 10], ['2020-01-22', 'deaths', Number.NaN], ['2020-01-22', 'recovered', Number.NaN],
    ]);
    expect(late.series.map((s) => values(s)[0])).toEqual([444, 17, 28, 14, Number.NaN, Number.NaN]);
  });

  it('refuses a daily case update without a date in its name, or with an unknown column', () => {
    expect(() => parseJhuLegacy([fixture('daily-undated.csv', 'daily_case_updates')])).toThrow(/daily-undated\.csv: cannot date the snapshot: the file name must end in MM-DD-YYYY_HHMM\.csv/);
    expect(() => parseJhuLegacy([fixture('daily-changed-header-01-23-2020_1200.csv', 'daily_case_updates')])).toThrow(/daily-changed-header-01-23-2020_1200\.csv, line 1, column "Cured": unexpected column "Cured"/);
  });

  it('refuses an unknown file id', () => {
    expect(() => parseJhuLegacy([fixture('good.csv', 'vaccines')])).toThrow(/good\.csv: unknown file id "vaccines"/);
  });
});

describe('jhu-legacy ingested from the real mirror', async () => {
  const { t, runs } = await ingestConnectors([jhuLegacy]);
  afterAll(() => t.drop());
  const run = runs.find((r) => r.sourceId === 'jhu-legacy')!;
  const confirmed = rawRows(legacyFile('Confirmed').text);
  const legacyRecovered = rawRows(legacyFile('Recovered').text);
  const archived = rawRows(archivedFile('Confirmed').text);
  const rawCell = (rows: string[][], province: string, country: string, column: string) => num(rows.find((r) => r[0] === province && r[1] === country)![rows[0].indexOf(column)]);
  const stored = async (key: string, metric: string, iso: string, asOf: string | null = null) => {
    const [ref] = await findSeries(t.db, [key], [metric], 'jhu-legacy');
    expect(ref, `${key} ${metric}`).toBeDefined();
    const p = (await readPoints(t.db, [ref], asOf)).get(ref.seriesId)!;
    const i = p.days.indexOf(dayNumber(iso));
    return { value: p.values[i], issue: p.issues[i] };
  };

  it('succeeds; the only unmatched rows are the documented placeholders and the Wuhan evacuee', () => {
    expect(run.status, run.error ?? '').toBe('succeeded');
    const unmatched = run.issues.filter((i) => i.code === 'unmatched_location').map((i) => i.message.split(' matches')[0]);
    expect(unmatched.sort()).toEqual([
      ...Array(3).fill('"Adams, IN, IN, US"'), ...Array(3).fill('"Camden, NC, NC, US"'), ...Array(3).fill('"Floyd, GA, GA, US"'),
      // The Wuhan evacuee also appears in three of the intra-day case updates.
      ...Array(6).fill('"San Antonio, TX, TX, US"'), ...Array(3).fill('"San Joaquin, CA, CA, US"'),
    ]);
    expect(run.unmatched).toBe(18);
    // Toronto + London = Ontario: in the three archived series and three of the case updates.
    expect(run.issues.filter((i) => i.code === 'rows_summed').map((i) => i.location)).toEqual(Array(6).fill('CA_ON'));
    expect(run.issues.filter((i) => i.code === 'repaired')).toHaveLength(3);
    expect(run.vintages.map((v) => v.issue)).toEqual(['2020-01-21', '2020-01-22', '2020-01-26', '2020-02-14', '2020-03-23']);
  });

  it('stores legacy values at 2020-03-23: counties, states, merged pairs, Australia\'s Diamond Princess passengers', async () => {
    const issue = dayNumber('2020-03-23');
    expect(await stored('US_WA_53033', 'confirmed', '2020-03-09')).toEqual({ value: rawCell(confirmed, 'King County, WA', 'US', '3/9/20'), issue });
    expect(await stored('US_WA', 'confirmed', '2020-03-23')).toEqual({ value: rawCell(confirmed, 'Washington', 'US', '3/23/20'), issue });
    expect(await stored('US_DC', 'confirmed', '2020-03-08')).toEqual({ value: rawCell(confirmed, 'Washington, D.C.', 'US', '3/8/20'), issue });
    expect(await stored('CV', 'confirmed', '2020-03-21')).toEqual({ value: rawCell(confirmed, '', 'Cabo Verde', '3/21/20'), issue });
    expect(await stored('AU_DIAMOND-PRINCESS', 'confirmed', '2020-03-23')).toEqual({ value: rawCell(confirmed, 'From Diamond Princess', 'Australia', '3/23/20'), issue });
  });

  it('reads the "US / US" row as the national recovered carrier, so the US total is the sum of the states', async () => {
    const issue = dayNumber('2020-03-23');
    expect(await stored('US_RECOVERED', 'recovered', '2020-03-23')).toEqual({ value: rawCell(legacyRecovered, 'US', 'US', '3/23/20'), issue });
    // Every US row of 3/22 (the county rows, written 0 from 3/10, add nothing), the US / US row included.
    const col = confirmed[0].indexOf('3/22/20');
    const sum = confirmed.slice(1).filter((r) => r[1] === 'US').reduce((a, r) => a + Number(r[col]), 0);
    const [us] = await findSeries(t.db, ['US'], ['confirmed'], 'jhu-legacy');
    expect(us.derived).toBe(true);
    expect(await stored('US', 'confirmed', '2020-03-22')).toEqual({ value: sum, issue });
  });

  it('reads the county rows\' zeros after 2020-03-09 as discontinued', async () => {
    const [ref] = await findSeries(t.db, ['US_WA_53033'], ['confirmed'], 'jhu-legacy');
    const [{ spans }] = await t.db.query<{ spans: unknown[] }>('SELECT spans FROM series_annotations WHERE series_id = $1 ORDER BY issue DESC LIMIT 1', [ref.seriesId]);
    expect(spans).toContainEqual(expect.objectContaining({ from: '2020-03-10', to: '2020-03-22', reason: 'discontinued', rule: 'trailing-zeros' }));
  });

  it('keeps the archived snapshot values at 2020-02-14, revised by the legacy file at 2020-03-23', async () => {
    const anhuiArchived = rawCell(archived, 'Anhui', 'Mainland China', '1/25/20 22:00');
    const anhuiLegacy = rawCell(confirmed, 'Anhui', 'China', '1/25/20');
    expect(anhuiArchived).not.toBe(anhuiLegacy);
    expect(await stored('CN_AH', 'confirmed', '2020-01-25', '2020-02-14')).toEqual({ value: anhuiArchived, issue: dayNumber('2020-02-14') });
    expect(await stored('CN_AH', 'confirmed', '2020-01-25')).toEqual({ value: anhuiLegacy, issue: dayNumber('2020-03-23') });
    // 2020-01-21 exists only in the archived files; the intra-day update of that evening published it first.
    expect(await stored('CN_BJ', 'confirmed', '2020-01-21')).toEqual({ value: rawCell(archived, 'Beijing', 'Mainland China', '1/21/20 22:00'), issue: dayNumber('2020-01-21') });
  });
});
