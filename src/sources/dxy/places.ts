import type { PlaceRef } from '../../domain/series.js';

/** DXY's (and the NHC's) own name for China; an alias of CN (gazetteer/reference/aliases/dxy.csv). */
export const CHINA = '中国';

/**
 * A Chinese province-level name as DXY writes it. Provinces, municipalities and autonomous
 * regions end in 省, 市 or 自治区 and are named under China; anything else (香港, 澳门, 台湾, or a
 * foreign country in a mixed list) is named as a country: Hong Kong and Macau resolve to their
 * ISO-coded subdivisions CN_HK and CN_MO by their own names, Taiwan to the country TW. This is
 * a rule on the administrative suffix, not a place table: the names resolve through the aliases.
 */
export function provincePlace(name: string): PlaceRef {
  return isMainlandProvinceName(name) ? { kind: 'names', country: CHINA, province: name } : { kind: 'names', country: name };
}

export function isMainlandProvinceName(name: string): boolean {
  return /(省|市|自治区)$/.test(name.trim());
}

/** A city-level row (prefecture, municipal district, pseudo-city) of a DXY province. */
export function cityPlace(province: string, label: string): PlaceRef {
  return { kind: 'names', country: CHINA, province, admin2: label };
}

/** What a DXY city label stands for, after grouping the spellings DXY used for one place. */
export type CityGroup = { kind: 'place'; group: string } | { kind: 'imported' } | { kind: 'unassigned' } | { kind: 'out' };

/** Administrative suffixes DXY sometimes writes and sometimes drops (武汉/武汉市, 东城/东城区, 大理/大理州). */
const SUFFIXES = ['自治州', '地区', '新区', '林区', '管委会', '市', '区', '县', '州', '盟'];

/**
 * DXY relabelled a few units from one day to the next with names that share no suffix rule:
 * the Xinjiang Production and Construction Corps divisions, named by division, by seat city or
 * by both, and Manzhouli with or without its prefecture. Each entry maps a grouped label to the
 * grouped label of the same unit (documented in the notes of extra/dxy.csv; the parse test
 * checks that every alias of an extra location groups to one label).
 */
const RELABELLED: Record<string, string> = {
  第八师: '第八师石河子',
  石河子: '第八师石河子',
  第六师: '第六师五家渠',
  五家渠: '第六师五家渠',
  胡杨河: '第七师',
  呼伦贝尔满洲里: '满洲里',
};

/**
 * Groups the spellings DXY used for one city-level place, so that a place renamed between
 * snapshots (东城 → 东城区, 吉林 → 吉林市) stays one series. The grouped label is only a
 * grouping key; the place is still named as DXY wrote it and resolved by the gazetteer.
 * - a trailing scope note "（含邓州）" ("including Dengzhou") is dropped (the scope change is
 *   documented in the extra location's note);
 * - 待明确地区 / 未明确 / 未知 / 不明 (not yet assigned) are one group per province;
 * - 外地来京人员 and the like (cases from elsewhere) are one group per province;
 * - 境外输入 (cases imported from abroad) is a category, not a place;
 * - the XPCC prefix 兵团 and one administrative suffix are dropped; then RELABELLED applies.
 */
export function cityGroup(label: string): CityGroup {
  let s = label.trim().replace(/[（(]含[^）)]*[）)]$/, '');
  if (/^(待明确|未明确|未知|不明)(地区)?$/.test(s)) return { kind: 'unassigned' };
  if (/^境外输入(人员)?$/.test(s)) return { kind: 'imported' };
  if (/^外地来./.test(s)) return { kind: 'out' };
  if (s.startsWith('兵团')) s = s.slice(2);
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 2) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return { kind: 'place', group: RELABELLED[s] ?? s };
}

/** One string per group, for maps: "#unassigned", "#out", "#imported" or the grouped label. */
export function cityGroupKey(label: string): string {
  const g = cityGroup(label);
  return g.kind === 'place' ? g.group : `#${g.kind}`;
}
