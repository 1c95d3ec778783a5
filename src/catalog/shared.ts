import type { DatasetCitation } from '../domain/dataset.js';

/** Citations and keywords several entries share. */

/** The paper JHU CSSE asks users of its COVID-19 repository to cite (README, "Citation"). */
export const JHU_CITATION: DatasetCitation = {
  key: 'dong2020interactive',
  kind: 'article',
  title: 'An interactive web-based dashboard to track COVID-19 in real time',
  authors: ['Dong, Ensheng', 'Du, Hongru', 'Gardner, Lauren'],
  year: 2020,
  container: 'The Lancet Infectious Diseases',
  volume: '20',
  issue: '5',
  pages: '533-534',
  doi: '10.1016/S1473-3099(20)30120-1',
};

export const JHU_KEYWORDS = ['COVID-19', 'SARS-CoV-2', 'case counts', 'deaths', 'Johns Hopkins', 'JHU CSSE', 'time series', '新冠肺炎'];

/** The paper ieee8023/covid-chestxray-dataset asks users to cite (README); also published in MELBA (2020). */
export const COHEN_CITATION: DatasetCitation = {
  key: 'cohen2020covidProspective',
  kind: 'preprint',
  title: 'COVID-19 Image Data Collection: Prospective Predictions Are the Future',
  authors: ['Cohen, Joseph Paul', 'Morrison, Paul', 'Dao, Lan', 'Roth, Karsten', 'Duong, Tim Q.', 'Ghassemi, Marzyeh'],
  year: 2020,
  container: 'arXiv',
  doi: '10.48550/arXiv.2006.11988',
  url: 'https://arxiv.org/abs/2006.11988',
};
