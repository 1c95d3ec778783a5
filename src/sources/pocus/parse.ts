import type { ClinicalValue, ImageRecord, ParsedImages } from '../../domain/imaging.js';
import type { SourceInputFile } from '../../domain/series.js';
import {
  type FindingLeaf,
  ImageNames,
  IssueLog,
  ONE_ZERO,
  RowCells,
  YES_NO_WORDS,
  cellText,
  commercialUseOf,
  hasFileExtension,
  inputFile,
  normalizeDoi,
  normalizeFinding,
  quote,
  readImagingCsv,
  snakeKey,
  tidySpaces,
} from '../imaging-kit/index.js';

/**
 * POCUS lung ultrasound dataset (jannisborn/covid19_pocus_ultrasound) as of 2021-02-25:
 * `data/dataset_metadata.csv`, one row per video or image (44 columns, symptoms as 0/1/n/A,
 * dd.mm.yy dates). Columns are found by name.
 */
export const DATASET = 'pocus';

/** Columns read into record fields. */
const FIELDS = ['Filename', 'Label', 'License', 'DOI', 'Gender', 'Age', 'Patient ID / Name', 'URL (Video Name)', 'Date added', 'Type', 'Probe'] as const;

/** Columns kept in clinical, by kind: key = the column's snake_case name. */
const TEXT = ['Current location', 'LinkToLicense', 'ChangesMade', 'Resolution'] as const;
const NUMBERS = ['Source ID', 'Framerate', 'Length (frames)', 'Area according to DEGUM'] as const;
const FREE = ['Comments from web site', 'Title', 'Comments first medical doctor (MD1)', 'MD2', 'MD3', 'Lung /abdomen interface', 'Preconditions / Comments about patient', 'Other'] as const;
/** Findings the doctors marked and the patient's symptoms: 1/0 → true/false, n/A → null. */
export const FLAGS = ['Effusion', 'Consolidations', 'B-lines', 'A-lines', 'Pleural line irregularities', 'Air bronchogram', 'Healthy'] as const;
export const SYMPTOMS = ['Fever', 'Cough', 'Respiratory problems', 'Headache', 'Loss of smell/taste', 'Fatigue', 'Sore throat', 'Asymptomatic'] as const;

export const METADATA_COLUMNS = [...FIELDS, 'InThisRepo', ...TEXT, ...NUMBERS, ...FREE, ...FLAGS, ...SYMPTOMS] as const;

/** The dataset's labels → the hierarchy ("Regular" = healthy; "Viral pneumonia" = viral, not COVID-19). */
export const POCUS_LABELS: Record<string, FindingLeaf> = {
  'COVID-19': 'Pneumonia/Viral/COVID-19',
  'Bacterial pneumonia': 'Pneumonia/Bacterial',
  'Viral pneumonia': 'Pneumonia/Viral',
  Regular: 'No Finding',
};

const SEX: Record<string, 'M' | 'F'> = { m: 'M', w: 'F' };

export function parsePocus(files: SourceInputFile[]): ParsedImages {
  const file = inputFile(files, 'metadata', true, DATASET);
  const log = new IssueLog(file.name);
  const table = readImagingCsv(file.text, file.name, { required: METADATA_COLUMNS, fileColumn: 'Filename' }, log);
  const known = new Set<string>(METADATA_COLUMNS);
  const extra = table.header.filter((h) => !known.has(h));
  const names = new ImageNames(log, 'Patient ID / Name');
  const images: ImageRecord[] = [];

  for (const record of table.records) {
    const c = new RowCells(table, record, log);
    const rawCells = Object.fromEntries(table.header.map((h, i) => [h, cellText(record.cells[i])]));
    names.claim(tidySpaces(c.raw('Filename')).value, record.line, rawCells);
    const imageId = c.text('Filename')!;
    if (!hasFileExtension(imageId)) log.tally('name_without_extension', 'Filename', record.line, undefined, 'are file names without an extension (the videos are .mp4/.gif/.avi, the images .png/.jpg upstream; not guessed); kept as published');

    const clinical: Record<string, ClinicalValue> = {};
    // "Date added": when the video entered the dataset, not when it was recorded.
    const added = c.date('Date added');
    clinical.date_added = added.iso ?? added.raw;
    clinical.type = c.vocab('Type', ['video', 'image'] as const).value ?? c.text('Type');
    clinical.probe = c.vocab('Probe', ['convex', 'linear'] as const).value ?? c.text('Probe');
    clinical.url_video_name = c.text('URL (Video Name)');
    clinical.in_this_repo = c.bool('InThisRepo', YES_NO_WORDS);
    for (const k of TEXT) clinical[snakeKey(k)] = c.text(k);
    for (const k of NUMBERS) clinical[snakeKey(k)] = c.number(k);
    for (const k of FREE) clinical[snakeKey(k)] = c.free(k);
    for (const k of [...FLAGS, ...SYMPTOMS]) clinical[snakeKey(k)] = c.bool(k, ONE_ZERO);
    for (const k of extra) {
      const v = c.free(k);
      if (v !== null) clinical[snakeKey(k)] = v;
    }

    const findingRaw = c.text('Label');
    let finding: string | null = null;
    if (findingRaw !== null) {
      const f = normalizeFinding(findingRaw, POCUS_LABELS);
      finding = f.finding;
      for (const v of f.caseVariants) log.tally('case_variant', 'Label', record.line, v);
      for (const u of f.unknown) log.tally('unparseable_cell', 'Label', record.line, quote(u), 'are not POCUS labels (COVID-19, Bacterial pneumonia, Viral pneumonia, Regular); finding stored as null (findingRaw keeps them)');
    }

    // Age 0 is a placeholder in this file: all 9 such rows are adult ICU patients of one paper.
    let age: number | null = null;
    if (c.raw('Age').trim() === '0') log.tally('missing_marker', 'Age', record.line, '"0" (placeholder: adult ICU patients)');
    else {
      const a = c.age('Age');
      age = a.age;
      if (a.text !== null) clinical.age = a.text;
    }
    const sexCode = c.vocab('Gender', ['m', 'w'] as const).value;

    const license = c.text('License');
    const doiText = c.text('DOI');
    const doi = doiText === null ? null : normalizeDoi(doiText);
    if (doiText !== null && !doi) {
      log.tally('unparseable_cell', 'DOI', record.line, quote(doiText), 'are not DOIs; kept as text in clinical');
      clinical.doi = doiText;
    }
    const urlCell = clinical.url_video_name as string | null;
    const url = urlCell === null ? null : (/^https?:\/\/\S+/.exec(urlCell)?.[0] ?? null);

    images.push({
      dataset: DATASET,
      imageId,
      patient: c.text('Patient ID / Name'),
      finding,
      alsoFindings: [],
      findingRaw,
      modality: 'ultrasound',
      view: null,
      viewRaw: null,
      sex: sexCode === null ? null : SEX[sexCode],
      age,
      clinical,
      offsetDays: null,
      studyDate: null,
      studyDatePrecision: 'unknown',
      studyDateRaw: null,
      license,
      commercialUse: commercialUseOf(license).commercialUse,
      sourceUrl: url,
      doi: doi?.doi ?? null,
      severity: null,
      lungBoxes: null,
      file: file.name,
      line: record.line,
    });
  }
  return { images, issues: log.issues() };
}
