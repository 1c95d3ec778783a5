import type { CaseConnector } from './cases.js';
import type { ChatterConnector } from './chatter.js';
import type { LiteratureConnector } from './literature.js';
import type { SequenceConnector } from './sequences.js';
import type { IsoDate } from './dates.js';
import type { Modality } from './dataset.js';
import type { Connector, SourceInputFile } from './series.js';
import type { SourceManifest } from './source.js';
import type { ValidationIssue } from './validation.js';

/**
 * The imaging index: one row per image (or video) a medical-imaging dataset publishes, with the
 * dataset's own metadata normalised and the raw strings kept. Connectors (`src/sources/<id>/`)
 * read the metadata files; the ingest adds what only the image files can tell (hash, size).
 */

/** Normalised views; a connector maps its spellings onto these (raw kept in `viewRaw`). */
export const IMAGE_VIEWS = ['PA', 'AP', 'AP Supine', 'AP Erect', 'L', 'Axial', 'Coronal', 'Sagittal'] as const;
export type ImageView = (typeof IMAGE_VIEWS)[number];

/** How much of a study date the metadata gives. */
export const DATE_PRECISIONS = ['day', 'month', 'year', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const SPLIT_NAMES = ['train', 'val', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

/** One lung bounding box from an annotation file, in pixels of the published image. */
export interface LungBox {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Severity scores from an annotation file (covid-chestxray's geographic extent and opacity). */
export interface SeverityScores {
  geographicExtent: number | null;
  opacity: number | null;
}

export type ClinicalValue = string | number | boolean | null;

export interface ImageRecord {
  /** The connector's source id (`covid-chestxray`, `actualmed`, `covid-ct`, `pocus`). */
  dataset: string;
  /** The file name as published (unique within the dataset; a name listed twice is reported). */
  imageId: string;
  /** The patient as the dataset names it, trimmed; dataset-scoped. Null when the dataset gives none. */
  patient: string | null;
  /**
   * The finding as a normalised hierarchy, most general first: `Pneumonia/Viral/COVID-19`,
   * `Pneumonia/Bacterial/Streptococcus`, `No Finding`, `Inconclusive`. Null when not given.
   */
  finding: string | null;
  /** Further findings the same label names (`COVID-19, ARDS` → finding COVID-19, also `ARDS`). */
  alsoFindings: string[];
  findingRaw: string | null;
  modality: Modality;
  view: ImageView | null;
  viewRaw: string | null;
  sex: 'M' | 'F' | null;
  age: number | null;
  /** Clinical fields the dataset publishes, by the dataset's column name (snake_case), read as booleans and numbers where they are. */
  clinical: Record<string, ClinicalValue>;
  /** Days since the patient's first image or symptom onset, as the dataset defines it. */
  offsetDays: number | null;
  /** ISO date truncated to its precision's start (`2020-03-01` for "March 2020"); null when unknown. */
  studyDate: IsoDate | null;
  studyDatePrecision: DatePrecision;
  studyDateRaw: string | null;
  /** The image's licence as published (per row where the dataset has a column, else the dataset's). */
  license: string | null;
  /** Whether the licence allows commercial use; null when it does not say (or there is none). */
  commercialUse: boolean | null;
  sourceUrl: string | null;
  doi: string | null;
  severity: SeverityScores | null;
  lungBoxes: LungBox[] | null;
  /** The metadata file and line (1-based, header = 1) the record comes from. */
  file: string;
  line: number;
}

/** A split the dataset's authors published (COVID-CT's train/val/test lists). */
export interface PublishedSplitRow {
  imageId: string;
  split: SplitName;
  /** The list's own class (COVID-CT: `COVID` / `NonCOVID` folders), raw. */
  list: string;
}

export interface ParsedImages {
  images: ImageRecord[];
  issues: ValidationIssue[];
  publishedSplit?: PublishedSplitRow[];
}

/** An imaging source's manifest: a source manifest with no series (metrics and levels empty). */
export interface ImagingManifest extends SourceManifest {
  metrics: [];
  levels: [];
  /**
   * Mirror-relative folders that may hold the image files (by published file name). Images found
   * there get their sha256, width and height, and a thumbnail.
   */
  imageFolders: string[];
}

export interface ImagingConnector {
  kind: 'imaging';
  manifest: ImagingManifest;
  /** Called once per run with every file of the manifest that could be provided (newest vintage of each). */
  parse(files: SourceInputFile[]): ParsedImages | Promise<ParsedImages>;
}

/** What the image file itself tells, for images whose file is here. */
export interface LocalImageFile {
  /** Mirror-relative path. */
  path: string;
  sha256: string;
  bytes: number;
  width: number;
  height: number;
}

/** Any connector the ingest runs: series, imaging, line-list (case records), literature, chatter or sequences. */
export type AnyConnector = Connector | ImagingConnector | CaseConnector | LiteratureConnector | ChatterConnector | SequenceConnector;

export function isImagingConnector(c: AnyConnector): c is ImagingConnector {
  return 'kind' in c && c.kind === 'imaging';
}

export function isCaseConnector(c: AnyConnector): c is CaseConnector {
  return 'kind' in c && c.kind === 'cases';
}
