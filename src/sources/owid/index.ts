import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseOwid } from './parse.js';

export const owid: Connector = { manifest, parse: parseOwid };
