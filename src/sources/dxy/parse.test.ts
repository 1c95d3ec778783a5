import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath } from '../../../test/shared-data.js';
import { dayNumber, isoFromDay } from '../../domain/dates.js';
import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { parseCsvObjects } from '../../lib/csv.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { dxy } from './index.js';
import { parseDxy } from './parse.js';
import { cityGroupKey } from './places.js';

const fixture = (name: string, fileId = name.endsWith('.json') ? 'area-latest' : 'area'): SourceInputFile => ({
  fileId, name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'),
});
const real = (fileId: string, rel: string): SourceInputFile => {
  const buf = readFileSync(dataPath('china/dxy', rel));
  return { fileId, name: rel, text: (rel.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8') };
};

/** The value of a parsed series on an ISO date (NaN when none). */
function valueOn(parsed: ParsedSource, place: PlaceRef, metric: string, iso: string): number {
  const s = parsed.series.find((x) => x.metric === metric && JSON.stringify(x.place) === JSON.stringify(place));
  if (!s) return Number.NaN;
  const i = dayNumber(iso) - s.start;
  return i >= 0 && i < s.values.length ? s.values[i] : Number.NaN;
}
const china = (province?: string, admin2?: string): PlaceRef => ({ kind: 'names', country: '中国', ...(province ? { province } : {}), ...(admin2 ? { admin2 } : {}) });

/** Independent reading of the raw CSV: plain split of lines without quotes, Beijing time as written. */
function rawRows(text: string): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, '').trim().split('\n');
  const header = lines[0].split(',');
  return lines.slice(1).filter((l) => !l.includes('"')).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
}
/** The row of the last snapshot of a Beijing day (updateTime is Beijing wall-clock time). */
function lastOfDay(rows: Record<string, string>[], iso: string, pick: (r: Record<string, string>) => boolean): Record<string, string> | undefined {
  const ms = (r: Record<string, string>) => Date.parse(`${r.updateTime.replace(' ', 'T')}Z`);
  return rows.filter((r) => r.updateTime.startsWith(iso) && pick(r)).sort((a, b) => ms(b) - ms(a))[0];
}

describe('dxy on the real DXYArea CSV (2020-02-17)', () => {
  const file = real('area', 'DXYArea_asof_2020-02-17.csv.gz');
  const parsed = parseDxy([file]);
  const rows = rawRows(file.text);

  it('reads every province and a series per city place, three metrics each', () => {
    const provinces = new Set(rows.map((r) => r.provinceName));
    const provinceSeries = parsed.series.filter((s) => s.place.kind === 'names' && !s.place.admin2);
    expect(provinceSeries).toHaveLength(3 * provinces.size);
    expect(parsed.series.length % 3).toBe(0);
    expect(parsed.series.length / 3 - provinces.size).toBeGreaterThan(400);
  });

  it('takes the last snapshot of each Beijing day, for provinces and cities', () => {
    for (const iso of ['2020-01-24', '2020-01-28', '2020-02-05', '2020-02-12', '2020-02-17']) {
      const hubei = lastOfDay(rows, iso, (r) => r.provinceName === '湖北省')!;
      expect(valueOn(parsed, china('湖北省'), 'confirmed', iso)).toBe(Number(hubei.province_confirmedCount));
      expect(valueOn(parsed, china('湖北省'), 'deaths', iso)).toBe(Number(hubei.province_deadCount));
      expect(valueOn(parsed, china('湖北省'), 'recovered', iso)).toBe(Number(hubei.province_curedCount));
      const wuhan = rows.find((r) => r.provinceName === '湖北省' && r.cityName === '武汉' && r.updateTime === hubei.updateTime)!;
      expect(valueOn(parsed, china('湖北省', '武汉'), 'confirmed', iso)).toBe(Number(wuhan.city_confirmedCount));
    }
  });

  it('dates a snapshot by its Beijing date: 07:56 on 2020-02-13 (23:56 UTC on 02-12) belongs to 2020-02-13', () => {
    const morning = rows.find((r) => r.provinceName === '湖北省' && r.updateTime === '2020-02-13 07:56:07.914')!;
    expect(morning.province_confirmedCount).toBe('48206');
    const lastOf12 = lastOfDay(rows, '2020-02-12', (r) => r.provinceName === '湖北省')!;
    expect(lastOf12.province_confirmedCount).not.toBe('48206');
    expect(valueOn(parsed, china('湖北省'), 'confirmed', '2020-02-12')).toBe(Number(lastOf12.province_confirmedCount));
    expect(valueOn(parsed, china('湖北省'), 'confirmed', '2020-02-13')).toBeGreaterThanOrEqual(48206);
  });

  it('keeps one series per place across DXY’s spellings and names it as last written', () => {
    const dongcheng = parsed.series.filter((s) => s.place.kind === 'names' && s.place.province === '北京市' && /^东城/.test(s.place.admin2 ?? ''));
    expect(dongcheng.map((s) => s.place.kind === 'names' && s.place.admin2)).toEqual(['东城区', '东城区', '东城区']);
    const early = lastOfDay(rows, '2020-01-27', (r) => r.provinceName === '北京市')!;
    const row = rows.find((r) => r.updateTime === early.updateTime && r.provinceName === '北京市' && r.cityName === '东城')!;
    expect(valueOn(parsed, china('北京市', '东城区'), 'confirmed', '2020-01-27')).toBe(Number(row.city_confirmedCount));
    expect(valueOn(parsed, china('新疆维吾尔自治区', '兵团第八师石河子市'), 'confirmed', '2020-02-03')).toBe(1); // labelled 第八师 that day
  });

  it('reports the Macau self-row as not a place and the unused repeated snapshots', () => {
    expect(parsed.issues.map((i) => i.code).sort()).toEqual(['duplicate_row', 'not_a_place']);
    expect(parsed.issues.find((i) => i.code === 'duplicate_row')?.count).toBe(3);
  });
});

