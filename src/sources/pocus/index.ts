import type { ImagingConnector } from '../../domain/imaging.js';
import { manifest } from './manifest.js';
import { parsePocus } from './parse.js';

export const pocus: ImagingConnector = { kind: 'imaging', manifest, parse: parsePocus };
