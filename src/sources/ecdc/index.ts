import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseEcdcAsync } from './parse.js';

/** ECDC daily cases and deaths per country (2019-12-31 .. 2020-12-14): CSV vintages and the final XLSX. */
export const ecdc: Connector = { manifest, parse: parseEcdcAsync };
