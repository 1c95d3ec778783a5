import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseDatahub } from './parse.js';

export const datahub: Connector = { manifest, parse: parseDatahub };
