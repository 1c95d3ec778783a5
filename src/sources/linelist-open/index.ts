import type { CaseConnector } from '../../domain/cases.js';
import { manifest } from './manifest.js';
import { parseOpenLineList } from './parse.js';

export const linelistOpen: CaseConnector = { kind: 'cases', manifest, parse: parseOpenLineList };