describe('dxy on the real JSON snapshots and DXYOverall', () => {
  const areaJson = real('area-latest', 'DXYArea_latest_2020-03-29.json');
  const area = parseDxy([areaJson]);
  const raw = JSON.parse(areaJson.text).results as Record<string, any>[];

  it('dates each row by its own epoch time in Beijing time', () => {
    const cn = raw.find((r) => r.provinceName === '中国')!;
    expect(isoFromDay(Math.floor((cn.updateTime + 8 * 3600e3) / 864e5))).toBe('2020-03-28');
    expect(valueOn(area, china(), 'confirmed', '2020-03-28')).toBe(cn.confirmedCount);
    // 1585414934149 = 2020-03-28 16:22 UTC = 2020-03-29 00:22 in Beijing
    const us = raw.find((r) => r.countryEnglishName === 'United States of America')!;
    expect(new Date(us.updateTime).toISOString().slice(0, 10)).toBe('2020-03-28');
    expect(valueOn(area, { kind: 'names', country: 'United States of America' }, 'confirmed', '2020-03-29')).toBe(us.confirmedCount);
    expect(valueOn(area, { kind: 'names', country: 'United States of America' }, 'confirmed', '2020-03-28')).toBeNaN();
  });

  it('names Hong Kong, Macau and Taiwan as countries, provinces under China, cities under provinces', () => {
    const tw = raw.find((r) => r.provinceName === '台湾')!;
    expect(valueOn(area, { kind: 'names', country: '台湾' }, 'confirmed', '2020-03-28')).toBe(tw.confirmedCount);
    const hubei = raw.find((r) => r.provinceName === '湖北省')!;
    expect(valueOn(area, china('湖北省'), 'recovered', '2020-03-28')).toBe(hubei.curedCount);
    const wuhan = hubei.cities.find((c: any) => c.cityName === '武汉');
    expect(valueOn(area, china('湖北省', '武汉'), 'deaths', '2020-03-28')).toBe(wuhan.deadCount);
    expect(valueOn(area, { kind: 'names', country: '格陵兰' }, 'confirmed', '2020-03-28')).toBe(raw.find((r) => r.countryName === '格陵兰')!.confirmedCount);
    expect(area.issues).toEqual([expect.objectContaining({ code: 'not_a_place', count: 19 })]);
  });

  it('reads DXYOverall CSV: the last national snapshot of each Beijing day', () => {
    const file = real('overall', 'DXYOverall_asof_2020-02-29.csv.gz');
    const parsed = parseDxy([file]);
    const rows = parseCsvObjects(file.text, file.name);
    for (const iso of ['2020-01-24', '2020-02-10', '2020-02-29']) {
      const last = lastOfDay(rows, iso, () => true)!;
      expect(valueOn(parsed, china(), 'confirmed', iso)).toBe(Number(last.confirmedCount));
      expect(valueOn(parsed, china(), 'deaths', iso)).toBe(Number(last.deadCount));
    }
    expect(parsed.series).toHaveLength(3);
  });

  it('reads DXYOverall JSON, dated 2020-03-29 in Beijing (18:00 UTC on 03-28)', () => {
    const file = real('overall-latest', 'DXYOverall_latest_2020-03-29.json');
    const r = JSON.parse(file.text).results[0];
    const parsed = parseDxy([file]);
    expect(valueOn(parsed, china(), 'confirmed', '2020-03-29')).toBe(r.confirmedCount);
    expect(valueOn(parsed, china(), 'recovered', '2020-03-29')).toBe(r.curedCount);
  });
});

