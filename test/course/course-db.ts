import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { silentLogger } from '../../src/ingest/context.js';
import { ingestAll } from '../../src/ingest/ingest-all.js';
import type { AnyConnector } from '../../src/domain/imaging.js';
import { chinaNhc } from '../../src/sources/china-nhc/index.js';
import { dxy } from '../../src/sources/dxy/index.js';
import { jhuDaily } from '../../src/sources/jhu-daily/index.js';
import { jhuGlobal } from '../../src/sources/jhu-global/index.js';
import { linelistKudos } from '../../src/sources/linelist-kudos/index.js';
import { linelistOpen } from '../../src/sources/linelist-open/index.js';
import { wellsrc } from '../../src/sources/wellsrc/index.js';
import { who } from '../../src/sources/who/index.js';
import type { Db } from '../../src/store/db.js';
import { type DbTarget, type TestDb } from '../databases.js';
import { cachedTestDb } from '../fixture-cache.js';
import { makeMirror } from '../mirror.js';
import { dataPath } from '../shared-data.js';

/**
 * The course database (docs/course/): what the six lessons read, from the real files in
 * ../shared/data. THE LIST (add a source here, with the lesson that needs it, when a lesson needs more):
 *
 * - jhu-global: the final confirmed, deaths and recovered files, cut to COURSE_COUNTRIES (lessons
 *   1, 2, 4, 6); and two older vintages of confirmed (as of 2020-04-01 and 2020-12-31) plus deaths
 *   as of 2020-12-31, cut the same way, so that `as_of` and `/v1/revisions` have history (lesson 1,
 *   lesson 6's forecasts "as then known").
 * - who: WHO's 2024-08 file (weekly rows) and its 2020-06-25 copy (daily rows), cut to the same
 *   countries: a second source for `/v1/compare` and `/v1/discrepancies` (lesson 1) and a second
 *   vintage of WHO.
 * - dxy: DXY's province/city snapshots (2020-02-17 CSV, 2020-03-29 JSON) and national totals (2020-02-29
 *   CSV, 2020-03-29 JSON), whole: Wuhan and Hubei's first wave (lessons 1, 3).
 * - china-nhc: the NHC-derived province table of 2020-01-21..30 (lesson 3).
 * - wellsrc: Wells et al.'s reported daily incidence in Wuhan (lesson 3, lesson 5).
 * - linelist-open and linelist-kudos: the two line lists, whole (lesson 4's delays and incubation).
 * - jhu-daily: JHU's daily reports of 2020-01-22..2020-04-30 (one a day; the mirror's later ones are
 *   monthly), cut to the country rows of Germany and Italy (DAILY_REPORT_COUNTRIES): a vintage a day,
 *   so that lesson 6's `/v1/models/evaluation` makes real versioned forecasts (the first wave,
 *   weekly deaths, 2020-03-07..04-25). They also show in lesson 1 (Italy's /v1/revisions and
 *   Germany's /v1/discrepancies).
 *
 * Kept small on purpose (the runner's whole budget is 90 s): the JHU and WHO files are cut to
 * COURSE_COUNTRIES, as test/api-fixture.ts cuts the US file. Measured on the shared 2-core machine
 * (load average about 7): 21 s on PostgreSQL, 36 s on PGlite; by source on PostgreSQL, gazetteer
 * 1.5 s, jhu-global 3.5 s, who 0.9 s, dxy 3.9 s, china-nhc 0.4 s, wellsrc 0.3 s, linelist-open
 * 8.2 s (13,174 rows; lesson 4's /v1/models/delays reads both lists), linelist-kudos 0.8 s.
 * With jhu-daily (measured 2026-12-06, load average 15-19, so all slower): 32.7 s on PostgreSQL, of which
 * jhu-daily 2.1 s (91 reports of 1-2 rows; gazetteer 1.7, jhu-global 4.9, who 1.0, dxy 8.9,
 * china-nhc 1.2, wellsrc 0.4, linelist-open 10.1, linelist-kudos 0.9); 41.2 s on PGlite, of which
 * jhu-daily 2.2 s. The source itself costs about 2 s on either database.
 */
export const COURSE_COUNTRIES = ['China', 'Germany', 'Italy', 'Korea, South', 'United Kingdom', 'US', 'Brazil', 'India', 'South Africa', 'Japan'];

/** ISO codes of COURSE_COUNTRIES (WHO's file names countries by ISO2 code). */
const COURSE_ISO2 = ['CN', 'DE', 'IT', 'KR', 'GB', 'US', 'BR', 'IN', 'ZA', 'JP'];

function gz(rel: string): string {
  return gunzipSync(readFileSync(dataPath(rel))).toString('utf8');
}

/** A JHU global wide file cut to the rows of COURSE_COUNTRIES (header kept). */
export function jhuCourseSubset(rel: string): string {
  const lines = gz(rel).split('\n');
  const keep = (l: string) => COURSE_COUNTRIES.some((c) => l.includes(`,${c},`) || l.includes(`,"${c}",`));
  return [lines[0], ...lines.slice(1).filter(keep)].join('\n') + '\n';
}

