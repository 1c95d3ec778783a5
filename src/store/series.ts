import { isoFromDay } from '../domain/dates.js';
import type { LocationLevel } from '../domain/location.js';
import { precedenceRule, rankSeries } from '../domain/precedence.js';
import type { Db } from './db.js';

export interface SeriesKey {
  key: string;
  metric: string;
  derived: boolean;
}

/** Ids of the source's series, creating the missing ones. */
export async function ensureSeries(db: Db, sourceId: string, list: SeriesKey[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < list.length; i += 5000) {
    const part = list.slice(i, i + 5000);
    const rows = await db.query<{ id: number; location_key: string; metric: string }>(
      `INSERT INTO series (source_id, location_key, metric, derived)
       SELECT $1, k, m, d FROM unnest($2::text[], $3::text[], $4::boolean[]) AS u(k, m, d)
       ON CONFLICT (source_id, location_key, metric) DO UPDATE SET derived = series.derived
       RETURNING id, location_key, metric`,
      [sourceId, part.map((s) => s.key), part.map((s) => s.metric), part.map((s) => s.derived)],
    );
    for (const r of rows) ids.set(`${r.location_key}|${r.metric}`, r.id);
  }
  return ids;
}

/** Ids of the source's series that exist already, by "key|metric" (read only: nothing is created). */
export async function findSeries(db: Db, sourceId: string, list: readonly { key: string; metric: string }[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < list.length; i += 5000) {
    const part = list.slice(i, i + 5000);
    const rows = await db.query<{ id: number; location_key: string; metric: string }>(
      `SELECT s.id, s.location_key, s.metric FROM series s
       JOIN unnest($2::text[], $3::text[]) AS u(k, m) ON s.location_key = u.k AND s.metric = u.m
       WHERE s.source_id = $1`,
      [sourceId, part.map((s) => s.key), part.map((s) => s.metric)],
    );
    for (const r of rows) ids.set(`${r.location_key}|${r.metric}`, r.id);
  }
  return ids;
}

/** A series is reported or derived as of its newest vintage. Rows already right are left alone (a first load's every series: 0.16-0.28 s of jhu-us's commit). */
export async function setDerived(db: Db, list: { id: number; derived: boolean }[]): Promise<void> {
  if (list.length === 0) return;
  await db.query(
    'UPDATE series s SET derived = u.d FROM unnest($1::int[], $2::boolean[]) AS u(i, d) WHERE s.id = u.i AND s.derived <> u.d',
    [list.map((x) => x.id), list.map((x) => x.derived)],
  );
}

export interface SeriesSummary {
  seriesId: number;
  firstDay: number | null;
  lastDay: number | null;
  latestDay: number | null;
  latestValue: number | null;
  latestIssue: number | null;
  valueCount: number;
  anomalyCount: number;
}

export async function writeSummaries(db: Db, list: SeriesSummary[]): Promise<void> {
  const d = (x: number | null) => (x === null ? null : isoFromDay(x));
  for (let i = 0; i < list.length; i += 5000) {
    const part = list.slice(i, i + 5000);
    await db.query(
      `INSERT INTO series_summary (series_id, first_date, last_date, latest_date, latest_value, latest_issue, value_count, anomaly_count)
       SELECT * FROM unnest($1::int[], $2::date[], $3::date[], $4::date[], $5::float8[], $6::date[], $7::int[], $8::int[])
       ON CONFLICT (series_id) DO UPDATE SET first_date = EXCLUDED.first_date, last_date = EXCLUDED.last_date,
         latest_date = EXCLUDED.latest_date, latest_value = EXCLUDED.latest_value,
         latest_issue = EXCLUDED.latest_issue, value_count = EXCLUDED.value_count, anomaly_count = EXCLUDED.anomaly_count`,
      [
        part.map((s) => s.seriesId),
        part.map((s) => d(s.firstDay)),
        part.map((s) => d(s.lastDay)),
        part.map((s) => d(s.latestDay)),
        part.map((s) => s.latestValue),
        part.map((s) => d(s.latestIssue)),
        part.map((s) => s.valueCount),
        part.map((s) => s.anomalyCount),
      ],
    );
  }
}

/**
 * Re-ranks the series of every location and metric that has data (PRECEDENCE); with `sourceId`,
 * only the locations and metrics that source has series of (a run changes no other group: a
 * group's ranks depend only on its own series and the location's level). Every source ingested
 * re-ranked all groups, reading and rewriting the whole table each time.
 */
export async function refreshSeriesRanks(db: Db, sourceId?: string): Promise<void> {
  type RankInput = { id: number; location_key: string; metric: string; source_id: string; derived: boolean; level: LocationLevel };
  const rows = sourceId === undefined
    ? await db.query<RankInput>(
        `SELECT s.id, s.location_key, s.metric, s.source_id, s.derived, l.level
         FROM series s JOIN series_summary ss ON ss.series_id = s.id AND ss.value_count > 0
         JOIN locations l ON l.key = s.location_key`,
      )
    : await db.query<RankInput>(
        `SELECT s.id, s.location_key, s.metric, s.source_id, s.derived, l.level
         FROM series s JOIN series_summary ss ON ss.series_id = s.id AND ss.value_count > 0
         JOIN locations l ON l.key = s.location_key
         WHERE EXISTS (SELECT 1 FROM series t WHERE t.source_id = $1 AND t.location_key = s.location_key AND t.metric = s.metric)`,
        [sourceId],
      );
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = `${r.location_key}|${r.metric}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  const out: { key: string; metric: string; rank: number; id: number }[] = [];
  for (const g of groups.values()) {
    const ranks = rankSeries(precedenceRule(g[0].location_key, g[0].level, g[0].metric), g.map((r) => ({ source: r.source_id, derived: r.derived })));
    g.forEach((r, i) => out.push({ key: r.location_key, metric: r.metric, rank: ranks[i], id: r.id }));
  }
  if (sourceId === undefined) await db.query('DELETE FROM series_rank');
  else {
    await db.query(
      `DELETE FROM series_rank r USING series t WHERE t.source_id = $1 AND t.location_key = r.location_key AND t.metric = r.metric`,
      [sourceId],
    );
  }
  for (let i = 0; i < out.length; i += 10000) {
    const part = out.slice(i, i + 10000);
    await db.query(
      `INSERT INTO series_rank (location_key, metric, rank, series_id) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[])`,
      [part.map((r) => r.key), part.map((r) => r.metric), part.map((r) => r.rank), part.map((r) => r.id)],
    );
  }
}
