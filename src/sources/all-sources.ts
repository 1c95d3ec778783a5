import type { AnyConnector } from '../domain/imaging.js';
import { CASE_CONNECTORS } from './case-registry.js';
import { IMAGING_CONNECTORS } from './imaging-registry.js';
import { CONNECTORS } from './registry.js';

/** Every connector `glacier ingest` runs, in order: case counts, the imaging sets, the line lists. */
export const ALL_CONNECTORS: readonly AnyConnector[] = [...CONNECTORS, ...IMAGING_CONNECTORS, ...CASE_CONNECTORS];
