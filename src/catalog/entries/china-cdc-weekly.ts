import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'china-cdc-weekly',
  title: 'China CDC Weekly: COVID-19 surveillance pages',
  publisher: 'Chinese Center for Disease Control and Prevention (China CDC)',
  description:
    'China CDC\'s national COVID-19 surveillance reports, published from 25 January 2023 with data from 9 December 2022 (after mass testing ended): nucleic-acid and antigen test positives, fever-clinic visits, severe cases and deaths in hospital, and variants from sentinel sequencing, for the Chinese mainland; with the COVID-19 surveillance reports of China CDC Weekly. Web pages and PDFs only; Glacier holds none of it.',
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
  temporalCoverage: { start: '2022-12-09' },
  spatialCoverage: 'Chinese mainland: provinces (excluding Hong Kong, Macao and Taiwan)',
  status: { state: 'active' },
  connectors: [],
  keywords: ['COVID-19', 'China CDC', 'China CDC Weekly', 'surveillance', 'China', '中国疾病预防控制中心', '新型冠状病毒感染', '疫情监测', '周报'],
} satisfies DatasetEntry;
