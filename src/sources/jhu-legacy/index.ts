import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseJhuLegacy } from './parse.js';

export const jhuLegacy: Connector = { manifest, parse: parseJhuLegacy };
