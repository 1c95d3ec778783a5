import { Type, type Static } from 'typebox';
import { DATE_PRECISIONS, SPLIT_NAMES } from '../domain/imaging.js';
import { MODALITIES } from '../domain/dataset.js';
import { THUMBNAIL_SIZES } from '../query/imaging.js';
import { Nullable } from '../query/schema-primitives.js';
import { Format } from './schemas.js';

/** Schemas of /v1/imaging. */

const Dataset = Type.String({ maxLength: 500, description: 'Imaging datasets, comma-separated (covid-chestxray, actualmed, covid-ct, pocus)' });
const Finding = Type.String({ maxLength: 200, description: 'A finding or a prefix of the hierarchy: `Pneumonia/Viral` matches `Pneumonia/Viral/COVID-19`, `Pneumonia/Viral/SARS`, …' });
const Modality = Type.Unsafe<(typeof MODALITIES)[number]>({ type: 'string', enum: [...MODALITIES] });

const filter = {
  dataset: Type.Optional(Dataset),
  finding: Type.Optional(Finding),
  modality: Type.Optional(Modality),
  view: Type.Optional(Type.String({ maxLength: 50, description: 'Normalised view: PA, AP, AP Supine, L, Axial, Coronal, …' })),
};

export const ImagesQuery = Type.Object(
  {
    ...filter,
    sex: Type.Optional(Type.Unsafe<'M' | 'F'>({ type: 'string', enum: ['M', 'F'] })),
    age_min: Type.Optional(Type.Number({ minimum: 0, maximum: 150 })),
    age_max: Type.Optional(Type.Number({ minimum: 0, maximum: 150 })),
    commercial: Type.Optional(Type.Unsafe<'true' | 'false'>({ type: 'string', enum: ['true', 'false'], description: 'true: licence allows commercial use; false: it does not (unknown matches neither)' })),
    patient: Type.Optional(Type.String({ maxLength: 200, description: 'The dataset’s own patient id (use with one dataset)' })),
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
    format: Format,
  },
  { additionalProperties: false },
);
export type ImagesQuery = Static<typeof ImagesQuery>;

const Json = Type.Unknown({ description: 'As the annotation gives it' });

export const ImageRowSchema = Type.Object({
  dataset: Type.String(),
  image_id: Type.String({ description: 'The file name as published' }),
  listing: Type.Integer({ description: '1, or 2, 3, … when the metadata lists the same file again (e.g. under another patient)' }),
  patient: Nullable(Type.String({ description: 'Dataset-scoped patient id' })),
  finding: Nullable(Type.String({ description: 'Normalised hierarchy, e.g. Pneumonia/Viral/COVID-19' })),
  also_findings: Type.Array(Type.String()),
  finding_raw: Nullable(Type.String()),
  modality: Modality,
  view: Nullable(Type.String()),
  view_raw: Nullable(Type.String()),
  sex: Nullable(Type.Unsafe<'M' | 'F'>({ type: 'string', enum: ['M', 'F'] })),
  age: Nullable(Type.Number()),
  clinical: Type.Record(Type.String(), Type.Unknown(), { description: 'Clinical fields the dataset publishes (survival, intubated, went_icu, temperature, …)' }),
  offset_days: Nullable(Type.Integer()),
  study_date: Nullable(Type.String({ description: 'Truncated to its precision (2020-03-01 for "March 2020")' })),
  study_date_precision: Type.Unsafe<(typeof DATE_PRECISIONS)[number]>({ type: 'string', enum: [...DATE_PRECISIONS] }),
  study_date_raw: Nullable(Type.String()),
  license: Nullable(Type.String()),
  commercial_use: Nullable(Type.Boolean()),
  source_url: Nullable(Type.String()),
  doi: Nullable(Type.String()),
  severity: Json,
  lung_boxes: Json,
  file: Type.String({ description: 'The metadata file the record comes from' }),
  line: Type.Integer({ description: 'Its line there (header = 1)' }),
  local: Type.Boolean({ description: 'The image file is held here (hash, size and thumbnail available)' }),
  sha256: Nullable(Type.String()),
  bytes: Nullable(Type.Integer()),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  thumbnail: Nullable(Type.String({ description: 'Path of the thumbnail, when the file is here' })),
});

export const ImagesResponse = Type.Object({
  meta: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }),
  data: Type.Array(ImageRowSchema),
});

export const SummaryQuery = Type.Object({ ...filter, format: Format }, { additionalProperties: false });

export const SummaryRowSchema = Type.Object({
  dataset: Type.String(), finding: Nullable(Type.String()), modality: Type.String(), view: Nullable(Type.String()),
  images: Type.Integer(), patients: Type.Integer({ description: 'Distinct patients (null patients not counted)' }), local_files: Type.Integer(),
});
export const SummaryResponse = Type.Object({ meta: Type.Object({ images: Type.Integer(), patients: Type.Integer() }), data: Type.Array(SummaryRowSchema) });

