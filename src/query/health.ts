import { freshness, REQUIRED_SOURCES, STALE_AFTER_HOURS } from '../domain/freshness.js';
import type { Db } from '../store/db.js';
import { dataVersion, listSources } from '../store/read-sources.js';

export interface SourceHealth {
  id: string;
  cadence: 'daily' | 'weekly' | 'irregular';
  frozen_on: string | null;
  /** Its health decides the overall status (src/domain/freshness.ts, REQUIRED_SOURCES). */
  required: boolean;
  /** fresh, stale, frozen (archived upstream: never stale) or never_succeeded. */
  state: 'fresh' | 'stale' | 'frozen' | 'never_succeeded';
  stale: boolean;
  /** The newest run failed. */
  failing: boolean;
  stale_after_hours: number | null;
  last_attempt: { started_at: string; finished_at: string | null; status: string; error: string | null } | null;
  last_success_at: string | null;
  data_end: string | null;
  age_hours: { since_success: number | null; since_data_end: number | null };
  /** Kept from the first version of this response: the newest run's status and end. */
  last_run_status: string | null;
  last_run_at: string | null;
}

export interface Health {
  status: 'ok' | 'degraded';
  checked_at: string;
  /** reads_from: where the API reads now (replica only with DATABASE_READ_URL, once it has replayed the current version). */
  database: { reachable: true; kind: string; reads_from: 'primary' | 'replica' };
  data_version: number;
  /** Why the status is degraded: one line per required source that is failing or stale. */
  problems: string[];
  stale_after_hours: typeof STALE_AFTER_HOURS;
  sources: SourceHealth[];
}

/**
 * Health of the store and of every source that has run, as of `now` (injected: tests move the
 * clock). Degraded when a required source's newest run failed or it is stale; the other
 * sources only report their own state.
 */
export async function health(db: Db, now: Date, readsFrom: 'primary' | 'replica' = 'primary'): Promise<Health> {
  const version = await dataVersion(db);
  const sources = (await listSources(db)).map((s): SourceHealth => {
    const f = freshness(
      { cadence: s.manifest.cadence, frozenOn: s.manifest.frozenOn ?? null, lastStatus: s.last_run?.status ?? null, lastSuccessAt: s.last_success?.finished_at ?? null, dataEnd: s.data_end },
      now,
    );
    return {
      id: s.id,
      cadence: s.manifest.cadence,
      frozen_on: s.manifest.frozenOn ?? null,
      required: REQUIRED_SOURCES.includes(s.id),
      state: f.state,
      stale: f.stale,
      failing: f.failing,
      stale_after_hours: f.staleAfterHours,
      last_attempt: s.last_run ? { started_at: s.last_run.started_at, finished_at: s.last_run.finished_at, status: s.last_run.status, error: s.last_run.error } : null,
      last_success_at: s.last_success?.finished_at ?? null,
      data_end: s.data_end,
      age_hours: { since_success: f.hoursSinceSuccess, since_data_end: f.hoursSinceDataEnd },
      last_run_status: s.last_run?.status ?? null,
      last_run_at: s.last_run?.finished_at ?? null,
    };
  });
  const problems = sources
    .filter((s) => s.required && (s.failing || s.stale))
    .map((s) => (s.failing ? `${s.id}: the last run failed (${s.last_attempt?.error ?? 'no error recorded'})` : `${s.id}: no successful run for ${s.age_hours.since_success ?? 'ever'}${s.age_hours.since_success === null ? '' : ' h'} (stale after ${s.stale_after_hours} h)`));
  return {
    status: problems.length ? 'degraded' : 'ok',
    checked_at: now.toISOString(),
    database: { reachable: true, kind: db.kind, reads_from: readsFrom },
    data_version: version,
    problems,
    stale_after_hours: STALE_AFTER_HOURS,
    sources,
  };
}
