import type { ImagingManifest } from '../../domain/imaging.js';
import { SPLIT_FILES } from './parse.js';

const RAW = 'https://raw.githubusercontent.com/UCSD-AI4H/COVID-CT/master';
const listPath = (id: string) => `Data-split/${SPLIT_FILES[id].list}/${SPLIT_FILES[id].split}CT_${SPLIT_FILES[id].list}.txt`;

export const manifest = {
  id: 'covid-ct',
  title: 'COVID-CT: CT images of COVID-19 from papers, with meta information and the published train/val/test split',
  publisher: 'Jinyu Zhao, Yichen Zhang, Xuehai He, Pengtao Xie (UC San Diego, UCSD-AI4H)',
  homepage: 'https://github.com/UCSD-AI4H/COVID-CT',
  license: {
    name: 'No licence: "All copyrights of the data belong to the authors and publishers of these papers" (README)',
    url: 'https://github.com/UCSD-AI4H/COVID-CT#readme',
  },
  redistribution: 'No licence is granted: the images belong to the authors and publishers of the papers they were taken from; the metadata and split lists are published for research, citing Zhao et al., arXiv:2003.13865.',
  cadence: 'irregular',
  frozenOn: '2020-11-15',
  metrics: [],
  levels: [],
  parserVersion: 2,
  files: [
    { id: 'metainfo', url: `${RAW}/COVID-CT-MetaInfo.xlsx`, mirror: ['imaging/covid-ct/COVID-CT-MetaInfo.xlsx'] },
    ...Object.keys(SPLIT_FILES).map((id) => ({ id, url: `${RAW}/${listPath(id)}`, mirror: [`imaging/covid-ct/${listPath(id)}`] })),
  ],
  imageFolders: [],
  notes: [
    'Upstream: COVID-CT-MetaInfo.xlsx and Data-split/ of UCSD-AI4H/COVID-CT. The mirrored copies come from forks that copied them unchanged: the workbook from tonydosreis/deeplearning-covid19 (commit 1362e936d380, 2020-11-15, path Info/; its docProps say it was last saved 2020-04-28), the split lists from KamalEyubov/sose2020-idv (commit 6b3a565629e8, 2020-08-12). frozenOn is the later of the two copy dates. No images are mirrored here (imageFolders empty).',
    'COVID-CT-MetaInfo.xlsx, first sheet, columns found by name (all 11 required): one row per COVID-19 CT image (figures of medRxiv/bioRxiv/journal papers), line = sheet row (header = 1). finding Pneumonia/Viral/COVID-19 (findingRaw "COVID", the dataset\'s class); modality ct; view null (not given); no study date (precision unknown).',
    'File name → imageId as published: 83 names have no extension (e.g. "kjr-21-e24-p2-8"); kept (name_without_extension). Patient ID → patient, trimmed ("Patient 180 " → "Patient 180", stray_whitespace). Age → age (years); "Young Child" and "40+" (6 rows each) are not ages: age null, the text in clinical.age (unparseable_cell). Gender M/F ("F ", "M " trimmed). DOI → doi (trimmed; "10.1016/ S0140-6736(20)…" has a space inside the DOI, removed and counted as repaired).',
    'Clinical (text as published): location (trimmed), medical_history, time (free text such as "day 6 after the onset of illness", "22 days", or a bare number, kept as a number; not turned into offsetDays because its reference point varies row to row), severity (a clinical description, not a score), other_diseases (e.g. "ordinary bacterial pneumonia" on 2020.02.25.20021568-p24-111%… images, which are nonetheless in the COVID class — not reinterpreted), captions.',
    'The last sheet row holds only a caption fragment ("NTM, nontuberculous mycobacterium. ") and no file name: stray_row, not stored.',
    'Data-split lists (one file name per line): publishedSplit rows { imageId, split train/val/test, list COVID/NonCOVID } — 191/60/98 COVID and 234/58/105 NonCOVID names. The COVID lists name 83 images with ".png" that MetaInfo lists without an extension; a list name that is exactly a MetaInfo name plus .png/.jpg is that image (reported as name_without_extension in the list file) and its split row names the image as MetaInfo does. A COVID list name MetaInfo does not list keeps its split row under the list\'s name, without an image record (row_skipped).',
    'NonCOVID images have no metadata: one record per NonCOVID list name (file and line = the list file), finding Non-COVID (CT scans of patients without COVID-19 — not "No Finding": many show other diseases), findingRaw "NonCOVID", patient null. A name listed twice (in one list or two) keeps its first listing (duplicate_image). Blank lines are stray_row; stray spaces are trimmed.',
    'license: the README\'s copyright statement on every image; commercialUse null (no licence is granted and none is named, so it is unclear rather than a stated restriction).',
  ],
} as const satisfies ImagingManifest;
