import type { LiteratureConnector } from '../../domain/literature.js';
import { manifest } from './manifest.js';
import { parseCord19 } from './parse.js';

export const cord19: LiteratureConnector = { kind: 'literature', manifest, parse: parseCord19 };
export { manifest } from './manifest.js';
export { parseCord19 } from './parse.js';
export { normalizeDoi, stripMarkup, parsePublishDate, isPlaceholderDate } from './text.js';
