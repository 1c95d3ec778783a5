import type { ChatterConnector } from '../../domain/chatter.js';
import { manifest } from './manifest.js';
import { parseTwitterChatter } from './parse.js';

export const twitterChatter: ChatterConnector = { kind: 'chatter', manifest, parse: parseTwitterChatter };
export { manifest } from './manifest.js';
export { dailyFileOf, NGRAM_HEADER, parseTwitterChatter } from './parse.js';
export { isNoise, noiseReason, STOP_WORDS } from './noise.js';
