import type { ClinicalValue, ImageRecord, ParsedImages, PublishedSplitRow, SplitName } from '../../domain/imaging.js';
import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { readFirstSheet } from '../ecdc/xlsx.js';
import {
  ImageNames,
  IssueLog,
  RowCells,
  cellText,
  commercialUseOf,
  hasFileExtension,
  imagingSheet,
  inputFile,
  normalizeDoi,
  quote,
  snakeKey,
  tidySpaces,
  type RawCell,
} from '../imaging-kit/index.js';

/**
 * COVID-CT (UCSD-AI4H): `COVID-CT-MetaInfo.xlsx` (first sheet: one row per COVID-19 CT image,
 * taken from figures of papers) and the published split lists `Data-split/{COVID,NonCOVID}/
 * {train,val,test}CT_{COVID,NonCOVID}.txt` (one file name per line). The NonCOVID images have
 * no metadata: their records come from the lists.
 */
export const DATASET = 'covid-ct';

export const METADATA_COLUMNS = ['File name', 'Patient ID', 'Age', 'Gender', 'Location', 'Medical history', 'Time', 'Severity', 'Other diseases', 'DOI', 'Captions'] as const;

/** Split list file ids → split and class. */
export const SPLIT_FILES: Record<string, { split: SplitName; list: 'COVID' | 'NonCOVID' }> = {
  'split-covid-train': { split: 'train', list: 'COVID' },
  'split-covid-val': { split: 'val', list: 'COVID' },
  'split-covid-test': { split: 'test', list: 'COVID' },
  'split-noncovid-train': { split: 'train', list: 'NonCOVID' },
  'split-noncovid-val': { split: 'val', list: 'NonCOVID' },
  'split-noncovid-test': { split: 'test', list: 'NonCOVID' },
};

/** The dataset's terms: the README reserves the copyright to the papers' authors and publishers. */
export const DATASET_LICENSE = 'No licence: "All copyrights of the data belong to the authors and publishers of these papers" (README)';

const COVID_FINDING = 'Pneumonia/Viral/COVID-19';
const NON_COVID_FINDING = 'Non-COVID';

function baseRecord(imageId: string, file: string, line: number): ImageRecord {
  return {
    dataset: DATASET,
    imageId,
    patient: null,
    finding: null,
    alsoFindings: [],
    findingRaw: null,
    modality: 'ct',
    view: null,
    viewRaw: null,
    sex: null,
    age: null,
    clinical: {},
    offsetDays: null,
    studyDate: null,
    studyDatePrecision: 'unknown',
    studyDateRaw: null,
    license: DATASET_LICENSE,
    commercialUse: commercialUseOf(DATASET_LICENSE).commercialUse,
    sourceUrl: null,
    doi: null,
    severity: null,
    lungBoxes: null,
    file,
    line,
  };
}

export async function parseCovidCt(files: SourceInputFile[]): Promise<ParsedImages> {
  const meta = inputFile(files, 'metainfo', true, DATASET);
  if (!meta.bytes) throw new SourceFormatError('the XLSX workbook was given as text only (its bytes are needed)', meta.name);
  const sheet = (await readFirstSheet(meta.bytes, meta.name)) as RawCell[][];
  const parsed = parseMetaInfo(sheet, meta.name);
  const split = parseSplits(files, parsed.images);
  return { images: [...parsed.images, ...split.images], issues: [...parsed.issues, ...split.issues], publishedSplit: split.rows };
}