/** WHO's long file cut to the rows of COURSE_ISO2 (column 2 is Country_code in both copies). */
export function whoCourseSubset(rel: string): string {
  const lines = gz(rel).split('\n');
  return [lines[0], ...lines.slice(1).filter((l) => COURSE_ISO2.includes(l.split(',')[1]))].join('\n') + '\n';
}

/** The countries whose rows of JHU's daily reports the course keeps (lesson 6's versioned backtest). */
export const DAILY_REPORT_COUNTRIES = ['Germany', 'Italy'];

/** JHU's daily reports of 2020-01-22..2020-04-30 (one a day; the later ones in the mirror are monthly). */
export const DAILY_REPORTS = readdirSync(dataPath('jhu/daily_reports')).filter((f) => /^0[1-4]-\d\d-2020\.csv$/.test(f)).sort();

/** A daily report cut to the country rows (no province) of DAILY_REPORT_COUNTRIES, or null when it has none. */
export function dailyReportCourseSubset(file: string): string | null {
  const lines = readFileSync(dataPath('jhu/daily_reports', file), 'utf8').split(/\r?\n/);
  const isCountryRow = (l: string) => l.split(',').some((cell, i, cells) => DAILY_REPORT_COUNTRIES.includes(cell) && cells[i - 1] === '');
  const rows = lines.slice(1).filter(isCountryRow);
  return rows.length ? [lines[0], ...rows].join('\n') + '\n' : null;
}

const COURSE_CONNECTORS: readonly AnyConnector[] = [jhuGlobal, jhuDaily, who, dxy, chinaNhc, wellsrc, linelistOpen, linelistKudos];

/** Ingests the course's sources (the list above) into `db`. */
export async function ingestCourse(db: Db): Promise<void> {
  const jhu = (rel: string) => ({ text: jhuCourseSubset(rel) });
  const strip = (rel: string) => rel.replace(/\.gz$/, '');
  const files: Record<string, string | { text: string }> = {
    'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv',
    'who/WHO-COVID-19-global-data_asof_2024-08.csv': { text: whoCourseSubset('who/WHO-COVID-19-global-data_asof_2024-08.csv.gz') },
    'who/WHO-COVID-19-global-data_asof_2020-06-25.csv': { text: whoCourseSubset('who/WHO-COVID-19-global-data_asof_2020-06-25.csv.gz') },
    'china/dxy/DXYArea_asof_2020-02-17.csv.gz': 'china/dxy/DXYArea_asof_2020-02-17.csv.gz',
    'china/dxy/DXYArea_latest_2020-03-29.json': 'china/dxy/DXYArea_latest_2020-03-29.json',
    'china/dxy/DXYOverall_asof_2020-02-29.csv.gz': 'china/dxy/DXYOverall_asof_2020-02-29.csv.gz',
    'china/dxy/DXYOverall_latest_2020-03-29.json': 'china/dxy/DXYOverall_latest_2020-03-29.json',
    'china/glacier-ice_prov_data_0130.csv': 'china/glacier-ice_prov_data_0130.csv',
    'wellsrc/ReportedIncidenceWuhan-Dec62019=t0.mat': 'wellsrc/ReportedIncidenceWuhan-Dec62019=t0.mat',
    'linelists/beoutbreakprepared/COVID19_open_line_list.csv.gz': 'linelists/beoutbreakprepared/COVID19_open_line_list.csv.gz',
    'linelists/kudos/COVID19_line_list_data.csv': 'linelists/kudos/COVID19_line_list_data.csv',
  };
  for (const rel of [
    'jhu/time_series/time_series_covid19_confirmed_global.csv.gz',
    'jhu/time_series/time_series_covid19_deaths_global.csv.gz',
    'jhu/time_series/time_series_covid19_recovered_global.csv.gz',
    'jhu/vintages/confirmed_global_asof_2020-04-01.csv.gz',
    'jhu/vintages/confirmed_global_asof_2020-12-31.csv.gz',
    'jhu/vintages/deaths_global_asof_2020-12-31.csv.gz',
  ]) files[strip(rel)] = jhu(rel);
  for (const f of DAILY_REPORTS) {
    const rows = dailyReportCourseSubset(f);
    if (rows) files[`jhu/daily_reports/${f}`] = { text: rows };
  }
  const mirror = await makeMirror(files);
  try {
    const runs = await ingestAll({ db, origin: { kind: 'mirror', root: mirror.root }, clock: () => new Date(), log: silentLogger }, COURSE_CONNECTORS);
    const failed = runs.filter((r) => r.status === 'failed');
    if (failed.length) throw new Error(`course ingest failed: ${failed.map((r) => `${r.sourceId}: ${r.error}`).join('; ')}`);
  } finally {
    await mirror.cleanup();
  }
}

/** The course database on `target`, built once per test run (test/fixture-cache.ts). */
export function courseDb(target: DbTarget): Promise<TestDb> {
  return cachedTestDb(target, 'course', ingestCourse);
}
