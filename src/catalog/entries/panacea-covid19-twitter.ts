import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'panacea-covid19-twitter',
  title: 'COVID-19 Twitter chatter dataset (Panacea Lab)',
  publisher: 'Panacea Lab, Georgia State University (Juan M. Banda et al.)',
  description:
    'Identifiers of COVID-19 chatter tweets in all languages captured from the Twitter stream since 1 January 2020 (dedicated collection from 11 March 2020, over 4 million tweets a day): a full file with retweets and a "clean" file without, daily statistics, and the top 1,000 terms, bigrams and trigrams per day; versioned weekly on Zenodo. Tweet texts are not included: users hydrate the IDs themselves.',
  type: 'social',
  counts: [],
  license: {
    spdx: 'CC-BY-4.0',
    name: 'Creative Commons Attribution 4.0 International (the ID lists and frequency tables); tweets under the Twitter/X terms',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  redistribution: 'ids-only',
  redistributionNote:
    'Only tweet IDs may be shared (Twitter/X developer terms): the dataset publishes IDs, and tweet texts must be hydrated by each user through the Twitter/X API; deleted or protected tweets can no longer be retrieved.',
  commercialUse: null,
  access: ['download'],
  homepage: 'https://github.com/thepanacealab/covid19_twitter',
  downloads: [{ title: 'Zenodo record (all versions)', url: 'https://doi.org/10.5281/zenodo.3723939', format: 'text/tab-separated-values' }],
  citation: {
    key: 'banda2020largescale',
    kind: 'dataset',
    title: 'A large-scale COVID-19 Twitter chatter dataset for open scientific research - an international collaboration',
    authors: [
      'Banda, Juan M.',
      'Tekumalla, Ramya',
      'Wang, Guanyu',
      'Yu, Jingyuan',
      'Liu, Tuo',
      'Ding, Yuning',
      'Artemova, Katya',
      'Tutubalina, Elena',
      'Chowell, Gerardo',
    ],
    year: 2020,
    container: 'Zenodo',
    doi: '10.5281/zenodo.3723939',
    url: 'https://doi.org/10.5281/zenodo.3723939',
  },
  temporalCoverage: { start: '2020-01-01' },
  spatialCoverage: 'Worldwide (tweets in all languages; mostly English, Spanish and French)',
  status: { state: 'active' },
  connectors: ['twitter-chatter'],
  keywords: ['COVID-19', 'Twitter', 'X', 'tweets', 'tweet IDs', 'social media', 'NLP', 'infodemiology', '推特'],
} satisfies DatasetEntry;
