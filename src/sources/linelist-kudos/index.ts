import type { CaseConnector } from '../../domain/cases.js';
import { manifest } from './manifest.js';
import { parseKudos } from './parse.js';

export const linelistKudos: CaseConnector = { kind: 'cases', manifest, parse: parseKudos };
