import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseWellsrc } from './parse.js';

export const wellsrc: Connector = { manifest, parse: parseWellsrc };
