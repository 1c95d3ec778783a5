import type { CaseConnector } from '../domain/cases.js';
import { linelistKudos } from './linelist-kudos/index.js';
import { linelistOpen } from './linelist-open/index.js';

/** Every line-list (case record) connector. */
export const CASE_CONNECTORS: readonly CaseConnector[] = [linelistOpen, linelistKudos];
