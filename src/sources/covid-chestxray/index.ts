import type { ImagingConnector } from '../../domain/imaging.js';
import { manifest } from './manifest.js';
import { parseCovidChestxray } from './parse.js';

export const covidChestxray: ImagingConnector = { kind: 'imaging', manifest, parse: parseCovidChestxray };
