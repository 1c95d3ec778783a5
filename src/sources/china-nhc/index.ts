import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseChinaNhc } from './parse.js';

export const chinaNhc: Connector = { manifest, parse: parseChinaNhc };
