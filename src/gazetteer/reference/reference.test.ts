/**
 * Checks the hand-made gazetteer reference tables (subdivisions.csv, countries.csv,
 * aliases.csv) against ISO 3166 (iso-3166 package) and the JHU UID lookup table.
 * See README.md in this folder for the rules being checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { iso31661, iso31662 } from 'iso-3166';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../domain/location.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const dataDir = process.env.GLACIER_SHARED_DATA ?? path.resolve(repoRoot, '../shared/data');
const uidPath = path.join(dataDir, 'jhu/UID_ISO_FIPS_LookUp_Table.csv');
const finalSeriesPath = path.join(dataDir, 'jhu/time_series/time_series_covid19_confirmed_global.csv.gz');
const haveData = existsSync(uidPath);

const SEGMENT = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
const COUNTY_KEY = /^US_([A-Z]{2})_(\d{5})$/;

/** Minimal RFC 4180 reader: quoted fields, "" escapes, commas and line breaks inside quotes, CRLF or LF. */
function parseCsv(text: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      // CRLF: handled on the \n
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
    i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readTable(file: string, expectedHeader?: string[]): Record<string, string>[] {
  const buf = readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  const [header, ...body] = parseCsv(text);
  if (expectedHeader) expect(header, `${path.basename(file)} header`).toEqual(expectedHeader);
  return body.map((cells, n) => {
    if (cells.length !== header.length) {
      throw new Error(`${path.basename(file)} row ${n + 2}: ${cells.length} fields, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((h, j) => [h, cells[j]]));
  });
}

const ref = (name: string) => path.join(here, name);
const subdivisions = readTable(ref('subdivisions.csv'), ['country', 'province_state', 'code', 'kind', 'note']);
const countries = readTable(ref('countries.csv'), ['country_region', 'key', 'note']);
const aliases = readTable(ref('aliases.csv'), ['key', 'alias', 'origin']);

const iso2Codes = new Set(iso31662.map((s) => s.code));
const iso1Codes = new Set(iso31661.map((c) => c.alpha2));
const subKey = (s: Record<string, string>) => `${s.country}_${s.code}`;
const ORIGINS = new Set([
  'jhu-archived', 'jhu-daily', 'jhu-daily-us', 'jhu-ts', 'jhu-ts-legacy',
  'datahub', 'who', 'who-sitrep', 'ecdc', 'owid',
]);

describe('reference CSV files', () => {
  it.each(['subdivisions.csv', 'countries.csv', 'aliases.csv'])('%s is UTF-8 without BOM, all fields trimmed', (name) => {
    const buf = readFileSync(ref(name));
    expect(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf).toBe(false);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(buf)).not.toThrow();
    for (const row of readTable(ref(name))) {
      for (const [col, v] of Object.entries(row)) {
        expect(v, `${name} ${col} ${JSON.stringify(v)}`).toBe(v.trim());
      }
    }
  });
});

describe('subdivisions.csv (data-independent rules)', () => {
  it('has only kinds iso/special, a country that is an ISO alpha-2 and segments matching the pattern', () => {
    for (const s of subdivisions) {
      expect(['iso', 'special'], `${subKey(s)} kind`).toContain(s.kind);
      expect(iso1Codes.has(s.country), `${s.country} is ISO 3166-1`).toBe(true);
      expect(s.code, `${s.country} ${s.province_state}`).toMatch(SEGMENT);
      expect(s.province_state, subKey(s)).not.toBe('');
    }
  });

  it('every iso row exists in ISO 3166-2 (iso-3166 package)', () => {
    const missing = subdivisions.filter((s) => s.kind === 'iso' && !iso2Codes.has(`${s.country}-${s.code}`));
    expect(missing.map(subKey)).toEqual([]);
  });

  it('special codes are not ISO 3166-2 codes of the same country and always carry a note', () => {
    for (const s of subdivisions.filter((x) => x.kind === 'special')) {
      expect(iso2Codes.has(`${s.country}-${s.code}`), subKey(s)).toBe(false);
      expect(s.note, `${subKey(s)} note`).not.toBe('');
    }
  });

  it('codes and province spellings are unique per country', () => {
    const keys = subdivisions.map(subKey);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const names = subdivisions.map((s) => `${s.country}|${s.province_state}`);
    expect(names.filter((k, i) => names.indexOf(k) !== i)).toEqual([]);
  });

  it('keeps Hong Kong, Macau and the US territories as subdivisions', () => {
    const keys = new Set(subdivisions.map(subKey));
    for (const k of ['CN_HK', 'CN_MO', 'US_AS', 'US_GU', 'US_MP', 'US_PR', 'US_VI']) expect(keys.has(k), k).toBe(true);
  });
});

describe('countries.csv (data-independent rules)', () => {
  it('keys are single segments, unique, and not assigned ISO 3166-1 codes', () => {
    const keys = countries.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of countries) {
      expect(c.key).toMatch(SEGMENT);
      expect(iso1Codes.has(c.key), c.key).toBe(false);
      expect(c.note, c.key).not.toBe('');
    }
    expect(countries.find((c) => c.country_region === 'Kosovo')?.key).toBe('XK');
  });
});

describe('aliases.csv (data-independent rules)', () => {
  it('every key is made of valid segments and every origin is known', () => {
    for (const a of aliases) {
      for (const seg of a.key.split('_')) expect(seg, a.key).toMatch(SEGMENT);
      expect(a.key.split('_').length).toBeLessThanOrEqual(3);
      for (const o of a.origin.split(';')) expect(ORIGINS.has(o), `${a.alias}: origin ${o}`).toBe(true);
      expect(a.alias).not.toBe('');
    }
  });

  it('no alias maps to two different keys (exactly or after foldText)', () => {
    const byExact = new Map<string, Set<string>>();
    const byFold = new Map<string, Set<string>>();
    for (const a of aliases) {
      (byExact.get(a.alias) ?? byExact.set(a.alias, new Set()).get(a.alias)!).add(a.key);
      const f = foldText(a.alias);
      (byFold.get(f) ?? byFold.set(f, new Set()).get(f)!).add(a.key);
    }
    const clash = (m: Map<string, Set<string>>) => [...m].filter(([, ks]) => ks.size > 1).map(([a, ks]) => `${a} -> ${[...ks]}`);
    expect(clash(byExact)).toEqual([]);
    expect(clash(byFold)).toEqual([]);
    expect(aliases.length).toBe(byExact.size);
  });
});

describe.skipIf(!haveData)('reference tables against the JHU UID table', () => {
  const uid = haveData ? readTable(uidPath) : [];
  const countryRows = uid.filter((r) => r.Province_State === '' && r.Admin2 === '');
  const iso2OfCountry = new Map(countryRows.map((r) => [r.Country_Region, r.iso2]));
  const specialCountryKey = new Map(countries.map((c) => [c.country_region, c.key]));
  const countryKeyOf = (cr: string) => iso2OfCountry.get(cr) || specialCountryKey.get(cr);

  // Territory rule: a Province_State row with its own iso2 is a country-level location,
  // except Hong Kong / Macau (China) and the US territories, which stay subdivisions.
  const KEPT_AS_SUBDIVISION = new Set(['CN|HK', 'CN|MO', 'US|AS', 'US|GU', 'US|MP', 'US|PR', 'US|VI']);
  const provinceRows = uid.filter((r) => r.Province_State !== '' && r.Admin2 === '');
  const isTerritory = (r: Record<string, string>) => {
    const parent = iso2OfCountry.get(r.Country_Region) ?? '';
    return r.iso2 !== parent && !KEPT_AS_SUBDIVISION.has(`${parent}|${r.iso2}`);
  };
  const qualifying = provinceRows.filter((r) => !isTerritory(r));
  const territoryIso2 = new Set(provinceRows.filter(isTerritory).map((r) => r.iso2));

  it('every Country_Region has exactly one country-level row', () => {
    const names = new Set(uid.map((r) => r.Country_Region));
    for (const n of names) expect(countryRows.filter((r) => r.Country_Region === n).length, n).toBe(1);
  });

  it('countries.csv lists exactly the Country_Regions whose iso2 is empty or not an assigned ISO 3166-1 code', () => {
    const expected = countryRows.filter((r) => !iso1Codes.has(r.iso2)).map((r) => r.Country_Region).sort();
    expect(countries.map((c) => c.country_region).sort()).toEqual(expected);
    for (const c of countries) {
      const iso2 = iso2OfCountry.get(c.country_region);
      if (iso2) expect(c.key, c.country_region).toBe(iso2);
    }
  });

  it('every qualifying UID row has exactly one subdivisions.csv row with the right country', () => {
    const problems: string[] = [];
    for (const r of qualifying) {
      const country = iso2OfCountry.get(r.Country_Region);
      const hits = subdivisions.filter((s) => s.province_state === r.Province_State && s.country === country);
      if (hits.length !== 1) problems.push(`${r.Country_Region} / ${r.Province_State}: ${hits.length} rows`);
    }
    expect(problems).toEqual([]);
  });

  it('has no extra rows, except rows of the final JHU time series that the UID table lacks (flagged in note)', () => {
    const uidPairs = new Set(qualifying.map((r) => `${iso2OfCountry.get(r.Country_Region)}|${r.Province_State}`));
    const extra = subdivisions.filter((s) => !uidPairs.has(`${s.country}|${s.province_state}`));
    let seriesPairs = new Set<string>();
    if (extra.length > 0) {
      expect(existsSync(finalSeriesPath), finalSeriesPath).toBe(true);
      seriesPairs = new Set(
        readTable(finalSeriesPath).map((r) => `${iso2OfCountry.get(r['Country/Region'])}|${r['Province/State']}`),
      );
    }
    for (const s of extra) {
      expect(seriesPairs.has(`${s.country}|${s.province_state}`), `${subKey(s)} not in UID table nor final series`).toBe(true);
      expect(s.note, subKey(s)).toMatch(/Not in the UID table/);
    }
    expect(extra.length).toBeLessThanOrEqual(1);
  });

  it('no territory keyed as its own country appears in subdivisions.csv', () => {
    const listed = new Set(subdivisions.map((s) => `${s.country}|${s.province_state}`));
    const bad = provinceRows
      .filter(isTerritory)
      .filter((r) => listed.has(`${iso2OfCountry.get(r.Country_Region)}|${r.Province_State}`));
    expect(bad.map((r) => `${r.Country_Region} / ${r.Province_State} (${r.iso2})`)).toEqual([]);
  });

  it('US states use the postal code and the kept territories are kind iso', () => {
    for (const s of subdivisions.filter((x) => x.country === 'US' && x.kind === 'iso')) {
      const name = iso31662.find((i) => i.code === `US-${s.code}`)?.name;
      expect(name, s.province_state).toBeDefined();
    }
    for (const k of ['CN_HK', 'CN_MO', 'US_AS', 'US_GU', 'US_MP', 'US_PR', 'US_VI']) {
      expect(subdivisions.find((s) => subKey(s) === k)?.kind, k).toBe('iso');
    }
  });

  it('every alias key exists: a UID alpha-2, a countries.csv key, a subdivision key or a US county FIPS key', () => {
    const uidIso2 = new Set([...countryRows.map((r) => r.iso2), ...territoryIso2].filter((c) => c !== ''));
    const countryKeys = new Set(countries.map((c) => c.key));
    const subKeys = new Set(subdivisions.map(subKey));
    const stateOf = new Map(subdivisions.filter((s) => s.country === 'US').map((s) => [s.province_state, s.code]));
    const countyKeys = new Set(
      uid
        .filter((r) => r.Country_Region === 'US' && r.Admin2 !== '' && /^\d+(\.0)?$/.test(r.FIPS))
        .map((r) => `US_${stateOf.get(r.Province_State)}_${String(parseInt(r.FIPS, 10)).padStart(5, '0')}`),
    );
    const bad = aliases.filter((a) => {
      const m = COUNTY_KEY.exec(a.key);
      if (m) return !countyKeys.has(a.key);
      return !(uidIso2.has(a.key) || countryKeys.has(a.key) || subKeys.has(a.key));
    });
    expect(bad.map((a) => `${a.alias} -> ${a.key}`)).toEqual([]);
  });

  it("no alias repeats its key's own UID name or (after foldText) names a different key in the UID table", () => {
    const ownNames = new Map<string, Set<string>>();
    const addName = (k: string | undefined, n: string) => {
      if (!k) return;
      (ownNames.get(k) ?? ownNames.set(k, new Set()).get(k)!).add(n);
    };
    for (const r of countryRows) addName(countryKeyOf(r.Country_Region), r.Country_Region);
    for (const s of subdivisions) addName(subKey(s), s.province_state);
    for (const r of provinceRows.filter(isTerritory)) addName(r.iso2, r.Province_State);
    const foldedNameToKeys = new Map<string, Set<string>>();
    for (const [k, ns] of ownNames) {
      for (const n of ns) {
        const f = foldText(n);
        (foldedNameToKeys.get(f) ?? foldedNameToKeys.set(f, new Set()).get(f)!).add(k);
      }
    }
    const problems: string[] = [];
    for (const a of aliases) {
      if (ownNames.get(a.key)?.has(a.alias)) problems.push(`${a.alias} is already the UID name of ${a.key}`);
      const others = [...(foldedNameToKeys.get(foldText(a.alias)) ?? [])].filter((k) => k !== a.key);
      if (others.length > 0) problems.push(`${a.alias} -> ${a.key} but is the UID name of ${others.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
