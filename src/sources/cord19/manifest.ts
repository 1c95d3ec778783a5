import type { LiteratureManifest } from '../../domain/literature.js';

/** sagarkar10/CORD-19-Browse: the first 1000 rows of AI2's metadata.csv (early-April-2020 schema). */
export const SAMPLE_COMMIT = 'd064122f1398622c852d08f7300112bc502fcf31';
/** asreview/asreview-covid19: the id/date table derived from CORD-19 v8 (2020-04-17). */
export const ASREVIEW_COMMIT = '4f21c130cd4a83dc72b56338e31c1de31767e7b4';

export const manifest = {
  id: 'cord19',
  title: 'CORD-19 (COVID-19 Open Research Dataset): literature metadata — a 1000-row metadata.csv sample and the v8 id/date table',
  publisher: 'Allen Institute for AI (AI2) with CZI, MSR, Georgetown CSET, NIH/NLM and The White House OSTP; id/date table derived by the ASReview team (Utrecht University)',
  homepage: 'https://github.com/allenai/cord19',
  license: {
    name: 'CORD-19 Dataset License (AI2); the asreview-derived table Apache-2.0',
    url: 'https://github.com/allenai/cord19/blob/master/LICENSE',
  },
  redistribution:
    'The metadata may be redistributed under the CORD-19 Dataset License (attribution to AI2 and the listed partners; each paper remains under its own licence, given per paper in "license"); full texts are not mirrored.',
  cadence: 'irregular',
  frozenOn: '2020-04-24',
  metrics: [],
  levels: [],
  parserVersion: 1,
  files: [
    {
      id: 'metadata',
      url: `https://raw.githubusercontent.com/sagarkar10/CORD-19-Browse/${SAMPLE_COMMIT}/data/sample_metadata.csv`,
      mirror: ['cord19/metadata_sample_1000rows_2020-04.csv'],
    },
    {
      id: 'id-date',
      url: `https://raw.githubusercontent.com/asreview/asreview-covid19/${ASREVIEW_COMMIT}/Cord19_dataset/CORD19v8_R/output/CORD19id_date_v8.csv`,
      mirror: ['cord19/CORD19id_date_v8.csv'],
    },
  ],
  notes: [
    `Upstream: two files, one connector (parse is called once with both; either may be absent). metadata = the first 1,000 rows of AI2's metadata.csv in its early-April-2020 schema (sagarkar10/CORD-19-Browse at ${SAMPLE_COMMIT.slice(0, 7)}, data/sample_metadata.csv): 18 columns, all Elsevier rows published 1970–2004; id-date = asreview/asreview-covid19's CORD19id_date_v8.csv (derived from CORD-19 v8, 2020-04-17; ${ASREVIEW_COMMIT.slice(0, 7)}): cord_uid, source_x, doi, pmcid, pubmed_id, date — 52,398 rows, 52,365 distinct cord_uids, "NA" for missing (doi 3,340, pmcid 8,746, pubmed_id 14,340, date 481; counted as missing_marker).`,
    'Layout: UTF-8, LF, no BOM (a BOM is ignored); quoted fields with line breaks (abstracts); physical lines are reported (header = 1). Columns are found by name: every column read is required (metadata: cord_uid, sha, source_x, title, doi, pmcid, pubmed_id, license, abstract, publish_time, authors, journal, url, and "Microsoft Academic Paper ID" / "WHO #Covidence", also accepted under their later names mag_id / who_covidence_id; arxiv_id is read when present); has_pdf_parse, has_pmc_xml_parse and full_text_file are not read. A missing or renamed column, a row with another number of fields, or a quoted field cut by the end of the file refuses the file (SourceFormatError naming file, line and column); a file that does not end with a line break is read with a warning (its last row may be cut).',
    'Merge rules. (1) Rows repeating a cord_uid are one paper: within the v8 table 33 uids have two rows (29 Elsevier + PMC, 3 PMC + WHO, 1 CZI twice) — duplicate_row (warning, counted with both lines); across the files every one of the sample\'s 1,000 uids is also in v8 (info). Every id is kept (ids.* are lists: 16 of the 33 give two different PubMed ids, e.g. 4fbr8fx8 → 15571999 and 15753006; pubmedId is the first), source_x values and urls are unioned, text fields (title, abstract, authors, journal, license) come from the first row that has them (the metadata file is read first), and a different later value is conflicting_rows (24 v8 repeats give two dates: the first is kept). (2) Papers whose normalised DOIs meet are merged into the first (duplicate_row warning naming both uids; ids.cordUid keeps both): none in these files. (3) Titles never merge papers: 5 titles are shared by 14 distinct papers ("Patent reports" ×5, "Related elsevier virology titles contents alert" ×3 plus ×2 capitalised, "Announcement" ×2, "Forthcoming papers" ×2) — reported (info), kept apart. Also reported, not merged: one sha (45e40b2d…) listed by two papers (7gm6ovet "Vaccine biotechnology…" and c75e60nm "Books received": one PDF holding several items). Result on these files: 52,365 papers.',
    'doi → normalised: trimmed, whitespace removed, a resolver prefix (https://doi.org/, http://dx.doi.org/, doi:) dropped, lower case (DOIs are case-insensitive; every DOI here is already lower case); a DOI must be 10.<4–9-digit registrant>/<suffix>. Two v8 DOIs are malformed — "10.231/jim.0b013e318250871d" (4atteo5z, a digit lost from 10.2310) and "0.1126/science.abb7331" (5zukxemu, the leading 1 lost) — kept raw in doiRaw with doiMalformed true, doi null, never used to merge or link (unparseable_cell). 49,040 papers have a DOI.',
    'pubmed_id: the metadata sample spells every PubMed id as a float (691 pubmed_id cells, "4361535.0": a pandas export of an integer column with blanks) → integers (repaired, counted); the v8 table writes plain integers. 27 sample rows have no pubmed_id where v8 gives one (added by the merge). mag_id is read the same way (blank in every sample row); who_covidence_id as written (blank in the sample).',
    'Dates (publish_time; v8 date) → published {iso, precision, raw}: YYYY-MM-DD (day), YYYY-MM (month), YYYY (year), PubMed "2020 Mar 12" / "2020 Mar"; anything else → no date (unparseable_cell; none here). Every date in these files is a full day. placeholderDate is true for year-only dates and for 31 December, the day CORD-19 writes for a date known only to the year: 4,755 papers have a placeholder date (183 sample rows, 4,757 v8 cells). Quirk, reported not corrected: dates fall on the last day of a month far more often than chance (689 of the sample\'s 1,000 and 10,949 v8 cells on a month end other than 31 December): Elsevier dates an issue by its last day, so such a "day" is often a month; kept as day precision, counted under partial_date.',
    'title and abstract: JATS/HTML tags stripped (block elements → a space, inline ones removed, a leading <title>Abstract</title> dropped), entities decoded (twice-escaped "&amp;amp;" included), whitespace collapsed — the sample has no markup; the cleaning matters for later CORD-19 schemas and is shared with the preprints connector. An abstract "Unknown" (3 sample rows) → null (missing_marker). 696 sample abstracts begin with the word "Abstract" (Elsevier\'s heading, plain text): kept as published. authors split on ";" (2 cells end with a stray ", ": trimmed, stray_whitespace); sha, pmcid, source_x, url split on ";". preprintServer from source_x (medrxiv → medRxiv: 1,351 uids; biorxiv → bioRxiv: 867) or, via linkPreprints/applyPreprintLinks, from a linked preprint.',
  ],
} satisfies LiteratureManifest;
