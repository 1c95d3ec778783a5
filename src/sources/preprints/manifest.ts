import type { LiteratureManifest } from '../../domain/literature.js';

/** asreview/asreview-covid19, which vendors nicholasmfraser/covid19_preprints at f6b6f4a. */
export const ASREVIEW_COMMIT = '0d5e71e95c2a200f0661837ecce8c4e9896bc5ad';

export const manifest = {
  id: 'preprints',
  title: 'COVID-19 preprints (Fraser & Kramer, nicholasmfraser/covid19_preprints): preprint metadata from 20 servers',
  publisher: 'Nicholas Fraser and Bianca Kramer (covid19_preprints); copy vendored by the ASReview team',
  homepage: 'https://github.com/nicholasmfraser/covid19_preprints',
  license: { name: 'CC0 1.0', url: 'https://github.com/nicholasmfraser/covid19_preprints/blob/master/LICENSE', spdx: 'CC0-1.0' },
  redistribution: 'CC0: the metadata may be redistributed without conditions (abstracts remain their authors\' text; link to each preprint by DOI).',
  cadence: 'irregular',
  frozenOn: '2020-04-30',
  metrics: [],
  levels: [],
  parserVersion: 1,
  files: [
    {
      id: 'preprints',
      url: `https://raw.githubusercontent.com/asreview/asreview-covid19/${ASREVIEW_COMMIT}/Covid19_preprints_dataset/data/nicholasmfraser-covid19_preprints-f6b6f4a/data/covid19_preprints.csv`,
      mirror: ['cord19/covid19_preprints_nicholasmfraser.csv'],
    },
  ],
  notes: [
    `Upstream: covid19_preprints.csv of nicholasmfraser/covid19_preprints (release f6b6f4a), as vendored in asreview/asreview-covid19 at ${ASREVIEW_COMMIT.slice(0, 7)}: 1,534 preprints posted 2020-01-19 .. 2020-03-29 on 20 servers (medRxiv 673, bioRxiv 224, Research Square 179, Preprints.org 122, arXiv 100, OSF Preprints 89, ChemRxiv 48, JMIR 34, PsyArXiv 24, WHO 15, SocArXiv 11, and 9 more with 1–3 each). Columns source, doi, arxiv_id, posted_date, title, abstract (all required, by name; a missing or renamed one, a short row or a quoted abstract cut by the end of the file refuses the file with file, line and column). UTF-8, LF, quoted cells with line breaks (701 abstracts, 68 titles); "NA" marks a missing value (doi 100: every arXiv row; arxiv_id 1,434; abstract 20).`,
    'Preprint id: the normalised DOI (lower case, no resolver prefix); the 100 arXiv rows have no DOI and are arXiv:<arxiv_id> (e.g. arXiv:2001.10530v2). No DOI is listed twice and none is malformed. A repeated id would keep both rows (the second as <id>#line:<n>, duplicate_row).',
    'Markup: 1,414 abstracts hold JATS or HTML — <jats:p> (2,272 tags), <p>, <title>/<jats:title> (an "ABSTRACT" title is dropped, other section titles such as "Background" or JMIR\'s "UNSTRUCTURED" kept as words), <sec>, <bold>, <jats:italic>, <jats:sub>/<sup> (IC<sub>50</sub> → IC50), <jats:ext-link> (text kept), <ns7:p>; 35 abstracts hold HTML escaped as text (&lt;p&gt;, &lt;div&gt;, &lt;b&gt;), some twice-escaped (&amp;amp;, &amp;lt;); entities (&lt; 535, &gt; 396, &amp; 102, &nbsp; 19, Greek letters, accented letters). All are stripped or decoded (cord19/text.ts stripMarkup: block elements become a space, inline ones vanish, a "<" that opens no known tag stays: "p < 0.05"), line breaks and indentation collapsed; counted per column (repaired, stray_whitespace). 29 titles hold markup too (<em>In silico</em>, <strong>&shy;&shy;</strong>, &nbsp;).',
    'Repeated titles: 30 titles are shared by 61 preprints once markup is removed (27 as written; e.g. "Tilorone: A Broad-Spectrum Antiviral For Emerging Viruses" on bioRxiv and OSF Preprints, several medRxiv studies also on Research Square or arXiv): one study on two servers, or two versions. Reported (info) and kept as separate preprints: titles never merge records.',
    'Linking (linkPreprints, pure): a preprint is linked to the CORD-19 paper with the same normalised DOI (any of the paper\'s DOIs); titles are never used. Against the cord19 connector\'s papers (v8 + sample), 891 of the 1,534 preprints link (medRxiv 670, bioRxiv 220, ChemRxiv 1 — a paper CORD-19 lists from WHO); 643 do not (100 of them have no DOI: the arXiv rows; the others are on servers CORD-19 v8 did not index, (Research Square, Preprints.org, OSF …) or absent from v8 for another reason). applyPreprintLinks returns the papers with ids.preprint and preprintServer filled.',
  ],
} satisfies LiteratureManifest;
