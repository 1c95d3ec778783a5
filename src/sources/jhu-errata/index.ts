import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseJhuErrata } from './parse.js';

export const jhuErrata: Connector = { manifest, parse: parseJhuErrata };
