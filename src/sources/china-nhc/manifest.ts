import type { SourceManifest } from '../../domain/source.js';

export const manifest = {
  id: 'china-nhc',
  title: 'China province counts 2020-01-21..01-30 (Glacier-Ice prov_data_0130.csv)',
  publisher: 'Glacier-Ice/Covid-19-data-science contributors (from Chinese health-commission reports as compiled by DXY)',
  homepage: 'https://github.com/Glacier-Ice/Covid-19-data-science',
  license: { name: 'Creative Commons Attribution-ShareAlike 4.0 International', spdx: 'CC-BY-SA-4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  redistribution: 'May be shared and adapted, commercially too, with attribution to the Glacier-Ice/Covid-19-data-science contributors, and adaptations must be shared under CC BY-SA 4.0.',
  cadence: 'irregular',
  frozenOn: '2020-03-22',
  metrics: ['confirmed', 'deaths', 'recovered'],
  levels: ['country', 'subdivision'],
  parserVersion: 1,
  files: [
    {
      id: 'provinces',
      url: 'https://raw.githubusercontent.com/Glacier-Ice/Covid-19-data-science/f883d16c60237b989c8daf714f174bf2d7a336d7/Model/basic-fitting-and-estimation-imperial-college-londo_luxxxlucy/data/prov_data_0130.csv',
      mirror: [{ path: 'china/glacier-ice_prov_data_0130.csv', issue: '2020-03-22' }],
    },
  ],
  notes: [
    'One file, committed on 2020-03-22 (commit f883d16c, the issue used), data 2020-01-21..2020-01-30: columns date, confirm, cure, dead, province, suspect → confirmed, recovered, deaths; suspect (suspected cases) is not in the metric vocabulary and is not stored.',
    'The file has several rows per province and day: snapshots of the day, newest first (days in descending order; within a day counts fall going down the file in 324 of 328 province-days). Glacier reads the first row of each province and day; the later rows of that day are counted in one info issue. A file whose dates are not in descending order is refused.',
    'Although described as NHC-derived, the rows look like DXY dashboard snapshots (several a day, DXY’s foreign-country list): the first row of a day equals DXY’s last snapshot of the Beijing day (dxy source) in 163 of 196 province-days; most others differ around the day boundary (Hubei’s 1,423 published by DXY at 07:10 Beijing time on 2020-01-27 is dated 2020-01-26 here), so the dates may be UTC dates of the snapshots. Dates are stored as the file gives them.',
    'Places: Chinese province names (湖北省) resolve through gazetteer/reference/aliases/dxy.csv; 香港 and 澳门 are CN_HK and CN_MO, 台湾 is TW (the administrative-suffix rule of the dxy connector decides whether a name is a mainland province); foreign countries by Chinese name (美国, 澳大利亚, …) resolve through aliases/china-nhc.csv.',
  ],
} as const satisfies SourceManifest;
