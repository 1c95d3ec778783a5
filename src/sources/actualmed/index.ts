import type { ImagingConnector } from '../../domain/imaging.js';
import { manifest } from './manifest.js';
import { parseActualmed } from './parse.js';

export const actualmed: ImagingConnector = { kind: 'imaging', manifest, parse: parseActualmed };
