import type { IsoDate } from './dates.js';
import type { SourceInputFile } from './series.js';
import type { SourceManifest } from './source.js';
import type { ValidationIssue } from './validation.js';

/**
 * Research papers (the CORD-19 literature catalog) and COVID-19 preprints, in one record shape:
 * every identifier a source gives is kept (as a list: rows repeating a paper add theirs), text is
 * cleaned of markup (JATS/HTML tags, entities) but otherwise kept as published, DOIs are
 * normalised so that papers and preprints can be joined on them, and what cannot be read is kept
 * raw with its reason in the run's validation report — never guessed.
 */

/** How much a publication date says. */
export const PUBLISH_PRECISIONS = ['day', 'month', 'year'] as const;
export type PublishPrecision = (typeof PUBLISH_PRECISIONS)[number];

/** A publication date: ISO 8601 to its precision ("2020-03-12", "2020-03", "2020"), with the cell as written. */
export interface PublishDate {
  iso: string;
  precision: PublishPrecision;
  raw: string;
}

/** Every identifier the sources give for one paper. Lists keep first-seen order, without repeats. */
export interface PaperIds {
  /** Every cord_uid merged into this paper (the paper's own id first; others when two uids shared a DOI). */
  cordUid: string[];
  /** Normalised DOIs (lower case, no resolver prefix); the first is `Paper.doi`. */
  doi: string[];
  /** SHA-1 of the PDF parses (CORD-19 `sha`, ";"-separated upstream). */
  sha: string[];
  /** PubMed Central ids ("PMC7108213"). */
  pmcid: string[];
  /** PubMed ids as integers ("4361535.0" → 4361535). Two rows of one paper may give two. */
  pubmed: number[];
  /** Microsoft Academic ids (`Microsoft Academic Paper ID` / `mag_id`), digits as a string. */
  mag: string[];
  /** WHO COVID-19 database (Covidence) ids, as written ("#12345"). */
  whoCovidence: string[];
  /** arXiv ids (later CORD-19 schemas have `arxiv_id`). */
  arxiv: string[];
  /** Ids of the preprints linked to this paper (`linkPreprints` + `applyPreprintLinks`). */
  preprint: string[];
}

export interface PaperProvenance {
  file: string;
  /** Physical line the row starts on (header = 1). */
  line: number;
}

export interface Paper {
  /** The CORD-19 cord_uid (the first one seen, when rows with two uids merged on a shared DOI). */
  id: string;
  ids: PaperIds;
  title: string | null;
  /** JATS/HTML tags stripped, entities decoded, whitespace collapsed; null when blank or "Unknown". */
  abstract: string | null;
  /** One entry per author as written ("Zhang, Xuming"), stray spaces and trailing commas removed. */
  authors: string[];
  journal: string | null;
  /** The normalised DOI (lower case, no `https://doi.org/` or `doi:` prefix, no whitespace); null when absent or malformed. */
  doi: string | null;
  /** The DOI cell as written, when it is not blank (malformed DOIs are kept only here). */
  doiRaw: string | null;
  /** True when the DOI cell holds something that is not a DOI (reported; not used to merge or link). */
  doiMalformed: boolean;
  /** Null when the sources give no date or one that cannot be read (raw in the report). */
  published: PublishDate | null;
  /**
   * The date is a stand-in, not a publication day: year-only, or 31 December (how CORD-19
   * writes a date known to the year).
   */
  placeholderDate: boolean;
  license: string | null;
  /** CORD-19 `source_x` values ("PMC", "Elsevier", "medrxiv", …), every row's. */
  sources: string[];
  urls: string[];
  /** The first PubMed id (`ids.pubmed[0]`), an integer whatever its spelling upstream. */
  pubmedId: number | null;
  /** "medRxiv", "bioRxiv", "arXiv", … when the paper is a preprint (from source_x, or a linked preprint). */
  preprintServer: string | null;
  /** Every row the paper was read from. */
  provenance: PaperProvenance[];
}

/** One preprint from a preprint list (nicholasmfraser/covid19_preprints). */
export interface Preprint {
  /** The normalised DOI, else `arXiv:<id>`, else `line:<n>` (never empty). */
  id: string;
  /** The preprint server as the list names it ("medRxiv", "Research Square", "PsyArXiv (OSF)"). */
  server: string;
  doi: string | null;
  doiRaw: string | null;
  doiMalformed: boolean;
  arxivId: string | null;
  postedDate: IsoDate | null;
  title: string | null;
  abstract: string | null;
  file: string;
  line: number;
}

/** A preprint joined to the CORD-19 paper with the same normalised DOI. */
export interface PreprintLink {
  preprintId: string;
  paperId: string;
  doi: string;
  server: string;
}

export interface ParsedLiterature {
  papers: Paper[];
  preprints: Preprint[];
  issues: ValidationIssue[];
}

/** A literature source's manifest: a source manifest with no series. */
export interface LiteratureManifest extends SourceManifest {
  metrics: [];
  levels: [];
}

export interface LiteratureConnector {
  kind: 'literature';
  manifest: LiteratureManifest;
  /** Called once with every manifest file provided (identified by `fileId`). */
  parse(files: SourceInputFile[]): ParsedLiterature;
}
