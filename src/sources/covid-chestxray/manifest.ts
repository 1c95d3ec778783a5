import type { ImagingManifest } from '../../domain/imaging.js';

/** The commit the mirrored files come from (2020-06-04); later commits changed the schema. */
export const COMMIT = '0c2a12c9c9ae0b46c9c86202a87bd4f8ac31f017';
const RAW = `https://raw.githubusercontent.com/ieee8023/covid-chestxray-dataset/${COMMIT}`;

export const manifest = {
  id: 'covid-chestxray',
  title: 'COVID-19 image data collection (covid-chestxray-dataset): chest X-rays and CTs with metadata',
  publisher: 'Joseph Paul Cohen, Paul Morrison, Lan Dao et al. (Mila / University of Montreal)',
  homepage: 'https://github.com/ieee8023/covid-chestxray-dataset',
  license: {
    name: 'Per image: the license column of metadata.csv (CC BY, CC BY-SA, CC BY-NC-SA, CC BY-NC-ND, Apache 2.0, …; blank = unknown)',
    url: 'https://github.com/ieee8023/covid-chestxray-dataset#license',
  },
  redistribution:
    'Each image may be redistributed under its own licence as listed in metadata.csv (several are NonCommercial; images with a blank licence have no stated terms); the metadata and annotations are published for research with the dataset, citing Cohen et al., arXiv:2003.11597.',
  cadence: 'irregular',
  frozenOn: '2020-06-04',
  metrics: [],
  levels: [],
  parserVersion: 2,
  files: [
    { id: 'metadata', url: `${RAW}/metadata.csv`, mirror: ['imaging/covid-chestxray-dataset/metadata.csv'] },
    { id: 'severity', url: `${RAW}/annotations/covid-severity-scores.csv`, mirror: ['imaging/covid-chestxray-dataset/annotations/covid-severity-scores.csv'] },
    { id: 'lung-boxes', url: `${RAW}/annotations/imageannotation_ai_lung_bounding_boxes.json`, mirror: ['imaging/covid-chestxray-dataset/annotations/imageannotation_ai_lung_bounding_boxes.json'] },
  ],
  imageFolders: ['imaging/covid-chestxray-dataset/images'],
  notes: [
    `Upstream: the files at commit ${COMMIT} (2020-06-04; mirrored from the fork s-mostafa-a/covid-chestxray-dataset, which holds that upstream commit). The URLs are pinned to it: later upstream commits renamed findings and added columns, which this parser refuses (missing or renamed column → SourceFormatError naming it).`,
    'metadata.csv: one row per image (or CT volume, folder "volumes", *.nii.gz), 673 rows. Columns are found by name; every named column of the 2020-06 schema is required. Each line ends with a comma, i.e. a 29th, unnamed column; the 5 cells that hold text there (an Elsevier permission statement, a credit line) are kept verbatim in clinical.column_29.',
    'imageId = filename as published. Every listing of a file name is kept (the store numbers them listing 1, 2): 5 names (000001-24.jpg, 000006-17.jpg, 000007-15.jpg, 000001-27.jpg, 000002-29.jpg) are listed twice, under two patient ids each (285/339, 287/340); each repeat is a duplicate_image warning with both lines, both patients and the columns that differ. Files whose name has no image/volume extension are kept as published (name_without_extension).',
    'finding: the flat labels of 2020-06 map to the hierarchy upstream itself adopted later (imaging-kit/findings.ts): COVID-19 → Pneumonia/Viral/COVID-19, SARS → Pneumonia/Viral/SARS, MERS → Pneumonia/Viral/MERS-CoV, Influenza, Varicella, Herpes → Pneumonia/Viral/…; Streptococcus, Klebsiella, Legionella, "Mycoplasma Bacterial Pneumonia" (→ Mycoplasma), E.Coli, Chlamydophila, Nocardia, Staphylococcus → Pneumonia/Bacterial/…; Pneumocystis, Aspergillosis → Pneumonia/Fungal/…; Lipoid, Aspiration → Pneumonia/Lipoid, Pneumonia/Aspiration; Bacterial → Pneumonia/Bacterial; Pneumonia → Pneumonia (unspecified); ARDS → ARDS; No Finding → No Finding. "COVID-19, ARDS" (12 rows) → finding Pneumonia/Viral/COVID-19, alsoFindings [ARDS]. Labels already in the hierarchy pass through; a label in neither is not mapped (finding null, findingRaw kept, unparseable_cell). Labels are matched ignoring case (case_variant).',
    'Clinical fields (clinical, same keys): survival, intubated, intubation_present, went_icu, in_icu, needed_supplemental_O2, extubated (Y/N → true/false); temperature, pO2_saturation, leukocyte_count, neutrophil_count, lymphocyte_count (numbers as published: one temperature is 95, probably °F, and pO2_saturation holds values above 100 — not corrected); location, folder (trimmed); clinical_notes, other_notes (verbatim). Text that is not Y/N or a number is kept as text (unparseable_cell). Blank cells are null (the schema: "blank if unknown"; missing_marker, one issue per column).',
    'clinical_notes, other_notes and location hold U+FFFD replacement characters where upstream lost the encoding (e.g. "a �wet market�", "In�s"); kept as published, counted per column (encoding_damage).',
    'offset → offsetDays (days since symptom onset or hospitalisation, as the schema defines it; negative values are published and kept). age → age (years). sex M/F. view PA, AP, AP Supine, L, Axial, Coronal (IMAGE_VIEWS); modality X-ray → x-ray, CT → ct.',
    'date → studyDate with precision: "January 22, 2020", "Mar 4, 2020", "12 March 2020" → day; "March 2003" → month (2003-03-01); "2020" → year (2020-01-01); slash dates ("2/29/2020", "03/16/20") → day, read month first (every slash date that can only be read one way is month first); "January 12" (no year) → precision unknown, no date. Everything but the long day forms is counted in one partial_date issue (breakdown by form); unreadable dates are unparseable_cell. studyDateRaw keeps the text.',
    'license → license per image (trimmed; a blank or all-space cell is null, not the dataset\'s: the schema says blank = unknown). commercialUse: false for NC licences (CC BY-NC-SA, CC BY-NC-ND …), true for CC BY, CC BY-SA and Apache 2.0, null for blank and for "listed as authorized for everyone" (it names no terms).',
    'doi trimmed (one trailing space); url → sourceUrl. Stray spaces in keyed columns (location, doi, license) are trimmed and counted per column (stray_whitespace).',
    'annotations/covid-severity-scores.csv (CC BY-SA; 5 "##" comment lines, then filename,geographic_mean,opacity_mean; mean of 3 raters; geographic extent 0–8, opacity 0–6) → severity { geographicExtent, opacity } of the image with that file name; a name metadata.csv does not list is row_skipped.',
    'annotations/imageannotation_ai_lung_bounding_boxes.json (General Blockchain, COCO layout; 167 images, 334 boxes: Right Lung, Left Lung) → lungBoxes [{ label, x, y, width, height }] (pixels of the published image) by file name. One image (1.CXRCTThoraximagesofCOVID-19fromSingapore.pdf-003-fig4b.png) has both boxes with null coordinates: row_skipped, its lungBoxes stay null. Boxes of images metadata.csv does not list are row_skipped.',
    'A row without a file name (e.g. a caption fragment split off a quoted cell, or a blank line) is not a record: stray_row with its line. A row of another width, a file cut inside its last row, or a malformed quoted field refuse the file (SourceFormatError with file and line). A UTF-8 BOM is ignored.',
  ],
} as const satisfies ImagingManifest;
