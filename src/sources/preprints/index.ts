import type { LiteratureConnector } from '../../domain/literature.js';
import { manifest } from './manifest.js';
import { parsePreprints } from './parse.js';

export const preprints: LiteratureConnector = { kind: 'literature', manifest, parse: parsePreprints };
export { manifest } from './manifest.js';
export { applyPreprintLinks, linkPreprints, parsePreprints, type PreprintLinks } from './parse.js';
