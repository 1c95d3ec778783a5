import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseJhuGlobal } from './parse.js';

export const jhuGlobal: Connector = { manifest, parse: parseJhuGlobal };
