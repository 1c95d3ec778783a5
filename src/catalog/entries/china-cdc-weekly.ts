import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'china-cdc-weekly',
  title: 'China CDC Weekly: COVID-19 surveillance pages',
  publisher: 'Chinese Center for Disease Control and Prevention (China CDC)',
  description:
    'China CDC\'s published COVID-19 surveillance: the national situation reports after China ended its dynamic zero-COVID policy in December 2022 (infections, hospitalised cases and deaths in hospital, variant shares from sequencing) and the COVID-19 notes and reports in China CDC Weekly. Published as web pages and PDFs only; Glacier holds none of it. The start of the series is not stated here because it was not verified.',
  type: 'cases',
  counts: [],
  license: {
    name: 'China CDC Weekly terms (no open data licence stated for the surveillance pages)',
    url: 'https://weekly.chinacdc.cn/',
  },
  redistribution: 'unclear',
  redistributionNote: 'No licence for reusing the surveillance figures is stated on the pages; quote them with attribution to China CDC and ask China CDC before republishing the pages.',
  commercialUse: null,
  access: ['web-pages'],
  homepage: 'https://weekly.chinacdc.cn/',
  downloads: [],
  spatialCoverage: 'China (mainland provinces)',
  status: { state: 'active' },
  connectors: [],
  keywords: ['COVID-19', 'China CDC', 'China CDC Weekly', 'surveillance', 'China', '中国疾病预防控制中心', '新型冠状病毒感染', '疫情监测', '周报'],
} satisfies DatasetEntry;
