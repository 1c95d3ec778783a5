import type { Connector } from '../../domain/series.js';
import { manifest } from './manifest.js';
import { parseJhuDailyUs } from './parse.js';

export const jhuDailyUs: Connector = { manifest, parse: parseJhuDailyUs };
