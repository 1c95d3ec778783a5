import type { SequenceConnector } from '../../domain/sequences.js';
import { manifest } from './manifest.js';
import { parseNextstrain } from './parse.js';

export const nextstrainConnector: SequenceConnector = {
  kind: 'sequences',
  manifest,
  parse: parseNextstrain,
};

export { manifest } from './manifest.js';
export { parseNextstrain, parseReference, textOf } from './parse.js';
export { parseFasta, type FastaRecord } from './fasta.js';
export { parseClades } from './clades.js';
export { parseGff, parseLatLongs, parseMetadata, readSequenceDate } from './tables.js';
