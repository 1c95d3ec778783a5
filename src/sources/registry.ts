import type { Connector } from '../domain/series.js';
import { jhuGlobal } from './jhu-global/index.js';
import { jhuUs } from './jhu-us/index.js';

/** Every connector, in the order `glacier ingest` runs them. */
export const CONNECTORS: readonly Connector[] = [jhuGlobal, jhuUs];
