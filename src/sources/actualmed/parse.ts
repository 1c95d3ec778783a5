import type { ClinicalValue, ImageRecord, ParsedImages } from '../../domain/imaging.js';
import type { SourceInputFile } from '../../domain/series.js';
import {
  ImageNames,
  IssueLog,
  RowCells,
  YES_NO,
  cellText,
  commercialUseOf,
  hasFileExtension,
  inputFile,
  normalizeFinding,
  normalizeModality,
  normalizeView,
  parseLooseDate,
  quote,
  readImagingCsv,
  snakeKey,
  tidySpaces,
} from '../imaging-kit/index.js';

/**
 * Actualmed COVID-19 chest X-ray dataset (agchung, COVID-Net team) as of 2020-05-05:
 * `metadata.csv`, one row per image, covid-chestxray's column names in part (`pO2 saturation`
 * with a space, `imagename`, `artifacts/distortion`, `notes`). Columns are found by name.
 */
export const DATASET = 'actualmed';

export const METADATA_COLUMNS = ['patientid', 'offset', 'sex', 'age', 'finding', 'survival', 'temperature', 'pO2 saturation', 'view', 'modality', 'imagename', 'artifacts/distortion', 'notes'] as const;

/** The dataset's licence (no per-image column): its README restricts use to research. */
export const DATASET_LICENSE = 'Research use only (README: "intended to be used for research purposes only")';

/**
 * `notes`: "<status>, date taken (YYYYMMDD): <date>", status `Inconclusive`, `Negative (covid-19
 * viral infection is excluded)` or empty (the COVID-19 rows).
 */
const NOTES = /^(.*?),\s*date taken \(YYYYMMDD\):\s*(\d{8})\s*$/;

export function parseActualmed(files: SourceInputFile[]): ParsedImages {
  const file = inputFile(files, 'metadata', true, DATASET);
  const log = new IssueLog(file.name);
  const table = readImagingCsv(file.text, file.name, { required: METADATA_COLUMNS, fileColumn: 'imagename' }, log);
  const known = new Set<string>(METADATA_COLUMNS);
  const extra = table.header.filter((h) => !known.has(h));
  const names = new ImageNames(log, 'patientid');
  const commercialUse = commercialUseOf(DATASET_LICENSE).commercialUse;
  const images: ImageRecord[] = [];

  for (const record of table.records) {
    const c = new RowCells(table, record, log);
    const rawCells = Object.fromEntries(table.header.map((h, i) => [h, cellText(record.cells[i])]));
    names.claim(tidySpaces(c.raw('imagename')).value, record.line, rawCells);
    const imageId = c.text('imagename')!;
    if (!hasFileExtension(imageId)) log.tally('name_without_extension', 'imagename', record.line, quote(imageId));

    const modalityText = c.text('modality');
    const modality = modalityText === null ? null : normalizeModality(modalityText);
    if (!modality) {
      log.tally('row_skipped', 'modality', record.line, modalityText === null ? 'blank' : quote(modalityText), 'name no modality Glacier knows (x-ray, ct, ultrasound); not stored');
      continue;
    }

    const notes = c.free('notes');
    const m = notes === null ? null : NOTES.exec(notes);
    if (notes !== null && !m) log.tally('unparseable_cell', 'notes', record.line, quote(notes), 'are not "<status>, date taken (YYYYMMDD): <date>"; no study date, notes kept');
    const status = m && m[1].trim() !== '' ? m[1].trim() : null;
    const taken = m ? parseLooseDate(m[2]) : null;
    if (m && taken!.precision !== 'day') log.tally('unparseable_cell', 'notes', record.line, quote(m[2]), 'hold a date taken that is not a calendar date; no study date');

    const findingRaw = c.text('finding');
    let finding: string | null = null;
    let alsoFindings: string[] = [];
    if (findingRaw !== null) {
      const f = normalizeFinding(findingRaw);
      finding = f.finding;
      alsoFindings = f.alsoFindings;
      for (const v of f.caseVariants) log.tally('case_variant', 'finding', record.line, v);
      for (const u of f.unknown) log.tally('unparseable_cell', 'finding', record.line, quote(u), 'are not in the finding hierarchy table; not mapped (findingRaw keeps them)');
    } else if (status !== null && /^inconclusive\b/i.test(status)) {
      // The dataset leaves `finding` blank for the images its notes call inconclusive.
      finding = 'Inconclusive';
      log.tally('repaired', 'finding', record.line, 'blank finding, notes "Inconclusive"', 'are blank findings whose notes say "Inconclusive"; finding stored as Inconclusive');
    }

    const clinical: Record<string, ClinicalValue> = {
      survival: c.bool('survival', YES_NO),
      temperature: c.number('temperature'),
      pO2_saturation: c.number('pO2 saturation'),
      artifacts_distortion: c.text('artifacts/distortion'),
      notes,
      status,
    };
    for (const k of extra) {
      const v = c.free(k);
      if (v !== null) clinical[snakeKey(k)] = v;
    }
    const viewRaw = c.text('view');
    const view = viewRaw === null ? null : normalizeView(viewRaw);
    if (viewRaw !== null && !view) log.tally('unparseable_cell', 'view', record.line, quote(viewRaw), 'are not a known view; view stored as null, viewRaw kept');
    const { age, text: ageText } = c.age('age');
    if (ageText !== null) clinical.age = ageText;
    const offset = c.number('offset');
    // offsetDays is a whole number of days; any other offset is kept as published in clinical.
    if (offset !== null && !Number.isInteger(offset)) clinical.offset = offset;

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
      studyDate: taken?.iso ?? null,
      studyDatePrecision: taken?.precision ?? 'unknown',
      studyDateRaw: m ? m[2] : null,
      license: DATASET_LICENSE,
      commercialUse,
      sourceUrl: null,
      doi: null,
      severity: null,
      lungBoxes: null,
      file: file.name,
      line: record.line,
    });
  }
  return { images, issues: log.issues() };
}
