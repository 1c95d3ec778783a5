import type { ImagingManifest } from '../../domain/imaging.js';

/** The commit the mirrored metadata.csv comes from (2020-05-05). */
export const COMMIT = '27240dd8dec9454bc97f9f3c0c432ef434de2517';

export const manifest = {
  id: 'actualmed',
  title: 'Actualmed COVID-19 Chest X-ray Dataset Initiative',
  publisher: 'Audrey Chung, Linda Wang, Alexander Wong et al. (DarwinAI / University of Waterloo, COVID-Net team) with Actualmed and Universitat Jaume I',
  homepage: 'https://github.com/agchung/Actualmed-COVID-chestxray-dataset',
  license: {
    name: 'Research use only (README: "The COVID-19 image data provided here are intended to be used for research purposes only"); no licence file',
    url: 'https://github.com/agchung/Actualmed-COVID-chestxray-dataset#readme',
  },
  redistribution: 'The README allows research use only and grants no licence to redistribute; commercial use is not allowed.',
  cadence: 'irregular',
  frozenOn: '2020-05-05',
  metrics: [],
  levels: [],
  parserVersion: 2,
  files: [{ id: 'metadata', url: `https://raw.githubusercontent.com/agchung/Actualmed-COVID-chestxray-dataset/${COMMIT}/metadata.csv`, mirror: ['imaging/actualmed-covid-chestxray/metadata.csv'] }],
  imageFolders: [],
  notes: [
    `Upstream: metadata.csv at commit ${COMMIT} (2020-05-05), pinned. 238 rows, one per image (PNG exports named after their DICOM UIDs, CR.… and DX.…); columns found by name, all 13 required. No images are mirrored here (imageFolders empty).`,
    'finding: COVID-19 → Pneumonia/Viral/COVID-19; "No finding" → No Finding (the hierarchy\'s spelling; every such cell is a case_variant); blank → null, except where notes begin "Inconclusive" (the dataset\'s own word for these images): finding Inconclusive, findingRaw null, counted as repaired. The notes of "No finding" rows say "Negative (covid-19 viral infection is excluded)"; the COVID-19 rows have no status.',
    'notes "<status>, date taken (YYYYMMDD): <date>" → studyDate (day precision; studyDateRaw the 8 digits), clinical.status (the status text), clinical.notes (verbatim). Notes of another form: no study date (unparseable_cell).',
    'patientid (ANON…) → patient. offset, sex, age, survival, temperature and pO2 saturation are blank in every row of this release (missing_marker per column); read like covid-chestxray\'s when given (survival Y/N → boolean; temperature, pO2 saturation → numbers in clinical.temperature, clinical.pO2_saturation). artifacts/distortion → clinical.artifacts_distortion. view PA/AP; modality X-ray → x-ray.',
    'license: the dataset\'s (research use only) on every image; commercialUse false (use is restricted to research, no licence grants commercial use).',
    'A file name listed twice keeps both listings (duplicate_image with both lines, patients and differing columns); none in this release. A row without a file name is a stray_row; other widths, a truncated last row or a missing column refuse the file (SourceFormatError with file, line, column).',
  ],
} as const satisfies ImagingManifest;
