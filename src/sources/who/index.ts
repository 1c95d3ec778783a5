import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseWho } from './parse.js';

export const who: Connector = { manifest, parse: parseWho };
