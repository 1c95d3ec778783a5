import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseDxy } from './parse.js';

export const dxy: Connector = { manifest, parse: parseDxy };
