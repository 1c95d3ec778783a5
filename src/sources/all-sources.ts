import type { AnyConnector } from '../domain/imaging.js';
import { CASE_CONNECTORS } from './case-registry.js';
import { IMAGING_CONNECTORS } from './imaging-registry.js';
import { CONNECTORS } from './registry.js';
import { CHATTER_CONNECTORS, LITERATURE_CONNECTORS, SEQUENCE_CONNECTORS } from './research-registry.js';

/** Every connector `glacier ingest` runs, in order: case counts, imaging sets, line lists, literature, chatter, sequences. */
export const ALL_CONNECTORS: readonly AnyConnector[] = [...CONNECTORS, ...IMAGING_CONNECTORS, ...CASE_CONNECTORS, ...LITERATURE_CONNECTORS, ...CHATTER_CONNECTORS, ...SEQUENCE_CONNECTORS];
