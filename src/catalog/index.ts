import { DATASET_TYPES, type DatasetEntry } from '../domain/dataset.js';
import { entry as actualmed } from './entries/actualmed.js';
import { entry as bsti } from './entries/bsti.js';
import { entry as cdc } from './entries/cdc.js';
import { entry as chinaCdcWeekly } from './entries/china-cdc-weekly.js';
import { entry as chinaNhc } from './entries/china-nhc.js';
import { entry as cord19 } from './entries/cord19.js';
import { entry as covidChestxray } from './entries/covid-chestxray.js';
import { entry as covidCt } from './entries/covid-ct.js';
import { entry as covid19DataPortal } from './entries/covid19-data-portal.js';
import { entry as covid19Radiography } from './entries/covid19-radiography.js';
import { entry as datahub } from './entries/datahub.js';
import { entry as dxy } from './entries/dxy.js';
import { entry as ecdc } from './entries/ecdc.js';
import { entry as eurorad } from './entries/eurorad.js';
import { entry as gisaidEpicov } from './entries/gisaid-epicov.js';
import { entry as jhuDaily } from './entries/jhu-daily.js';
import { entry as jhuDailyUs } from './entries/jhu-daily-us.js';
import { entry as jhuErrata } from './entries/jhu-errata.js';
import { entry as jhuGlobal } from './entries/jhu-global.js';
import { entry as jhuLegacy } from './entries/jhu-legacy.js';
import { entry as jhuUs } from './entries/jhu-us.js';
import { entry as kaggleCovidChestXray } from './entries/kaggle-covid-chest-xray.js';
import { entry as kudosKaggleLinelist } from './entries/kudos-kaggle-linelist.js';
import { entry as medrxivBiorxivCovid19 } from './entries/medrxiv-biorxiv-covid19.js';
import { entry as medsegCovid19Ct100 } from './entries/medseg-covid19-ct-100.js';
import { entry as medsegRadiopaedia9 } from './entries/medseg-radiopaedia-9.js';
import { entry as ncbiVirusSarsCov2 } from './entries/ncbi-virus-sars-cov-2.js';
import { entry as nextstrainNcovOpen } from './entries/nextstrain-ncov-open.js';
import { entry as nyt } from './entries/nyt.js';
import { entry as openCovid19Linelist } from './entries/open-covid19-linelist.js';
import { entry as owid } from './entries/owid.js';
import { entry as panaceaCovid19Twitter } from './entries/panacea-covid19-twitter.js';
import { entry as pocus } from './entries/pocus.js';
import { entry as sirm } from './entries/sirm.js';
import { entry as wellsrc } from './entries/wellsrc.js';
import { entry as who } from './entries/who.js';
import { entry as whoCovidLiterature } from './entries/who-covid-literature.js';
import { entry as whoSitrep } from './entries/who-sitrep.js';

/** Every entry, in no particular order (DATASETS sorts them). */
const ALL: readonly DatasetEntry[] = [actualmed, bsti, cdc, chinaCdcWeekly, chinaNhc, cord19, covidChestxray, covidCt, covid19DataPortal, covid19Radiography, datahub, dxy, ecdc, eurorad, gisaidEpicov, jhuDaily, jhuDailyUs, jhuErrata, jhuGlobal, jhuLegacy, jhuUs, kaggleCovidChestXray, kudosKaggleLinelist, medrxivBiorxivCovid19, medsegCovid19Ct100, medsegRadiopaedia9, ncbiVirusSarsCov2, nextstrainNcovOpen, nyt, openCovid19Linelist, owid, panaceaCovid19Twitter, pocus, sirm, wellsrc, who, whoCovidLiterature, whoSitrep];

const typeRank = (e: DatasetEntry): number => DATASET_TYPES.indexOf(e.type);

/** The research-dataset catalog, ordered by type (DATASET_TYPES order) then id. */
export const DATASETS: readonly DatasetEntry[] = Object.freeze(
  [...ALL].sort((a, b) => typeRank(a) - typeRank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
);

const BY_ID: ReadonlyMap<string, DatasetEntry> = new Map(DATASETS.map((e) => [e.id, e]));

/** The entry with this id, or undefined. */
export function datasetById(id: string): DatasetEntry | undefined {
  return BY_ID.get(id);
}