export const ThumbnailParams = Type.Object({
  dataset: Type.String({ maxLength: 100, examples: ['covid-chestxray'] }),
  id: Type.String({ maxLength: 500, description: 'The image id (file name as published)', examples: ['thnov10p5641g006-c.png'] }),
});
export const ThumbnailQuery = Type.Object(
  { size: Type.Unsafe<number>({ type: 'integer', enum: [...THUMBNAIL_SIZES], default: 256, description: 'Longer side in pixels (never upscaled)' }) },
  { additionalProperties: false },
);

export const SplitsQuery = Type.Object(
  {
    dataset: Type.Optional(Dataset),
    finding: Type.Optional(Finding),
    ratios: Type.String({ maxLength: 100, default: '0.7,0.15,0.15', description: 'Fractions for train, val, test (1 to 3, summing to 1)' }),
    seed: Type.Integer({ minimum: 0, maximum: 4294967295, default: 0, description: 'Same seed, same split' }),
    format: Type.Unsafe<'json' | 'csv'>({ type: 'string', enum: ['json', 'csv'], default: 'json' }),
  },
  { additionalProperties: false },
);
export type SplitsQuery = Static<typeof SplitsQuery>;

const SplitName = Type.Unsafe<(typeof SPLIT_NAMES)[number]>({ type: 'string', enum: [...SPLIT_NAMES] });
export const SplitRowSchema = Type.Object({
  dataset: Type.String(), image_id: Type.String(), listing: Type.Integer(), patient: Nullable(Type.String()), finding: Nullable(Type.String()), split: SplitName,
});
const SplitSummarySchema = Type.Object({
  split: SplitName, images: Type.Integer(), patients: Type.Integer(), groups: Type.Integer(),
  findings: Type.Record(Type.String(), Type.Object({ images: Type.Integer(), patients: Type.Integer() })),
});
export const SplitsResponse = Type.Object({
  meta: Type.Object({ ratios: Type.Array(Type.Number()), seed: Type.Integer(), groups: Type.Integer({ description: 'Groups of images that go together: one patient, joined with any image it shares' }) }),
  summary: Type.Array(SplitSummarySchema),
  data: Type.Array(SplitRowSchema),
});

export const AuditRowSchema = Type.Object({ dataset: Type.String({ maxLength: 100 }), image_id: Type.String({ maxLength: 500 }), split: Type.String({ maxLength: 50 }) }, { additionalProperties: false });
export const AuditBody = Type.Object({ rows: Type.Array(AuditRowSchema, { maxItems: 200_000 }) }, { additionalProperties: false });
export const AuditQuery = Type.Object({ dataset: Type.String({ maxLength: 100, description: 'A dataset whose authors published a split (covid-ct)', examples: ['covid-ct'] }) }, { additionalProperties: false });

export const AuditResponse = Type.Object({
  meta: Type.Object({ rows: Type.Integer(), dataset: Nullable(Type.String()) }),
  leakage: Type.Boolean({ description: 'A patient, an image or a duplicated image is in more than one split' }),
  patients_in_several_splits: Type.Array(Type.Object({ patient: Type.String(), splits: Type.Record(Type.String(), Type.Integer()) })),
  duplicates_across_splits: Type.Array(Type.Object({ key: Type.String(), items: Type.Array(Type.Object({ id: Type.String(), split: Type.String() })) })),
  ids_in_several_splits: Type.Array(Type.Object({ id: Type.String(), splits: Type.Array(Type.String()) })),
  findings_per_split: Type.Array(Type.Object({ split: Type.String(), images: Type.Integer(), patients: Type.Integer(), findings: Type.Record(Type.String(), Type.Integer()) })),
  unknown: Type.Array(Type.Object({ row: Type.Integer(), dataset: Type.String(), image_id: Type.String() }), { description: 'Rows naming no image of the index' }),
});

export const DuplicatesQuery = Type.Object({ dataset: Type.Optional(Dataset) }, { additionalProperties: false });
export const DuplicatesResponse = Type.Object({
  data: Type.Array(
    Type.Object({
      reason: Type.Unsafe<'same_name_and_source' | 'same_content'>({ type: 'string', enum: ['same_name_and_source', 'same_content'] }),
      key: Type.String(), patients: Type.Integer(), datasets: Type.Integer(),
      listings: Type.Array(Type.Object({ dataset: Type.String(), image_id: Type.String(), listing: Type.Integer(), patient: Nullable(Type.String()), finding: Nullable(Type.String()), source_url: Nullable(Type.String()) })),
    }),
  ),
});
