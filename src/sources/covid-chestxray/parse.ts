import type { ClinicalValue, ImageRecord, LungBox, ParsedImages, SeverityScores } from '../../domain/imaging.js';
import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import {
  ImageNames,
  IssueLog,
  RowCells,
  YES_NO,
  cellText,
  commercialUseOf,
  hasFileExtension,
  inputFile,
  normalizeDoi,
  normalizeFinding,
  normalizeModality,
  normalizeView,
  quote,
  readImagingCsv,
  snakeKey,
  tidySpaces,
} from '../imaging-kit/index.js';

/**
 * covid-chestxray-dataset (ieee8023) as of 2020-06-04: `metadata.csv` (one row per image or CT
 * volume), `annotations/covid-severity-scores.csv` and
 * `annotations/imageannotation_ai_lung_bounding_boxes.json`. Columns are found by name.
 */
export const DATASET = 'covid-chestxray';

/** Every named column of the 2020-06 metadata.csv (the file also ends each line with an unnamed column). */
export const METADATA_COLUMNS = [
  'patientid', 'offset', 'sex', 'age', 'finding', 'survival', 'intubated', 'intubation_present', 'went_icu', 'in_icu',
  'needed_supplemental_O2', 'extubated', 'temperature', 'pO2_saturation', 'leukocyte_count', 'neutrophil_count',
  'lymphocyte_count', 'view', 'modality', 'date', 'location', 'folder', 'filename', 'doi', 'url', 'license',
  'clinical_notes', 'other_notes',
] as const;

/** Y/N columns → booleans in `clinical` (same keys). */
export const BOOLEAN_COLUMNS = ['survival', 'intubated', 'intubation_present', 'went_icu', 'in_icu', 'needed_supplemental_O2', 'extubated'] as const;
/** Numeric columns → numbers in `clinical` (same keys). */
export const NUMBER_COLUMNS = ['temperature', 'pO2_saturation', 'leukocyte_count', 'neutrophil_count', 'lymphocyte_count'] as const;
/** Text columns kept in `clinical` trimmed (`location`, `folder`) or verbatim (notes). */
const TEXT_COLUMNS = ['location', 'folder'] as const;
const FREE_COLUMNS = ['clinical_notes', 'other_notes'] as const;

export const SEVERITY_COLUMNS = ['filename', 'geographic_mean', 'opacity_mean'] as const;

export function parseCovidChestxray(files: SourceInputFile[]): ParsedImages {
  const meta = inputFile(files, 'metadata', true, DATASET);
  const out = parseMetadata(meta);
  const byId = new Map(out.images.map((im) => [im.imageId, im]));

  const severity = inputFile(files, 'severity');
  if (severity) {
    const s = parseSeverity(severity, byId);
    out.issues.push(...s.issues);
    for (const [id, scores] of s.scores) byId.get(id)!.severity = scores;
  }
  const boxes = inputFile(files, 'lung-boxes');
  if (boxes) {
    const b = parseLungBoxes(boxes, byId);
    out.issues.push(...b.issues);
    for (const [id, list] of b.boxes) byId.get(id)!.lungBoxes = list;
  }
  return out;
}

