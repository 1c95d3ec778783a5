import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseWhoSitrep } from './parse.js';

export const whoSitrep: Connector = { manifest, parse: parseWhoSitrep };
