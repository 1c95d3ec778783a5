import { iso31661, iso31662 } from 'iso-3166';
import { foldText, slugSegment, type Location } from '../domain/location.js';
import { chineseNames } from './chinese-names.js';
import type { GazetteerReference } from './reference.js';
import type { UidRow } from './uid-table.js';

export interface BuiltGazetteer {
  locations: Location[];
  /** JHU UID → key, for sources that carry JHU's UID. */
  byJhuUid: Map<number, string>;
  /** Rows of the lookup table the rules could not key (reported, never guessed). */
  problems: string[];
}

const ISO_COUNTRY = new Map(iso31661.map((c) => [c.alpha2, c]));
const ISO_SUBDIVISION = new Map(iso31662.map((s) => [s.code, s]));

/**
 * Keys every row of JHU's UID lookup table (docs/data-model.md, "Key scheme"):
 * - a country row (no province) is keyed by its ISO alpha-2, or by countries.csv for the
 *   places without one (ships, Olympic Games);
 * - a province row is a subdivision when subdivisions.csv lists it (CC_CODE), else, when it
 *   carries its own alpha-2 (Anguilla under the United Kingdom), a country of its own;
 * - a US county is STATE_FIPS; JHU's "Unassigned" and "Out of XX" rows and areas without a
 *   FIPS code get word keys (US_UT_BEAR-RIVER).
 */
export function buildLocations(rows: UidRow[], ref: GazetteerReference): BuiltGazetteer {
  const problems: string[] = [];
  const specialCountry = new Map(ref.countries.map((c) => [c.country_region, c]));
  const subdivision = new Map(ref.subdivisions.map((s) => [`${s.country}|${s.province_state}`, s]));
  const displayName = new Map(ref.displayNames.map((d) => [d.key, d.name]));

  const countryKey = new Map<string, string>();
  for (const r of rows) {
    if (r.province !== '' || r.admin2 !== '') continue;
    const key = specialCountry.get(r.country)?.key ?? r.iso2;
    if (key) countryKey.set(r.country, key);
    else problems.push(`line ${r.line}: country ${JSON.stringify(r.country)} has no ISO code and no entry in countries.csv`);
  }

  const byKey = new Map<string, Location>();
  const byJhuUid = new Map<number, string>();

  const add = (loc: Location, row: UidRow) => {
    const existing = byKey.get(loc.key);
    if (existing) {
      existing.aliases.push(...loc.aliases);
      problems.push(`line ${row.line}: ${JSON.stringify(row.combinedKey)} maps to ${loc.key}, already used by UID ${existing.jhu_uid}; kept as an alias`);
    } else {
      byKey.set(loc.key, loc);
    }
    byJhuUid.set(row.uid, loc.key);
  };

  for (const r of rows) {
    const cc = countryKey.get(r.country);
    if (!cc) {
      if (r.province !== '' || r.admin2 !== '') problems.push(`line ${r.line}: ${JSON.stringify(r.combinedKey)}: its country has no key`);
      continue;
    }
    const base = {
      aliases: [r.combinedKey],
      jhu_uid: r.uid,
      lat: r.lat === 0 && r.lon === 0 ? null : r.lat,
      lon: r.lat === 0 && r.lon === 0 ? null : r.lon,
      population: r.population,
      name_zh: null,
      note: null as string | null,
    };
    if (r.province === '' && r.admin2 === '') {
      add(countryLocation(cc, r, displayName.get(cc) ?? r.country, base, specialCountry.get(r.country)?.note), r);
      continue;
    }
    const sub = subdivision.get(`${cc}|${r.province}`);
    if (r.admin2 === '') {
      if (sub) {
        const key = `${cc}_${sub.code}`;
        const iso = ISO_SUBDIVISION.get(`${cc}-${sub.code}`);
        add(
          {
            ...base,
            key,
            level: 'subdivision',
            parent: cc,
            name: displayName.get(key) ?? r.province,
            aliases: [...base.aliases, r.province, ...(sub.kind === 'iso' ? [`${cc}-${sub.code}`, sub.code] : []), ...(iso ? [iso.name] : []), ...(r.iso2 && r.iso2 !== cc ? [r.iso2, r.iso3] : [])],
            iso_alpha2: r.iso2 && r.iso2 !== cc ? r.iso2 : null,
            iso_alpha3: r.iso2 && r.iso2 !== cc ? r.iso3 : null,
            iso_numeric: r.iso2 && r.iso2 !== cc ? r.code3.padStart(3, '0') : null,
            fips: cc === 'US' && /^\d{2}$/.test(r.fips) ? r.fips : null,
            note: sub.note || null,
          },
          r,
        );
      } else if (r.iso2 && r.iso2 !== cc) {
        add(
          countryLocation(r.iso2, r, displayName.get(r.iso2) ?? r.province, { ...base, aliases: [...base.aliases, r.province] }, `Filed by JHU under ${r.country}; a country-level place with its own ISO code.`),
          r,
        );
      } else {
        problems.push(`line ${r.line}: no subdivisions.csv entry for ${JSON.stringify(r.province)} in ${cc}`);
      }
      continue;
    }
    if (!sub) {
      problems.push(`line ${r.line}: county ${JSON.stringify(r.combinedKey)} lies in a subdivision with no key`);
      continue;
    }
    const stateKey = `${cc}_${sub.code}`;
    const key = `${stateKey}_${countySegment(r)}`;
    add(
      {
        ...base,
        key,
        level: 'county',
        parent: stateKey,
        name: r.admin2,
        aliases: [...base.aliases, `${r.admin2}, ${r.province}`, ...(/^\d{5}$/.test(r.fips) ? [r.fips] : [])],
        iso_alpha2: null,
        iso_alpha3: null,
        iso_numeric: null,
        fips: /^\d{5}$/.test(r.fips) ? r.fips : null,
        note: countyNote(r),
      },
      r,
    );
  }

  // Reference subdivisions the lookup table lacks (JHU rows it never listed).
  for (const sub of ref.subdivisions) {
    const key = `${sub.country}_${sub.code}`;
    if (byKey.has(key) || !byKey.has(sub.country)) continue;
    byKey.set(key, {
      key, level: 'subdivision', parent: sub.country, name: sub.province_state, aliases: [`${sub.province_state}, ${byKey.get(sub.country)!.name}`],
      iso_alpha2: null, iso_alpha3: null, iso_numeric: null, fips: null, jhu_uid: null, lat: null, lon: null, population: null, name_zh: null, note: sub.note || null,
    });
  }

  for (const x of ref.extras) {
    if (byKey.has(x.key)) {
      problems.push(`extra location ${x.key} already exists`);
      continue;
    }
    if (!byKey.has(x.parent) && x.parent !== '') {
      problems.push(`extra location ${x.key}: parent ${x.parent} does not exist`);
      continue;
    }
    byKey.set(x.key, {
      key: x.key, level: x.level as Location['level'], parent: x.parent || null, name: x.name,
      aliases: x.aliases ? x.aliases.split(';').map((a) => a.trim()).filter((a) => a) : [],
      iso_alpha2: null, iso_alpha3: null, iso_numeric: null, fips: null, jhu_uid: null, lat: null, lon: null, population: null, name_zh: null, note: x.note || null,
    });
  }

  for (const a of ref.aliases) {
    const loc = byKey.get(a.key);
    if (loc) loc.aliases.push(a.alias);
    else problems.push(`aliases.csv: ${JSON.stringify(a.alias)} points to unknown key ${a.key}`);
  }
  const locations = [...byKey.values()];
  for (const loc of locations) loc.aliases = dedupeAliases(loc);
  const zh = chineseNames(locations);
  for (const loc of locations) loc.name_zh = zh.get(loc.key) ?? null;
  return { locations, byJhuUid, problems };
}