export function parseMetadata(file: SourceInputFile): ParsedImages {
  const log = new IssueLog(file.name);
  const table = readImagingCsv(file.text, file.name, { required: METADATA_COLUMNS, fileColumn: 'filename' }, log);
  const known = new Set<string>(METADATA_COLUMNS);
  const extra = table.header.filter((h) => !known.has(h));
  const names = new ImageNames(log, 'patientid');
  const images: ImageRecord[] = [];

  for (const record of table.records) {
    const c = new RowCells(table, record, log);
    const rawCells = Object.fromEntries(table.header.map((h, i) => [h, cellText(record.cells[i])]));
    names.claim(tidySpaces(c.raw('filename')).value, record.line, rawCells);
    const imageId = c.text('filename')!;
    if (!hasFileExtension(imageId)) log.tally('name_without_extension', 'filename', record.line, quote(imageId));

    const modalityText = c.text('modality');
    const modality = modalityText === null ? null : normalizeModality(modalityText);
    if (!modality) {
      log.tally('row_skipped', 'modality', record.line, modalityText === null ? 'blank' : quote(modalityText), 'name no modality Glacier knows (x-ray, ct, ultrasound); not stored');
      continue;
    }
    if (modality.caseVariant) log.tally('case_variant', 'modality', record.line, `${JSON.stringify(modalityText)} → ${JSON.stringify(modality.modality)}`);

    const clinical: Record<string, ClinicalValue> = {};
    for (const k of BOOLEAN_COLUMNS) clinical[k] = c.bool(k, YES_NO);
    for (const k of NUMBER_COLUMNS) clinical[k] = c.number(k);
    for (const k of TEXT_COLUMNS) clinical[k] = c.text(k);
    for (const k of FREE_COLUMNS) clinical[k] = c.free(k);
    for (const k of extra) {
      const v = c.free(k);
      if (v !== null) clinical[snakeKey(k)] = v;
    }

    const findingRaw = c.text('finding');
    let finding: string | null = null;
    let alsoFindings: string[] = [];
    if (findingRaw !== null) {
      const f = normalizeFinding(findingRaw);
      finding = f.finding;
      alsoFindings = f.alsoFindings;
      for (const v of f.caseVariants) log.tally('case_variant', 'finding', record.line, v);
      for (const u of f.unknown) log.tally('unparseable_cell', 'finding', record.line, quote(u), 'are not in the finding hierarchy table; not mapped (findingRaw keeps them)');
    }

    const viewRaw = c.text('view');
    const view = viewRaw === null ? null : normalizeView(viewRaw);
    if (viewRaw !== null && !view) log.tally('unparseable_cell', 'view', record.line, quote(viewRaw), 'are not a known view; view stored as null, viewRaw kept');
    if (view?.caseVariant) log.tally('case_variant', 'view', record.line, `${JSON.stringify(viewRaw)} → ${JSON.stringify(view.view)}`);

    const { age, text: ageText } = c.age('age');
    if (ageText !== null) clinical.age = ageText;
    const offset = c.number('offset');
    // offsetDays is a whole number of days; any other offset is kept as published in clinical.
    if (offset !== null && !Number.isInteger(offset)) clinical.offset = offset;

    const date = c.date('date');
    const license = c.text('license');
    const doiText = c.text('doi');
    const doi = doiText === null ? null : normalizeDoi(doiText);
    if (doiText !== null && !doi) {
      log.tally('unparseable_cell', 'doi', record.line, quote(doiText), 'are not DOIs; kept as text in clinical');
      clinical.doi = doiText;
    }
    if (doi?.spaces) log.tally('repaired', 'doi', record.line, quote(doiText!), 'held spaces inside the DOI; removed');

    images.push({
      dataset: DATASET,
      imageId,
      patient: c.text('patientid'),
      finding,
      alsoFindings,
      findingRaw,
      modality: modality.modality,
      view: view?.view ?? null,
      viewRaw,
      sex: c.vocab('sex', ['M', 'F'] as const).value,
      age,
      clinical,
      offsetDays: typeof offset === 'number' && Number.isInteger(offset) ? offset : null,
      studyDate: date.iso,
      studyDatePrecision: date.precision,
      studyDateRaw: date.raw,
      license,
      commercialUse: commercialUseOf(license).commercialUse,
      sourceUrl: c.text('url'),
      doi: doi?.doi ?? null,
      severity: null,
      lungBoxes: null,
      file: file.name,
      line: record.line,
    });
  }
  return { images, issues: log.issues() };
}

/**
 * `annotations/covid-severity-scores.csv`: five `##` comment lines (title, licence, citation,
 * definitions), then `filename,geographic_mean,opacity_mean`. Scores are matched to images by
 * file name; a name no image has is counted as `row_skipped`.
 */
