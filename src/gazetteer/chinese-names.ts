import type { Location } from '../domain/location.js';

/**
 * Names in Simplified Chinese, none written by hand (reference/README.md, "Chinese names"):
 * - a place with its own ISO 3166-1 code takes CLDR's region name (Node's ICU), the long form
 *   for countries (美国, 科索沃) and CLDR's short form for territories keyed as subdivisions
 *   (CN_HK 香港 rather than 中国香港特别行政区: the parent already says 中国);
 * - China's provinces and cities take a Chinese spelling DXY or NHC gave them (the Han aliases of
 *   the aliases/dxy.csv, aliases/china-nhc.csv and extra/dxy.csv rows), chosen by
 *   `pickChineseNames`;
 * - everything else (US states, counties, ships, events, JHU's special rows) is null.
 */
export function chineseNames(locations: readonly Location[]): Map<string, string> {
  const out = new Map<string, string>();
  const long = new Intl.DisplayNames(['zh-Hans-CN'], { type: 'region', fallback: 'none' });
  const short = new Intl.DisplayNames(['zh-Hans-CN'], { type: 'region', style: 'short', fallback: 'none' });
  const chinese: Location[] = [];
  for (const l of locations) {
    const iso = l.level === 'country' ? l.key : l.iso_alpha2;
    if (iso && /^[A-Z]{2}$/.test(iso)) {
      const name = (l.level === 'country' ? long : short).of(iso);
      if (name && name !== iso) out.set(l.key, name);
    } else if (l.key.startsWith('CN_')) {
      chinese.push(l);
    }
  }
  for (const [key, name] of pickChineseNames(chinese)) out.set(key, name);
  return out;
}

const HAN = /\p{Script=Han}/u;
// A spelling with a note in brackets ("安阳（含滑县）": Anyang including Hua County) is not a name.
const ANNOTATED = /[（(]/;
const DEPTH = (key: string) => key.split('_').length;

/**
 * One display name per place, from its Chinese spellings:
 * - the shortest spelling wins: 湖北 rather than 湖北省, 广西 rather than 广西壮族自治区, 武汉
 *   rather than 武汉市 (DXY's provinceShortName and cityName, and what a map labels);
 * - a spelling names one place only. Higher levels choose first (吉林 is the province, so the
 *   city is 吉林市). Within a level, a place first takes a spelling that is its alone (Beijing's
 *   朝阳区); a spelling several places share then goes to the one place still without a name
 *   (Liaoning's city 朝阳), and names none when several nameless places share it (待明确地区,
 *   "to be determined", under every province stays null).
 */
export function pickChineseNames(places: readonly Pick<Location, 'key' | 'aliases'>[]): Map<string, string> {
  const spellings = new Map(places.map((p) => [p.key, p.aliases.filter((a) => HAN.test(a) && !ANNOTATED.test(a))]));
  const taken = new Set<string>();
  const out = new Map<string, string>();
  const depths = [...new Set(places.map((p) => DEPTH(p.key)))].sort((a, b) => a - b);
  for (const depth of depths) {
    const level = places.filter((p) => DEPTH(p.key) === depth);
    const owners = new Map<string, string[]>();
    for (const p of level) for (const s of new Set(spellings.get(p.key))) owners.set(s, [...(owners.get(s) ?? []), p.key]);
    const choose = (key: string, allowed: (s: string) => boolean) => {
      const best = spellings.get(key)!.filter((s) => !taken.has(s) && allowed(s)).sort((a, b) => [...a].length - [...b].length)[0];
      if (best !== undefined) out.set(key, best);
    };
    for (const p of level) choose(p.key, (s) => owners.get(s)!.length === 1);
    for (const p of level) if (!out.has(p.key)) choose(p.key, (s) => owners.get(s)!.filter((k) => !out.has(k)).length === 1);
    for (const p of level) if (out.has(p.key)) taken.add(out.get(p.key)!);
  }
  return out;
}
