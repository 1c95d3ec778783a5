import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseJhuDaily } from './parse.js';

export const jhuDaily: Connector = { manifest, parse: parseJhuDaily };
