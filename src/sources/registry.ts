import type { Connector } from '../domain/series.js';
import { cdc } from './cdc/index.js';
import { chinaNhc } from './china-nhc/index.js';
import { datahub } from './datahub/index.js';
import { dxy } from './dxy/index.js';
import { ecdc } from './ecdc/index.js';
import { jhuDaily } from './jhu-daily/index.js';
import { jhuDailyUs } from './jhu-daily-us/index.js';
import { jhuErrata } from './jhu-errata/index.js';
import { jhuGlobal } from './jhu-global/index.js';
import { jhuLegacy } from './jhu-legacy/index.js';
import { jhuUs } from './jhu-us/index.js';
import { nyt } from './nyt/index.js';
import { owid } from './owid/index.js';
import { wellsrc } from './wellsrc/index.js';
import { who } from './who/index.js';
import { whoSitrep } from './who-sitrep/index.js';

/** Every connector, in the order `glacier ingest` runs them. */
export const CONNECTORS: readonly Connector[] = [jhuGlobal, jhuUs, jhuDaily, jhuDailyUs, jhuLegacy, jhuErrata, who, whoSitrep, ecdc, owid, datahub, nyt, cdc, dxy, chinaNhc, wellsrc];
