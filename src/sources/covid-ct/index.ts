import type { ImagingConnector } from '../../domain/imaging.js';
import { manifest } from './manifest.js';
import { parseCovidCt } from './parse.js';

export const covidCt: ImagingConnector = { kind: 'imaging', manifest, parse: parseCovidCt };
