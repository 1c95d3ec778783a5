import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'kudos-kaggle-linelist',
  title: 'Novel Corona Virus 2019 Dataset: COVID-19 line list (Kudos, Kaggle)',
  publisher: 'Kudos (line list compiler), published in the Kaggle "Novel Corona Virus 2019 Dataset" by SRK (Sudalai Rajkumar)',
  description:
    'COVID19_line_list_data.csv from Kaggle\'s "Novel Corona Virus 2019 Dataset": one row per reported case (China, Japan, South Korea, Hong Kong, Singapore and about 30 other countries), compiled from news and health-commission reports, with reporting date, location, age, sex, symptom onset, hospital visit, exposure window, travel to Wuhan, death or recovery and a case summary and source link. Reports 13 January to 28 February 2020.',
  type: 'linelist',
  counts: [
    {
      unit: 'cases',
      value: 1085,
      statedOn: '2020-02-28',
      source: 'https://www.kaggle.com/datasets/sudalairajkumar/novel-corona-virus-2019-dataset',
      note: 'Rows of COVID19_line_list_data.csv (reports to 2020-02-28), counted by Glacier in a copy of the Kaggle file.',
    },
  ],
  license: {
    name: 'No licence stated (compiled from public news and health-commission reports)',
    url: 'https://www.kaggle.com/datasets/sudalairajkumar/novel-corona-virus-2019-dataset',
  },
  redistribution: 'unclear',
  redistributionNote: 'No licence is stated for the line list; each row links the news or health-commission report it was taken from. Redistribution terms are therefore unclear: cite the Kaggle dataset and the row sources.',
  commercialUse: null,
  access: ['download', 'registration'],
  homepage: 'https://www.kaggle.com/datasets/sudalairajkumar/novel-corona-virus-2019-dataset',
  downloads: [],
  temporalCoverage: { start: '2020-01-13', end: '2020-02-28' },
  spatialCoverage: 'Worldwide: China and the countries reporting cases in early 2020',
  status: { state: 'frozen', lastUpdate: '2020-02-28' },
  connectors: ['linelist-kudos'],
  keywords: ['COVID-19', 'line list', 'Kaggle', 'Kudos', 'case records', 'incubation', 'exposure', 'early outbreak'],
} satisfies DatasetEntry;
