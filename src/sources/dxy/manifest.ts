import type { SourceManifest } from '../../domain/source.js';

const RAW = 'https://raw.githubusercontent.com/BlankerL/DXY-COVID-19-Data/master';

export const manifest = {
  id: 'dxy',
  title: 'DXY (丁香园) COVID-19 snapshots, China by province and city',
  publisher: 'DXY (丁香园 / 丁香医生), collected by Jiabao Lin (BlankerL/DXY-COVID-19-Data)',
  homepage: 'https://github.com/BlankerL/DXY-COVID-19-Data',
  license: { name: 'MIT License (BlankerL/DXY-COVID-19-Data)', spdx: 'MIT', url: 'https://github.com/BlankerL/DXY-COVID-19-Data/blob/master/LICENSE' },
  redistribution:
    'The collection is MIT-licensed: it may be copied, changed and redistributed, commercially too, if the copyright and licence notice are kept; the figures are DXY’s compilation of Chinese health-commission reports.',
  cadence: 'daily',
  metrics: ['confirmed', 'deaths', 'recovered'],
  levels: ['country', 'subdivision', 'county'],
  parserVersion: 1,
  files: [
    { id: 'area', url: `${RAW}/csv/DXYArea.csv`, mirror: ['china/dxy/DXYArea_asof_{date}.csv'] },
    { id: 'area-latest', url: `${RAW}/json/DXYArea.json`, mirror: ['china/dxy/DXYArea_latest_{date}.json'] },
    { id: 'overall', url: `${RAW}/csv/DXYOverall.csv`, mirror: ['china/dxy/DXYOverall_asof_{date}.csv'] },
    { id: 'overall-latest', url: `${RAW}/json/DXYOverall.json`, mirror: ['china/dxy/DXYOverall_latest_{date}.json'] },
  ],
  notes: [
    'DXY updated its dashboard many times a day; the collection keeps every snapshot. Glacier keeps ONE value per place and day: the last snapshot of the day in Beijing time (UTC+8), the day being the Beijing date of updateTime. The CSV files write updateTime as a Beijing wall-clock time (e.g. Hubei’s morning reports appear at about 07:00); the JSON files give epoch milliseconds, converted to UTC+8 (1585414934149 = 2020-03-28 16:22 UTC is dated 2020-03-29).',
    'Metrics: confirmedCount → confirmed, deadCount → deaths, curedCount → recovered. suspectedCount, currentConfirmedCount, seriousCount and the *Incr fields are not in the metric vocabulary (or are derived) and are not stored.',
    'DXYArea.csv (area): one row per city of each province snapshot, with the province totals repeated. A province’s value on a day comes from its last snapshot of that day; a city’s value comes from that same snapshot (a city missing from it has no value that day). Hong Kong and Taiwan have no city rows and are not in this file; Macau appears in one row (2020-01-26) whose only city is Macau itself.',
    'DXYArea.json (area-latest): the API’s current snapshot: every Chinese province with its cities, Hong Kong, Macau and Taiwan, the national total (provinceName 中国) and ~200 other countries, each with its own updateTime (stale rows of renamed countries included).',
    'DXYOverall.csv / DXYOverall.json (overall, overall-latest): national totals → CN. Their scope is mainland China plus Hong Kong, Macau AND Taiwan: in the 2020-03-29 area snapshot the 中国 row equals the sum of the 31 provinces, Hong Kong, Macau and Taiwan (82,282), and in February the overall total exceeds the sum of the mainland province rows by about the Hong Kong + Macau + Taiwan counts. Glacier’s CN (JHU: mainland provinces + Hong Kong + Macau + Unknown) excludes Taiwan, so DXY’s CN is higher by Taiwan’s count.',
    'Provinces are named in Chinese (湖北省, 内蒙古自治区); the Chinese names and short names are aliases in gazetteer/reference/aliases/dxy.csv. 香港 and 澳门 are CN_HK and CN_MO; 台湾 is the country TW (a rule on the administrative suffix 省/市/自治区 decides whether a name is a mainland province, see places.ts).',
    'Cities (prefectures, the districts and counties of Beijing, Tianjin, Shanghai and Chongqing, county-level units some provinces report apart, XPCC divisions, development zones, a prison) are county-level extra locations CN_XX_<PINYIN> in gazetteer/reference/extra/dxy.csv, one per place DXY reported in a day’s last snapshot or in the JSON snapshot. DXY’s spellings of one place (东城/东城区, 吉林/吉林市, 大理/大理州, 新乡/新乡（含长垣）, the XPCC divisions named by division or seat city) are grouped before the daily value is taken (places.ts: one administrative suffix and the 兵团 prefix dropped, a scope note "（含…）" dropped, six documented relabellings); every spelling is an alias of its key.',
    'Pseudo-cities: 待明确地区 / 未明确地区 / 未知地区 / 不明地区 (cases not yet assigned to a city) → CN_XX_UNASSIGNED (JHU has no per-province unassigned row; the national CN_UNKNOWN is a different thing); 外地来京人员 and the like (cases among people from elsewhere) → CN_XX_OUT, like JHU’s "Out of ST" rows; 境外输入 / 境外输入人员 (imported cases) are a category, not a place: skipped with one not_a_place issue per file; a city row naming its own province (澳门 under 澳门) is skipped the same way.',
    'Scope changes inside Henan: until 2020-02-02 DXY listed 邓州, 永城, 滑县 and 长垣 apart and 南阳, 商丘, 安阳 and 新乡 excluded them; from 2020-02-03 the prefectures include them (see the notes of those extra locations).',
    'Known upstream defect, repaired: a snapshot that lists its cities twice with different values (the previous snapshot’s list merged in; Hubei, Chongqing and Jilin on 2020-02-11) is read from its first copies when they add up to the province total (repaired warning); otherwise the file is refused. In the 2020-02-17 CSV no such snapshot is the last of its day.',
    'Foreign countries in DXYArea.json are named by countryEnglishName (no country codes are given), or by the Chinese name when DXY gives no English name; spellings that do not resolve are aliases in aliases/dxy.csv. Left unmatched on purpose: stale rows of renamed entries that would duplicate a current one (Reunion Island, 圣巴泰勒米岛 beside Saint Barthelemy, United Kingdom of Great Britain and Ireland beside United Kingdom), Northern Ireland (a one-off 2020-02-28 row, not a country) and the Grand Princess cruise ship (no country-level key; JHU files its passengers under US/CA).',
    'Derived totals: the area CSV has no national row, so Glacier derives CN from its provinces (mainland + the stale Macau row) at the CSV’s issue; the overall CSV’s reported CN (with Hong Kong, Macau, Taiwan) replaces those values at its later issue.',
    'Not ingested: DXYRumors.csv (china/dxy/DXYRumors_asof_2020-03-21.csv): free-text rumour debunks (title, body, source), no counts.',
  ],
} as const satisfies SourceManifest;