export function parseSeverity(file: SourceInputFile, images: Map<string, ImageRecord>): { scores: Map<string, SeverityScores>; issues: ReturnType<IssueLog['issues']> } {
  const log = new IssueLog(file.name);
  const lines = file.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let skip = 0;
  while (skip < lines.length && lines[skip].startsWith('#')) skip++;
  const table = readImagingCsv(file.text.replace(/^\uFEFF/, ''), file.name, { required: SEVERITY_COLUMNS, fileColumn: 'filename' }, log, skip);
  const scores = new Map<string, SeverityScores>();
  const score = (c: RowCells, column: string): number | null => {
    const v = c.number(column);
    return typeof v === 'number' ? v : null;
  };
  for (const record of table.records) {
    const c = new RowCells(table, record, log);
    const name = c.text('filename')!;
    if (scores.has(name)) {
      log.add('row_skipped', `${quote(name)} is scored twice; the first row is kept`, record.line, 'filename');
      continue;
    }
    const s = { geographicExtent: score(c, 'geographic_mean'), opacity: score(c, 'opacity_mean') };
    if (!images.has(name)) {
      log.tally('row_skipped', 'filename', record.line, quote(name), 'name no image of metadata.csv; not stored');
      continue;
    }
    scores.set(name, s);
  }
  return { scores, issues: log.issues() };
}

interface CocoFile {
  images: { id: number; file_name: string }[];
  annotations: { id?: number; image_id: number; category_id: number; bbox: (number | null)[] }[];
  categories: { id: number; name: string }[];
}

/**
 * `annotations/imageannotation_ai_lung_bounding_boxes.json` (General Blockchain, COCO layout):
 * `images` (id, file_name), `categories` (1 Right Lung, 2 Left Lung) and `annotations`
 * (image_id, category_id, bbox [x, y, width, height] in pixels). Boxes are matched to images
 * by file name. A box with null coordinates, or for an image metadata.csv does not list, is
 * counted as `row_skipped`; an image whose boxes were all skipped keeps `lungBoxes` null.
 */
export function parseLungBoxes(file: SourceInputFile, images: Map<string, ImageRecord>): { boxes: Map<string, LungBox[]>; issues: ReturnType<IssueLog['issues']> } {
  const log = new IssueLog(file.name);
  let json: unknown;
  try {
    json = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new SourceFormatError(`not JSON (${err instanceof Error ? err.message : String(err)})`, file.name);
  }
  const coco = json as Partial<CocoFile>;
  for (const key of ['images', 'annotations', 'categories'] as const) {
    if (!Array.isArray(coco?.[key])) throw new SourceFormatError(`not the COCO layout: no ${JSON.stringify(key)} array`, file.name, undefined, key);
  }
  const fileOf = new Map<number, string>();
  for (const im of coco.images!) {
    if (typeof im?.id !== 'number' || typeof im.file_name !== 'string') throw new SourceFormatError(`an image entry lacks id or file_name: ${quote(JSON.stringify(im))}`, file.name, undefined, 'images');
    fileOf.set(im.id, im.file_name);
  }
  const labelOf = new Map<number, string>(coco.categories!.map((c) => [c.id, c.name]));
  const boxes = new Map<string, LungBox[]>();
  for (const a of coco.annotations!) {
    const name = fileOf.get(a?.image_id);
    const id = `annotation ${a?.id ?? '?'}`;
    if (name === undefined) {
      log.tally('row_skipped', 'image_id', undefined, `${id}: image_id ${a?.image_id}`, 'name no image of the file; not stored');
      continue;
    }
    const bbox = a.bbox;
    if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      log.tally('row_skipped', 'bbox', undefined, `${id} (${quote(name)}): bbox ${JSON.stringify(bbox)}`, 'have no coordinates; not stored');
      continue;
    }
    if (!images.has(name)) {
      log.tally('row_skipped', 'file_name', undefined, quote(name), 'are boxes of an image metadata.csv does not list; not stored');
      continue;
    }
    const label = labelOf.get(a.category_id) ?? `category ${a.category_id}`;
    const [x, y, width, height] = bbox as number[];
    const list = boxes.get(name) ?? [];
    list.push({ label, x, y, width, height });
    boxes.set(name, list);
  }
  return { boxes, issues: log.issues() };
}
