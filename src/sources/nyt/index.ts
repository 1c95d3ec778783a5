import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseNyt } from './parse.js';

export const nyt: Connector = { manifest, parse: parseNyt };
