import type { AnyConnector } from '../domain/imaging.js';
import { IMAGING_CONNECTORS } from './imaging-registry.js';
import { CONNECTORS } from './registry.js';

/** Every connector `glacier ingest` runs, in order: case counts, then the imaging sets. */
export const ALL_CONNECTORS: readonly AnyConnector[] = [...CONNECTORS, ...IMAGING_CONNECTORS];
