import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseJhuUs } from './parse.js';

export const jhuUs: Connector = { manifest, parse: parseJhuUs };
