import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dxyChinaAreas } from '../../test/dxy-areas.js';
import { dataPath } from '../../test/shared-data.js';
import { isLocationKey, parentOfKey } from '../domain/location.js';
import { parseJhuGlobal } from '../sources/jhu-global/parse.js';
import { parseJhuUs } from '../sources/jhu-us/parse.js';
import { resolvePlace } from '../ingest/normalize.js';
import { buildLocations } from './build.js';
import { Gazetteer } from './gazetteer.js';
import { loadGazetteerReference } from './reference.js';
import { parseUidTable } from './uid-table.js';

const uidText = readFileSync(dataPath('jhu/UID_ISO_FIPS_LookUp_Table.csv'), 'utf8');
const rows = parseUidTable(uidText, 'UID_ISO_FIPS_LookUp_Table.csv');
const built = buildLocations(rows, await loadGazetteerReference());
const gaz = new Gazetteer(built.locations, built.byJhuUid);
const gz = (p: string) => gunzipSync(readFileSync(dataPath(p))).toString('utf8');

const dxyAreas = dxyChinaAreas();

describe('gazetteer built from the JHU lookup table', () => {
  it('keys every row of the lookup table', () => {
    expect(built.problems).toEqual([]);
    expect(rows).toHaveLength(uidText.trim().split('\n').length - 1);
    for (const r of rows) expect(built.byJhuUid.has(r.uid), `UID ${r.uid} ${r.combinedKey}`).toBe(true);
  });

  it('gives every location a well-formed key whose parent exists and matches the key prefix', () => {
    for (const l of built.locations) {
      expect(isLocationKey(l.key), l.key).toBe(true);
      expect(l.parent).toBe(parentOfKey(l.key));
      if (l.parent) expect(gaz.get(l.parent), `parent of ${l.key}`).toBeDefined();
    }
  });

  it('follows the key scheme on known places', () => {
    const key = (country: string, province = '', admin2 = '') => gaz.resolve(country, province, admin2);
    expect(key('France')).toBe('FR');
    expect(key('China', 'Hubei')).toBe('CN_HB');
    expect(key('Australia', 'New South Wales')).toBe('AU_NSW');
    expect(key('Canada', 'Ontario')).toBe('CA_ON');
    expect(key('US', 'California')).toBe('US_CA');
    expect(key('US', 'California', 'Los Angeles')).toBe('US_CA_06037');
    expect(key('China', 'Hong Kong')).toBe('CN_HK');
    expect(key('United Kingdom', 'Anguilla')).toBe('AI');
    expect(key('Kosovo')).toBe('XK');
    expect(key('Diamond Princess')).toBe('SHIP-DIAMOND-PRINCESS');
    expect(key('Summer Olympics 2020')).toBe('EVENT-SUMMER-OLYMPICS-2020');
    expect(gaz.keyForJhuUid(84080006)).toBe('US_CA_OUT');
    expect(gaz.keyForJhuUid(84090006)).toBe('US_CA_UNASSIGNED');
    expect(gaz.keyForJhuUid(84070003)).toBe('US_MO_KANSAS-CITY');
  });

  it('resolves JHU’s odd and renamed spellings, whatever the case and accents', () => {
    expect(gaz.resolve('Korea, South')).toBe('KR');
    expect(gaz.resolve('Taiwan*')).toBe('TW');
    expect(gaz.resolve('Burma')).toBe('MM');
    expect(gaz.resolve('Czechia')).toBe(gaz.resolve('Czech Republic'));
    expect(gaz.resolve('Mainland China')).toBe('CN');
    expect(gaz.resolve("CÔTE D'IVOIRE")).toBe('CI');
    expect(gaz.resolve('Hong Kong')).toBe('CN_HK');
    expect(gaz.resolve('Puerto Rico')).toBe('US_PR');
    expect(gaz.get('KR')?.name).toBe('South Korea');
    expect(gaz.get('PW')?.iso_numeric).toBe('585'); // JHU's code3 says 8
  });

  it('never resolves an unknown or ambiguous name', () => {
    expect(gaz.resolve('Atlantis')).toBeUndefined();
    expect(gaz.resolve('China', 'Atlantis')).toBeUndefined();
    // "Georgia" alone is the country; the US state only under US.
    expect(gaz.resolve('Georgia')).toBe('GE');
    expect(gaz.resolve('US', 'Georgia')).toBe('US_GA');
  });

  it('matches every row of the JHU global and US time series', () => {
    const global = parseJhuGlobal(['confirmed', 'deaths', 'recovered'].map((m) => ({ fileId: m, name: m, text: gz(`jhu/time_series/time_series_covid19_${m}_global.csv.gz`) })));
    const unmatchedGlobal = global.series.filter((s) => !resolvePlace(s.place, gaz)).map((s) => s.place);
    expect(unmatchedGlobal).toEqual([]);
    const us = parseJhuUs([
      { fileId: 'confirmed', name: 'c', text: gz('jhu/time_series_us/time_series_covid19_confirmed_US_asof_2020-12-31.csv.gz') },
      { fileId: 'deaths', name: 'd', text: gz('jhu/time_series_us/time_series_covid19_deaths_US_asof_2021-04-22.csv.gz') },
    ]);
    expect(us.series.filter((s) => !resolvePlace(s.place, gaz)).map((s) => s.place)).toEqual([]);
  });

  it('names countries and territories in Chinese as CLDR does, and US states not at all', () => {
    const region = new Intl.DisplayNames(['zh-Hans-CN'], { type: 'region' });
    const countryRows = rows.filter((r) => r.province === '' && r.admin2 === '' && /^[A-Z]{2}$/.test(r.iso2));
    expect(countryRows.length).toBeGreaterThan(150);
    for (const r of countryRows) expect(gaz.get(r.iso2)?.name_zh, r.iso2).toBe(region.of(r.iso2));
    const short = new Intl.DisplayNames(['zh-Hans-CN'], { type: 'region', style: 'short' });
    expect(gaz.get('CN_HK')?.name_zh).toBe(short.of('HK'));
    expect(gaz.get('CN_MO')?.name_zh).toBe(short.of('MO'));
    for (const key of ['SHIP-DIAMOND-PRINCESS', 'EVENT-SUMMER-OLYMPICS-2020', 'CN_UNKNOWN', 'US_CA', 'US_CA_06037', 'US_CA_UNASSIGNED']) expect(gaz.get(key)!.name_zh, key).toBeNull();
  });

  it('names China’s provinces as DXY’s map did (provinceShortName)', () => {
    expect(dxyAreas.length).toBeGreaterThanOrEqual(34);
    for (const a of dxyAreas) {
      const key = gaz.resolve('China', a.provinceEnglishName) ?? gaz.resolve(a.provinceEnglishName);
      expect(key, a.provinceEnglishName).toBeDefined();
      expect(gaz.get(key!)?.name_zh, key).toBe(a.provinceShortName);
    }
  });

  it('names China’s cities with a spelling DXY used for them, one place per name', () => {
    // Every (province, city) spelling of DXY's area files: the 2020-02-17 CSV (no field before
    // cityName is quoted) and the 2020-03-29 snapshot.
    const csv = gz('china/dxy/DXYArea_asof_2020-02-17.csv.gz').split(/\r?\n/).slice(1).filter((l) => l).map((l) => l.split(','));
    const pairs = [...csv.map((f) => [f[1], f[3]]), ...dxyAreas.flatMap((a) => (a.cities ?? []).map((c) => [a.provinceEnglishName, c.cityName]))];
    const spellings = new Map<string, Set<string>>();
    for (const [province, city] of new Map(pairs.map(([p, c]) => [`${p}|${c}`, [p, c]])).values()) {
      const key = gaz.child(gaz.resolve('China', province) ?? gaz.resolve(province) ?? '', city);
      if (key) spellings.set(key, new Set([...(spellings.get(key) ?? []), city]));
    }
    const mismatches: string[] = [];
    let checked = 0;
    for (const [key, seen] of spellings) {
      const loc = gaz.get(key)!;
      if (!loc.name_zh) continue;
      // DXY's spelling or the part of it that names the place (武汉 in 武汉市, 石河子 in 兵团第八师石河子市).
      if (![...seen].some((s) => s.includes(loc.name_zh!)) || gaz.child(loc.parent!, loc.name_zh) !== key) mismatches.push(`${key}: ${loc.name_zh} vs DXY ${[...seen].join('/')}`);
      checked++;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(300);
    const named = built.locations.filter((l) => l.key.startsWith('CN_') && l.name_zh);
    expect(new Set(named.map((l) => l.name_zh)).size).toBe(named.length);
    expect(gaz.get(gaz.child('CN_HB', 'Wuhan')!)?.name_zh).toBe(dxyAreas.find((a) => a.provinceEnglishName === 'Hubei')!.cities!.find((c) => c.cityName.startsWith('武汉'))!.cityName);
  });
});