/** The MetaInfo sheet's rows → one record per COVID-19 image. */
export function parseMetaInfo(sheet: RawCell[][], file: string): { images: ImageRecord[]; issues: ValidationIssue[] } {
  const log = new IssueLog(file);
  const table = imagingSheet(sheet, file, { required: METADATA_COLUMNS, fileColumn: 'File name' }, log);
  const known = new Set<string>(METADATA_COLUMNS);
  const extra = table.header.filter((h) => !known.has(h));
  const names = new ImageNames(log, 'Patient ID');
  const images: ImageRecord[] = [];
  for (const record of table.records) {
    const c = new RowCells(table, record, log);
    const rawCells = Object.fromEntries(table.header.map((h, i) => [h, cellText(record.cells[i])]));
    names.claim(tidySpaces(c.raw('File name')).value, record.line, rawCells);
    const imageId = c.text('File name')!;
    if (!hasFileExtension(imageId)) log.tally('name_without_extension', 'File name', record.line, quote(imageId));

    const clinical: Record<string, ClinicalValue> = {
      location: c.text('Location'),
      medical_history: c.free('Medical history'),
      // Free text ("day 6 after the onset of illness", "22 days") or a bare number: kept as published.
      time: typeof c.cell('Time') === 'number' ? (c.cell('Time') as number) : c.free('Time'),
      severity: c.free('Severity'),
      other_diseases: c.free('Other diseases'),
      captions: c.free('Captions'),
    };
    for (const k of extra) {
      const v = c.free(k);
      if (v !== null) clinical[snakeKey(k)] = v;
    }
    const { age, text: ageText } = c.age('Age');
    if (ageText !== null) clinical.age = ageText;
    const doiText = c.text('DOI');
    const doi = doiText === null ? null : normalizeDoi(doiText);
    if (doiText !== null && !doi) {
      log.tally('unparseable_cell', 'DOI', record.line, quote(doiText), 'are not DOIs; kept as text in clinical');
      clinical.doi = doiText;
    }
    if (doi?.spaces) log.tally('repaired', 'DOI', record.line, quote(doiText!), 'held spaces inside the DOI; removed');

    images.push({
      ...baseRecord(imageId, file, record.line),
      patient: c.text('Patient ID'),
      finding: COVID_FINDING,
      findingRaw: 'COVID',
      sex: c.vocab('Gender', ['M', 'F'] as const).value,
      age,
      clinical,
      doi: doi?.doi ?? null,
    });
  }
  return { images, issues: log.issues() };
}

/**
 * The split lists. COVID lists name MetaInfo images; a list name that is a MetaInfo name plus
 * an extension (MetaInfo lists 83 names without one) is that image. NonCOVID lists make one
 * record per name (finding Non-COVID, patient unknown). A name listed twice (in one list or in
 * two) is one image with two split rows, so that the audit of the published split reports it.
 */
export function parseSplits(files: SourceInputFile[], covidImages: ImageRecord[]): { images: ImageRecord[]; rows: PublishedSplitRow[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const images: ImageRecord[] = [];
  const rows: PublishedSplitRow[] = [];
  const covid = new Map(covidImages.map((i) => [i.imageId, i]));
  const listed = new Map<string, string>(); // image id → "file, line" of its first listing
  const order = Object.keys(SPLIT_FILES);
  const present = files.filter((f) => Object.hasOwn(SPLIT_FILES, f.fileId)).sort((a, b) => order.indexOf(a.fileId) - order.indexOf(b.fileId));
  for (const f of present) {
    const { split, list } = SPLIT_FILES[f.fileId];
    const log = new IssueLog(f.name);
    const lines = f.text.replace(/^\uFEFF/, '').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) throw new SourceFormatError('empty list', f.name, 1);
    lines.forEach((rawLine, i) => {
      const line = i + 1;
      const text = rawLine.replace(/\r$/, '');
      const { value: name, changed } = tidySpaces(text);
      if (name === '') {
        log.add('stray_row', 'blank line; not a file name', line);
        return;
      }
      if (changed) log.tally('stray_whitespace', undefined, line, quote(text));
      if (/[,\t]/.test(name)) throw new SourceFormatError(`not a file name list: ${quote(name)}`, f.name, line);
      let imageId = name;
      if (list === 'COVID' && !covid.has(name)) {
        const stem = name.replace(/\.(png|jpe?g)$/i, '');
        if (stem !== name && covid.has(stem) && !hasFileExtension(stem)) {
          imageId = stem;
          log.tally('name_without_extension', undefined, line, `${quote(name)} ↔ ${quote(stem)}`, 'name an image MetaInfo lists without its extension; the split row names the image as MetaInfo does');
        } else {
          log.tally('row_skipped', undefined, line, quote(name), 'name no image of COVID-CT-MetaInfo.xlsx; their split rows are kept under the list\'s name, no image record is made');
        }
      }
      const first = listed.get(imageId);
      if (first !== undefined) {
        log.add('duplicate_image', `${quote(imageId, 100)} is listed at ${first} and again on line ${line}; one image, both split rows kept (the split audit reports it)`, line);
        rows.push({ imageId, split, list });
        return;
      }
      listed.set(imageId, `${f.name}, line ${line}`);
      if (list === 'NonCOVID') {
        if (!hasFileExtension(name)) log.tally('name_without_extension', undefined, line, quote(name));
        images.push({ ...baseRecord(name, f.name, line), finding: NON_COVID_FINDING, findingRaw: 'NonCOVID' });
      }
      rows.push({ imageId, split, list });
    });
    issues.push(...log.issues());
  }
  return { images, rows, issues };
}
