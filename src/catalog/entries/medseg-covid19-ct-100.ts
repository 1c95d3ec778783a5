import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'medseg-covid19-ct-100',
  title: 'MedSeg COVID-19 CT segmentation dataset (100 axial slices)',
  publisher: 'MedSeg (medicalsegmentation.com)',
  description:
    'One hundred axial CT slices from more than 40 COVID-19 patients, taken from the SIRM COVID-19 database (JPG images converted to NIfTI), segmented by a radiologist into ground-glass opacity, consolidation and pleural effusion. Published by MedSeg in April 2020.',
  type: 'imaging',
  modalities: ['ct'],
  counts: [
    {
      unit: 'images',
      value: 100,
      statedOn: '2020-04-13',
      source: 'https://medicalsegmentation.com/covid19/',
      note: '"100 axial CT images from >40 patients with COVID-19" (MedSeg page). Published before the second set (13 April 2020); the date given is that bound, not the release day.',
    },
  ],
  license: { name: 'No licence stated on the MedSeg page; images from the SIRM COVID-19 database', url: 'https://medicalsegmentation.com/covid19/' },
  redistribution: 'unclear',
  redistributionNote: 'MedSeg offers the files for download and asks to be credited but states no licence; the images come from SIRM, which states none either, so redistribution terms are unclear.',
  commercialUse: null,
  access: ['download'],
  homepage: 'https://medicalsegmentation.com/covid19/',
  downloads: [],
  spatialCoverage: 'Italy (SIRM cases)',
  status: { state: 'active' },
  connectors: [],
  keywords: ['COVID-19', 'CT', 'segmentation', 'MedSeg', 'ground-glass opacity', 'consolidation', 'NIfTI', 'SIRM'],
} satisfies DatasetEntry;
