import type { ImagingConnector } from '../domain/imaging.js';
import { actualmed } from './actualmed/index.js';
import { covidChestxray } from './covid-chestxray/index.js';
import { covidCt } from './covid-ct/index.js';
import { pocus } from './pocus/index.js';

/** Every imaging connector, in the order `glacier ingest` runs them. */
export const IMAGING_CONNECTORS: readonly ImagingConnector[] = [covidChestxray, actualmed, covidCt, pocus];
