import type { Db } from '../store/db.js';
import { listSources, recentRuns, runDetail, type SourceRow } from '../store/read-sources.js';
import { QueryError } from './errors.js';

/** A source as listed: licence, coverage, freshness, last run. */
export function sourceSummary(s: SourceRow) {
  const m = s.manifest;
  return {
    id: s.id, title: m.title, publisher: m.publisher, homepage: m.homepage, license: m.license, redistribution: m.redistribution,
    cadence: m.cadence, metrics: m.metrics, levels: m.levels, data_start: s.data_start, data_end: s.data_end,
    series_count: s.series_count, last_run: s.last_run, last_success: s.last_success,
  };
}

export async function sources(db: Db) {
  return (await listSources(db)).map(sourceSummary);
}

/** One source with its files, notes and its 20 newest runs. */
export async function sourceDetail(db: Db, id: string) {
  const s = (await listSources(db)).find((x) => x.id === id);
  if (!s) throw new QueryError('ERR_SOURCE_NOT_FOUND', `no source has the id ${JSON.stringify(id)} (see /v1/sources)`);
  const m = s.manifest;
  return {
    ...sourceSummary(s), frozen_on: m.frozenOn ?? null, notes: m.notes ?? [], files: m.files, discontinued: m.discontinued ?? [],
    runs: await recentRuns(db, s.id, 20),
  };
}

/** One ingest run: the files it read, its counts and its validation report. */
export async function runReport(db: Db, sourceId: string, runId: number) {
  const d = await runDetail(db, sourceId, runId);
  if (!d) throw new QueryError('ERR_RUN_NOT_FOUND', `source ${JSON.stringify(sourceId)} has no run ${runId}`);
  const { report, ...run } = d.run;
  return { ...run, source: sourceId, files: d.files.map(({ id: _id, ...f }) => f), report };
}
