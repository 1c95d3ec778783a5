import type { ChatterConnector } from '../domain/chatter.js';
import type { LiteratureConnector } from '../domain/literature.js';
import type { SequenceConnector } from '../domain/sequences.js';
import { cord19 } from './cord19/index.js';
import { nextstrainConnector } from './nextstrain/index.js';
import { preprints } from './preprints/index.js';
import { twitterChatter } from './twitter-chatter/index.js';

/** The literature connectors (papers, preprints), the chatter connector and the sequences connector. */
export const LITERATURE_CONNECTORS: readonly LiteratureConnector[] = [cord19, preprints];
export const CHATTER_CONNECTORS: readonly ChatterConnector[] = [twitterChatter];
export const SEQUENCE_CONNECTORS: readonly SequenceConnector[] = [nextstrainConnector];
