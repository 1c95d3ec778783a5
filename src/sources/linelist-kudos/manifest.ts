import type { CaseManifest } from '../../domain/cases.js';

export const manifest = {
  id: 'linelist-kudos',
  title: 'Kudos line list (Kaggle "Novel Corona Virus 2019 Dataset", COVID19_line_list_data.csv)',
  publisher: 'Sudalai Rajkumar (Kaggle), compiled from news and health-commission reports',
  homepage: 'https://www.kaggle.com/datasets/sudalairajkumar/novel-corona-virus-2019-dataset',
  license: { name: 'no licence stated', url: 'https://www.kaggle.com/datasets/sudalairajkumar/novel-corona-virus-2019-dataset' },
  redistribution: 'No licence stated: redistribution terms are unclear.',
  cadence: 'irregular',
  frozenOn: '2020-02-28',
  metrics: [],
  levels: [],
  files: [],
  parserVersion: 1,
  notes: [],
} as const satisfies CaseManifest;
