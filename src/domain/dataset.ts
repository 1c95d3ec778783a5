import type { IsoDate } from './dates.js';

/**
 * The research-dataset catalog: one entry per COVID-19 dataset Glacier knows of, whether it
 * ingests it or not. Entries are data (`src/catalog/entries/`), checked with `satisfies
 * DatasetEntry`; what Glacier holds of each is counted from the store when asked.
 */

export const DATASET_TYPES = ['cases', 'imaging', 'literature', 'sequences', 'social', 'linelist'] as const;
export type DatasetType = (typeof DATASET_TYPES)[number];

export const MODALITIES = ['x-ray', 'ct', 'ultrasound'] as const;
export type Modality = (typeof MODALITIES)[number];

/**
 * What others may do with the data, most to least permissive. `ids-only`: only identifiers may
 * be shared (tweets, GISAID accession lists); `registration-required`: terms accepted at sign-up
 * forbid passing the data on.
 */
export const REDISTRIBUTION_CLASSES = ['open', 'attribution', 'share-alike', 'non-commercial', 'research-only', 'registration-required', 'ids-only', 'unclear'] as const;
export type RedistributionClass = (typeof REDISTRIBUTION_CLASSES)[number];

export const ACCESS_KINDS = ['download', 'registration', 'web-pages', 'api'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** What a count counts. */
export const COUNT_UNITS = ['images', 'patients', 'articles', 'sequences', 'tweets', 'cases', 'records', 'locations', 'videos'] as const;
export type CountUnit = (typeof COUNT_UNITS)[number];

/** A count as the publisher states it, with the date it was stated and where. */
export interface StatedCount {
  unit: CountUnit;
  value: number;
  /** The date the publisher gave the count (or the release it describes). */
  statedOn: IsoDate;
  /** Where it is stated (URL), and a note when the count needs one ("X-ray only", "COVID-positive"). */
  source: string;
  note?: string;
}

export interface DatasetLicense {
  /** SPDX identifier where one exists (`CC-BY-4.0`, `MIT`, `ODC-PDDL-1.0`). */
  spdx?: string;
  name: string;
  url: string;
}

/** The paper (or data record) that describes a dataset; BibTeX and RIS are rendered from it. */
export interface DatasetCitation {
  /** BibTeX key. */
  key: string;
  kind: 'article' | 'preprint' | 'dataset' | 'misc';
  title: string;
  /** "Family, Given" per author, in order. */
  authors: string[];
  year: number;
  /** Journal, preprint server or repository. */
  container?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  url?: string;
}

export interface DatasetDownload {
  title: string;
  url: string;
  /** Media type or short format name (`text/csv`, `xlsx`, `fasta`, `png`). */
  format?: string;
}

export type DatasetStatus = { state: 'active' } | { state: 'frozen'; lastUpdate: IsoDate };

export interface DatasetEntry {
  /** Stable id; for a case-count or imaging source, the connector's source id. */
  id: string;
  title: string;
  publisher: string;
  description: string;
  type: DatasetType;
  /** Imaging sets only. */
  modalities?: Modality[];
  counts: StatedCount[];
  license: DatasetLicense;
  redistribution: RedistributionClass;
  /** The terms in one or two sentences, quoting the publisher where it matters. */
  redistributionNote: string;
  /** Whether commercial use is allowed; null when the terms do not say. */
  commercialUse: boolean | null;
  access: AccessKind[];
  homepage: string;
  downloads: DatasetDownload[];
  citation?: DatasetCitation;
  temporalCoverage?: { start?: IsoDate; end?: IsoDate };
  /** Places covered, in words ("Worldwide", "United States: states and counties"). */
  spatialCoverage: string;
  status: DatasetStatus;
  /**
   * The connectors (source ids) whose ingested data holds this dataset locally. Empty: Glacier
   * holds nothing of it (the entry is a pointer).
   */
  connectors: string[];
  keywords?: string[];
}
