import type { ChatterManifest } from '../../domain/chatter.js';

/** The upstream commit the mirrored dailies come from (Juan M. Banda, 2020-04-01). */
export const COMMIT = '9395ad67b10d0dedf300ba5b48266e952404579b';
const RAW = `https://raw.githubusercontent.com/thepanacealab/covid19_twitter/${COMMIT}/dailies`;
/** The last day mirrored; upstream ingestion reads that day's files (one URL per file). */
export const NEWEST_DAY = '2020-03-25';

export const manifest = {
  id: 'twitter-chatter',
  title: 'COVID-19 Twitter chatter (Panacea Lab, Banda et al.): daily top-1000 terms, bigrams and trigrams',
  publisher: 'Panacea Lab, Georgia State University (Juan M. Banda, Ramya Tekumalla, Guanyu Wang, Jingyuan Yu, Tuo Liu, Yuning Ding, Gerardo Chowell)',
  homepage: 'https://github.com/thepanacealab/covid19_twitter',
  license: { name: 'CC BY 4.0 (the repository\'s frequency files; tweets themselves only as ids, under Twitter\'s terms)', url: 'https://github.com/thepanacealab/covid19_twitter/blob/master/LICENSE', spdx: 'CC-BY-4.0' },
  redistribution: 'CC BY 4.0: the daily counts may be redistributed with attribution to Banda et al., "A large-scale COVID-19 Twitter chatter dataset for open scientific research — an international collaboration", Epidemiologia 2(3):315–324, 2021.',
  cadence: 'daily',
  frozenOn: NEWEST_DAY,
  metrics: [],
  levels: [],
  parserVersion: 1,
  files: [
    { id: 'terms', url: `${RAW}/${NEWEST_DAY}/${NEWEST_DAY}_top1000terms.csv`, mirror: ['twitter/panacealab_dailies/{date}/{date}_top1000terms.csv'] },
    { id: 'bigrams', url: `${RAW}/${NEWEST_DAY}/${NEWEST_DAY}_top1000bigrams.csv`, mirror: ['twitter/panacealab_dailies/{date}/{date}_top1000bigrams.csv'] },
    { id: 'trigrams', url: `${RAW}/${NEWEST_DAY}/${NEWEST_DAY}_top1000trigrams.csv`, mirror: ['twitter/panacealab_dailies/{date}/{date}_top1000trigrams.csv'] },
  ],
  notes: [
    `Upstream: the "dailies" folder of thepanacealab/covid19_twitter at ${COMMIT.slice(0, 7)} (2020-04-01): for each day, YYYY-MM-DD/YYYY-MM-DD_top1000terms.csv, …_top1000bigrams.csv and …_top1000trigrams.csv — the most frequent terms, bigrams and trigrams of that day's COVID-19 tweets (tweets in English and other languages mixed). The mirror holds 4 days, 2020-03-22 .. 2020-03-25 (12 files, 12,004 counts); the tweet-id files of the same repository (TSV, > 4 MiB) are not mirrored. Each file is a vintage dated by its folder and name; parse takes any number of files and dates each by its file name (a name without a real date, or a file id that contradicts the name, refuses the file).`,
    'Layout quirks. Term files: no header, CRLF line ends, and 1,001 rows although the name says top 1000 (one row is "nan", below). Bigram and trigram files: header "gram,counts" (required: another header refuses the file, SourceFormatError line 1 naming the column; a file without it is refused, column "gram"), LF line ends, exactly 1,000 rows. A term file with the gram,counts header is read past it (info). Every row must be token,count with a whole-number count (else SourceFormatError naming file, line and column "counts"; a short row — a file cut inside a row — is refused naming its line); a file that does not end with a line break is read with a warning (its last count may be cut). A BOM is ignored. No token is quoted, blank, repeated, or not in NFC in these files; the parser would trim and count stray spaces, normalise to NFC (repaired), keep the first of a repeated token (duplicate_row) and report a list that is not sorted by count (anomalies, info). Every list here is sorted by count, descending; rank = position in the file (ties keep the file\'s order).',
    'Tokens are kept as published apart from NFC: lower case upstream, no ASCII folding ("coronavírus", "não", "covidー19" with a katakana long-vowel mark — 4 spellings of covid-19 coexist: "covid 19" bigram, "covid19", "covid_19", "covidー19"). 519 of the 12,004 tokens hold non-ASCII letters (Spanish, Portuguese, French, Arabic 70, Thai 75, Devanagari 45 …). Damage, kept as published: upstream tokenisation dropped every combining mark (no token in any file holds one), which breaks Thai and Devanagari words apart — "जनत कर" is जनता कर्फ्यू (janta curfew), "เคร องบ" is เครื่องบิน; those tokens are not readable words.',
    '"nan" is a term in every term file (2020-03-22 rank 2, 86,350; 2020-03-23 rank 2, 88,094; 2020-03-24 rank 3, 87,992; 2020-03-25 rank 4, 84,130): most likely pandas\' NaN (a missing text) counted as a word, not a word of any tweet. Kept as published, reported per file (missing_marker, info), flagged by isNoise.',
    'HTML residue: the markup of the tweets\' client field leaked into the texts upstream — terms href (ranks 270–389, 1,960–2,803 a day), rel, nofollow, "true" (ranks 117–129; ambiguous, not flagged), bigrams "href rel", "rel nofollow", "true href", "twitter web", "web app", trigrams "href rel nofollow", "true href rel", "nofollow twitter web/android/iphone", "twitter web app", "twitter web client", "rel nofollow tweetdeck", "nofollow hootsuite inc". Entity residue: "amp" (from &amp;, ranks 9–11, 15,424–18,852 a day) and "gt". URL fragment: "co" (from t.co, ranks 261–317). Retweet marker "rt" (ranks 398–422). All kept; flagged by isNoise.',
    'Noise filter (noise.ts isNoise(token, kind), a view, never applied when storing): noise = an artefact word (nan), a markup word (href, rel, nofollow), a URL fragment (https, http, www, t.co, co, bit.ly, ow.ly, html, htm), a client label (twitter web app/client, twitter web, web app, twitter android/iphone, hootsuite inc), lone punctuation (no letter, digit or emoji), or a token whose every word is empty: a stop word (English, Spanish, Portuguese, French, Italian: NLTK\'s lists abridged, without words that are content in another language of the files — "us", "die", "come"), an entity residue (amp, gt, lt, quot, nbsp, apos), rt, via, a number, or a single letter/digit. Emoji-only tokens are content, not noise (none in these files). On these files it flags terms: 604 of 4,004, bigrams: 198 of 4,000, trigrams: 67 of 4,000.',
  ],
} satisfies ChatterManifest;
