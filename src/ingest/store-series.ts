import { dayNumber } from '../domain/dates.js';
import type { MissingSpan } from '../domain/series.js';
import type { Db } from '../store/db.js';
import { ensureSeries, refreshBestSeries, writeSummaries, type SeriesSummary } from '../store/series.js';
import { deleteObservations, readAnnotations, readVersions, writeAnnotations, writeObservations, type AnnotationRow, type ObservationBatch } from '../store/versions.js';
import { diffSeries } from './diff.js';
import type { KeyedSeries } from './keyed-series.js';
import { maskFromSpans } from './missing-rules.js';

export interface StoreCounts {
  valuesRead: number;
  valuesNew: number;
  valuesChanged: number;
  annotationsChanged: number;
  /** Per manifest file id. */
  byFile: Map<string, { valuesNew: number; valuesChanged: number }>;
}

/**
 * Stores one run's series inside the caller's transaction: only values that are new or differ
 * from the value in force at their issue, the missing-value spans when they changed, then the
 * per-series summaries and the default-series table.
 */
export async function storeSeries(
  tx: Db,
  sourceId: string,
  series: readonly KeyedSeries[],
  fileIssue: (fileId: string) => string,
  runFileId: (fileId: string) => number,
): Promise<StoreCounts> {
  const ids = await ensureSeries(tx, sourceId, series.map((s) => ({ key: s.key, metric: s.metric, derived: s.derived })));
  const idOf = (s: KeyedSeries) => ids.get(`${s.key}|${s.metric}`)!;
  const allIds = series.map(idOf);
  const versions = await readVersions(tx, allIds);
  const annotations = await readAnnotations(tx, allIds);

  const counts: StoreCounts = { valuesRead: 0, valuesNew: 0, valuesChanged: 0, annotationsChanged: 0, byFile: new Map() };
  const batches: ObservationBatch[] = [];
  const replaced: { seriesId: number; day: number; issue: number }[] = [];
  const annotationRows: AnnotationRow[] = [];
  const summaries: SeriesSummary[] = [];

  for (const s of series) {
    const seriesId = idOf(s);
    const issue = dayNumber(fileIssue(s.fileId));
    const fileId = runFileId(s.fileId);
    const diff = diffSeries(versions.get(seriesId), { issue, start: s.start, values: s.values });
    counts.valuesRead += s.derived ? 0 : s.values.length;
    counts.valuesNew += diff.valuesNew;
    counts.valuesChanged += diff.valuesChanged;
    const f = counts.byFile.get(s.fileId) ?? { valuesNew: 0, valuesChanged: 0 };
    f.valuesNew += diff.valuesNew;
    f.valuesChanged += diff.valuesChanged;
    counts.byFile.set(s.fileId, f);
    if (diff.inserts.length) batches.push({ seriesId, fileId, issue, start: s.start, values: s.values, indices: diff.inserts });
    for (const day of diff.replacedDays) replaced.push({ seriesId, day, issue });

    // Spans in force at this issue, and the newest spans overall after this run.
    const history = annotations.get(seriesId) ?? [];
    const inForce = [...history].reverse().find((a) => a.issue <= issue);
    if (!inForce || !sameSpans(inForce.spans, s.spans)) {
      annotationRows.push({ seriesId, issue, fileId, spans: s.spans });
      counts.annotationsChanged++;
    }
    const newer = history.filter((a) => a.issue > issue);
    const latestSpans = newer.length ? newer[newer.length - 1].spans : s.spans;
    summaries.push(summarize(seriesId, diff.latest, latestSpans));
  }

  await deleteObservations(tx, replaced);
  await writeObservations(tx, batches);
  if (annotationRows.length) await writeAnnotations(tx, annotationRows);
  await writeSummaries(tx, summaries);
  await refreshBestSeries(tx);
  return counts;
}

function summarize(seriesId: number, latest: { start: number; values: Float64Array; issues: Int32Array }, spans: MissingSpan[]): SeriesSummary {
  const mask = maskFromSpans(spans, latest.start, latest.values.length, dayNumber);
  let firstDay: number | null = null;
  let lastDay: number | null = null;
  let latestIdx = -1;
  let valueCount = 0;
  for (let i = 0; i < latest.values.length; i++) {
    if (latest.issues[i] < 0) continue;
    firstDay ??= latest.start + i;
    lastDay = latest.start + i;
    if (mask[i] === null && !Number.isNaN(latest.values[i])) {
      valueCount++;
      latestIdx = i;
    }
  }
  return {
    seriesId,
    firstDay,
    lastDay,
    latestDay: latestIdx < 0 ? null : latest.start + latestIdx,
    latestValue: latestIdx < 0 ? null : latest.values[latestIdx],
    latestIssue: latestIdx < 0 ? null : latest.issues[latestIdx],
    valueCount,
  };
}

/** Key order is not kept by jsonb, so spans are compared field by field. */
function sameSpans(a: MissingSpan[], b: MissingSpan[]): boolean {
  const canon = (l: MissingSpan[]) => l.map((s) => [s.from, s.to, s.reason, s.rule, s.step ?? 1].join('|')).join(';');
  return canon(a) === canon(b);
}