function countryLocation(
  key: string,
  r: UidRow,
  name: string,
  base: Pick<Location, 'aliases' | 'jhu_uid' | 'lat' | 'lon' | 'population' | 'name_zh'>,
  note: string | undefined,
): Location {
  const iso = ISO_COUNTRY.get(key);
  return {
    ...base,
    key,
    level: 'country',
    parent: null,
    name,
    aliases: [...base.aliases, ...(r.province === '' ? [r.country] : []), ...(iso ? [iso.name, iso.alpha3] : []), ...(r.iso3 ? [r.iso3] : [])],
    iso_alpha2: r.iso2 || null,
    iso_alpha3: iso?.alpha3 ?? (r.iso3 || null),
    // ISO's own numeric code first: JHU's code3 has errors (Palau is 8, Albania's code).
    iso_numeric: iso?.numeric ?? (r.code3 ? r.code3.padStart(3, '0') : null),
    fips: null,
    note: note || null,
  };
}

/** Five-digit FIPS, except JHU's bookkeeping rows, which have FIPS-like numbers that are not counties. */
function countySegment(r: UidRow): string {
  if (r.admin2 === 'Unassigned') return 'UNASSIGNED';
  if (/^Out of /.test(r.admin2)) return 'OUT';
  if (/^\d{5}$/.test(r.fips) && !/^(80|88|90|99)/.test(r.fips)) return r.fips;
  return slugSegment(r.admin2);
}

function countyNote(r: UidRow): string | null {
  if (r.admin2 === 'Unassigned') return 'Cases the state could not assign to a county (JHU "Unassigned").';
  if (/^Out of /.test(r.admin2)) return 'Cases of out-of-state residents (JHU "Out of XX").';
  if (!/^\d{5}$/.test(r.fips)) return 'Reporting area without a county FIPS code (JHU UID ' + r.uid + ').';
  return null;
}

function dedupeAliases(loc: Location): string[] {
  const seen = new Set([foldText(loc.name), foldText(loc.key)]);
  const out: string[] = [];
  for (const a of loc.aliases) {
    const f = foldText(a);
    if (a && !seen.has(f)) {
      seen.add(f);
      out.push(a);
    }
  }
  return out;
}
