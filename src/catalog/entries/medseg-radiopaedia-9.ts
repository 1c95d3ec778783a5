import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'medseg-radiopaedia-9',
  title: 'MedSeg COVID-19 CT segmentation dataset: 9 volumes from Radiopaedia',
  publisher: 'MedSeg (medicalsegmentation.com)',
  description:
    'Nine whole axial CT volumes of COVID-19 patients from Radiopaedia cases, with lung masks and radiologist segmentations of ground-glass opacity, consolidation and pleural effusion on the slices judged positive, as NIfTI files; the second MedSeg release, after the 100-slice SIRM set.',
  type: 'imaging',
  modalities: ['ct'],
  counts: [
    {
      unit: 'images',
      value: 829,
      statedOn: '2020-04-13',
      source: 'https://medicalsegmentation.com/covid19/',
      note: 'Axial slices of the nine CT volumes: "373 out of the total of 829 slices have been evaluated by a radiologist as positive and segmented" (MedSeg page, segmentation dataset nr. 2, 13 April 2020).',
    },
  ],
  license: { name: 'No licence stated on the MedSeg page; source volumes are Radiopaedia cases (CC BY-NC-SA 3.0)', url: 'https://medicalsegmentation.com/covid19/' },
  redistribution: 'unclear',
  redistributionNote: 'MedSeg states no licence; the volumes come from Radiopaedia, whose cases are CC BY-NC-SA 3.0, so at most non-commercial reuse with attribution to the Radiopaedia case authors under the same licence.',
  commercialUse: false,
  access: ['download'],
  homepage: 'https://medicalsegmentation.com/covid19/',
  downloads: [],
  spatialCoverage: 'Worldwide (Radiopaedia cases)',
  status: { state: 'active' },
  connectors: [],
  keywords: ['COVID-19', 'CT', 'segmentation', 'MedSeg', 'Radiopaedia', 'NIfTI', 'lung masks'],
} satisfies DatasetEntry;
