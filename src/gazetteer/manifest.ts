import type { SourceManifest } from '../domain/source.js';
import { JHU_HOMEPAGE, JHU_LICENSE, JHU_RAW, JHU_REDISTRIBUTION } from '../sources/jhu-common/manifest-parts.js';

/**
 * The gazetteer is ingested like a source (so its runs and files are on record), but it
 * carries places, not metrics.
 */
export const gazetteerManifest = {
  id: 'gazetteer',
  title: 'Glacier gazetteer: JHU CSSE UID/ISO/FIPS lookup table keyed by the Glacier reference tables',
  publisher: 'JHU CSSE (lookup table); Glacier (key scheme, src/gazetteer/reference)',
  homepage: JHU_HOMEPAGE,
  license: JHU_LICENSE,
  redistribution: JHU_REDISTRIBUTION,
  cadence: 'irregular',
  frozenOn: '2023-03-10',
  metrics: [],
  levels: ['country', 'subdivision', 'county'],
  // 2: locations carry name_zh (chinese-names.ts), so a stored gazetteer is rebuilt once.
  parserVersion: 2,
  files: [{ id: 'uid-lookup', url: `${JHU_RAW}/UID_ISO_FIPS_LookUp_Table.csv`, mirror: ['jhu/UID_ISO_FIPS_LookUp_Table.csv'] }],
} as const satisfies SourceManifest;
