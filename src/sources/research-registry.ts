import type { ChatterConnector } from '../domain/chatter.js';
import type { LiteratureConnector } from '../domain/literature.js';
import { cord19 } from './cord19/index.js';
import { preprints } from './preprints/index.js';
import { twitterChatter } from './twitter-chatter/index.js';

/** The literature connectors (papers, preprints) and the chatter connector. */
export const LITERATURE_CONNECTORS: readonly LiteratureConnector[] = [cord19, preprints];
export const CHATTER_CONNECTORS: readonly ChatterConnector[] = [twitterChatter];