describe('dxy on hand-made fixtures', () => {
  it('picks the last snapshot of each Beijing day and groups spellings', () => {
    const p = parseDxy([fixture('area-good.csv')]);
    expect(valueOn(p, china('湖北省'), 'confirmed', '2020-01-26')).toBe(1058);
    expect(valueOn(p, china('湖北省'), 'confirmed', '2020-01-27')).toBe(1423);
    expect(valueOn(p, china('湖北省', '武汉'), 'deaths', '2020-01-27')).toBe(63);
    expect(valueOn(p, china('北京市', '朝阳区'), 'confirmed', '2020-01-25')).toBe(14);
    expect(valueOn(p, china('北京市', '朝阳区'), 'confirmed', '2020-01-26')).toBe(20);
    expect(valueOn(p, china('北京市', '外地来京人员'), 'recovered', '2020-01-26')).toBe(1);
    expect(p.issues).toEqual([expect.objectContaining({ code: 'not_a_place', message: expect.stringContaining('境外输入') })]);
  });

  it('parses a file with a byte-order mark like one without', () => {
    expect(parseDxy([fixture('area-bom.csv')]).series).toEqual(parseDxy([fixture('area-good.csv')]).series.map((s) => ({ ...s })));
  });

  it('keeps one copy of a city listed twice with identical values (warning)', () => {
    const p = parseDxy([fixture('area-duplicate-identical.csv')]);
    expect(valueOn(p, china('湖北省', '黄冈'), 'confirmed', '2020-01-27')).toBe(246);
    expect(p.issues).toContainEqual(expect.objectContaining({ code: 'duplicate_row', severity: 'warning', line: 2 }));
  });

  it('repairs a snapshot with the previous city list merged in when the first copies add up', () => {
    const p = parseDxy([fixture('area-duplicate-repaired.csv')]);
    expect(valueOn(p, china('湖北省', '武汉'), 'confirmed', '2020-01-27')).toBe(1177);
    expect(p.issues).toEqual([expect.objectContaining({ code: 'repaired', severity: 'warning', message: expect.stringContaining('first copies') })]);
  });

  it('reads the JSON fixture: UK rows of two spellings merge by English name, each on its own day', () => {
    const p = parseDxy([fixture('area-good.json')]);
    expect(valueOn(p, { kind: 'names', country: 'United Kingdom' }, 'confirmed', '2020-02-29')).toBe(20);
    expect(valueOn(p, { kind: 'names', country: 'United Kingdom' }, 'confirmed', '2020-03-29')).toBe(17089);
    expect(valueOn(p, { kind: 'names', country: '台湾' }, 'deaths', '2020-03-28')).toBe(2);
  });

  const cases: [string, RegExp][] = [
    ['area-changed-header.csv', /area-changed-header\.csv, line 1, column "cityName": unexpected header: no column "cityName"/],
    ['area-missing-column.csv', /area-missing-column\.csv, line 1, column "updateTime": unexpected header: no column "updateTime"/],
    ['area-non-numeric.csv', /area-non-numeric\.csv, line 7, column "city_confirmedCount": not a number: "6l8"/],
    ['area-truncated.csv', /area-truncated\.csv, line 8: expected 15 fields, found 7/],
    ['area-bad-time.csv', /area-bad-time\.csv, line 4, column "updateTime": not a time: "26\/01\/2020 21:00"/],
    ['area-duplicate-conflicting.csv', /area-duplicate-conflicting\.csv, line 2: the snapshot of 湖北省 at 2020-01-27 07:10:01\.707 lists "武汉", "黄冈" twice with different values/],
    ['area-province-totals-differ.csv', /area-province-totals-differ\.csv, line 3, column "province_confirmedCount": the province totals of 湖北省 at 2020-01-27 07:10:01\.707 differ from line 2's/],
    ['area-broken.json', /area-broken\.json, line \d+: not valid JSON/],
    ['area-missing-field.json', /area-missing-field\.json, line 21, column "confirmedCount": "confirmedCount" is not a number: "67801"/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, message) => {
    expect(() => parseDxy([fixture(name)])).toThrow(SourceFormatError);
    expect(() => parseDxy([fixture(name)])).toThrow(message);
  });

  it('refuses an unknown file id', () => {
    expect(() => parseDxy([fixture('area-good.csv', 'rumors')])).toThrow(/area-good\.csv: unknown file id "rumors"/);
  });
});

describe('extra/dxy.csv agrees with the parser’s grouping of spellings', () => {
  const extras = parseCsvObjects(readFileSync(new URL('../../gazetteer/reference/extra/dxy.csv', import.meta.url), 'utf8'), 'dxy.csv');

  it('every alias of a key groups to one label, and no two keys of a province share one', () => {
    const owner = new Map<string, string>();
    for (const x of extras) {
      expect(x.key).toMatch(/^CN_[A-Z]{2}_[A-Z0-9]+(-[A-Z0-9]+)*$/);
      expect(x.parent).toBe(x.key.split('_').slice(0, 2).join('_'));
      expect(x.level).toBe('county');
      expect(x.note).not.toBe('');
      const groups = new Set(x.aliases.split(';').map(cityGroupKey));
      expect(groups.size, `${x.key}: ${x.aliases}`).toBe(1);
      const id = `${x.parent}|${[...groups][0]}`;
      expect(owner.get(id), `${x.key} and ${owner.get(id)}`).toBeUndefined();
      owner.set(id, x.key);
    }
    expect(extras.length).toBeGreaterThan(450);
  });
});

describe('dxy ingested from the real mirror', async () => {
  const { t, runs } = await ingestConnectors([dxy]);
  afterAll(() => t.drop());
  const run = runs.find((r) => r.sourceId === 'dxy')!;
  const stored = async (key: string, metric: string, iso: string) => {
    const [ref] = await findSeries(t.db, [key], [metric], 'dxy');
    expect(ref, `${key} ${metric}`).toBeDefined();
    const p = (await readPoints(t.db, [ref], null)).get(ref.seriesId)!;
    return p.values[p.days.indexOf(dayNumber(iso))];
  };
  const areaRows = rawRows(real('area', 'DXYArea_asof_2020-02-17.csv.gz').text);
  const json = JSON.parse(real('area-latest', 'DXYArea_latest_2020-03-29.json').text).results as Record<string, any>[];

  it('succeeds; the only unmatched rows are the five documented stale or non-country entries', () => {
    expect(run.status, run.error ?? '').toBe('succeeded');
    const unmatched = [...new Set(run.issues.filter((i) => i.code === 'unmatched_location').map((i) => i.message.split(' matches')[0]))];
    expect(unmatched.sort()).toEqual(['"Grand Princess"', '"Northern Ireland"', '"Reunion Island"', '"United Kingdom of Great Britain and Ireland"', '"圣巴泰勒米岛"']);
    expect(run.unmatched).toBe(15);
    expect(run.vintages.map((v) => v.issue)).toEqual(['2020-02-17', '2020-02-29', '2020-03-29']);
  });

  it('stores provinces, cities, pseudo-cities and countries on their keys', async () => {
    const hubei = lastOfDay(areaRows, '2020-02-10', (r) => r.provinceName === '湖北省')!;
    expect(await stored('CN_HB', 'confirmed', '2020-02-10')).toBe(Number(hubei.province_confirmedCount));
    const wuhan = areaRows.find((r) => r.updateTime === hubei.updateTime && r.cityName === '武汉')!;
    expect(await stored('CN_HB_WUHAN', 'deaths', '2020-02-10')).toBe(Number(wuhan.city_deadCount));
    const bj = lastOfDay(areaRows, '2020-02-15', (r) => r.provinceName === '北京市')!;
    const out = areaRows.find((r) => r.updateTime === bj.updateTime && r.provinceName === '北京市' && r.cityName === '外地来京人员')!;
    expect(await stored('CN_BJ_OUT', 'confirmed', '2020-02-15')).toBe(Number(out.city_confirmedCount));
    expect(await stored('TW', 'confirmed', '2020-03-28')).toBe(json.find((r) => r.provinceName === '台湾')!.confirmedCount);
    expect(await stored('CN_HK', 'deaths', '2020-03-28')).toBe(json.find((r) => r.provinceName === '香港')!.deadCount);
    expect(await stored('KR', 'confirmed', '2020-03-28')).toBe(json.find((r) => r.countryName === '韩国')!.confirmedCount);
    expect(await stored('GB', 'confirmed', '2020-02-29')).toBe(20);
  });

  it('stores the national total from DXYOverall, replacing the area file’s derived sum', async () => {
    const overall = parseCsvObjects(real('overall', 'DXYOverall_asof_2020-02-29.csv.gz').text, 'o');
    expect(await stored('CN', 'confirmed', '2020-02-10')).toBe(Number(lastOfDay(overall, '2020-02-10', () => true)!.confirmedCount));
    // 2020-02-18..29 are only in DXYOverall: reported values, no derived sum under them.
    expect(await stored('CN', 'deaths', '2020-02-29')).toBe(Number(lastOfDay(overall, '2020-02-29', () => true)!.deadCount));
  });
});
