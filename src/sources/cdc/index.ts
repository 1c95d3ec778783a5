import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseCdc } from './parse.js';

export const cdc: Connector = { manifest, parse: parseCdc };
