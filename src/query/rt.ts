import { dayNumber, isIsoDate, isoFromDay } from '../domain/dates.js';
import { RtInputError } from '../models/rt/errors.js';
import type { SerialIntervalSpec } from '../models/rt/estimate-rt.js';
import { RT_MAX_GAP_DAYS } from '../models/rt/rt-input.js';
import { rtReport } from '../models/rt/rt-report.js';
import type { Db } from '../store/db.js';
import { delayEstimate } from './delays.js';
import { QueryError } from './errors.js';
import { dateRange } from './params.js';
import { noData, readObserved } from './model-input.js';

/** COVID-19 serial interval: mean 4.7 d, sd 2.9 d (Nishiura, Linton & Akhmetzhanov, Int J Infect Dis 2020;93:284-6). */
export const COVID_SERIAL_INTERVAL = { mean: 4.7, sd: 2.9 } as const;
export const RT_MAX_WINDOW = 90;

/** What /v1/models/rt and `glacier rt` are asked (defaults already applied). */
export interface RtRequest {
  location: string;
  metric: string;
  source: string;
  asOf: string | null;
  from: string | null;
  to: string | null;
  meanSi: number;
  stdSi: number;
  /** Comma-separated discrete serial interval; overrides meanSi/stdSi. */
  siDistr: string | null;
  window: number;
  /** Given windows `start/end,start/end,…` (ISO dates) instead of sliding ones. */
  windows: string | null;
  meanPrior: number;
  stdPrior: number;
  includeEarly: boolean;
  /**
   * `onset`: date each window by symptom onset instead of report, shifting it back by the
   * median onset→confirmation delay fitted on the line lists (src/query/delays.ts).
   */
  dateBy?: 'report' | 'onset';
}

/** `si_distr=0,0.3,0.4,…` as numbers; a value that is not one is the caller's mistake. */
export function parseSiDistr(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const weights = parts.map(Number);
  const bad = parts.findIndex((s, i) => s === '' || !Number.isFinite(weights[i]));
  if (bad >= 0) throw new QueryError('ERR_BAD_PARAMETER', `si_distr: value ${bad + 1} (${JSON.stringify(parts[bad])}) is not a number`, 'si_distr');
  return weights;
}

export const RT_MAX_GIVEN_WINDOWS = 500;

/** `windows=2020-03-01/2020-03-14,…` as date pairs; a malformed one is the caller's mistake. */
export function parseWindows(text: string): { start: string; end: string }[] {
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) throw new QueryError('ERR_BAD_PARAMETER', 'windows: give at least one START/END pair', 'windows');
  if (parts.length > RT_MAX_GIVEN_WINDOWS) throw new QueryError('ERR_BAD_PARAMETER', `windows: ${parts.length} windows given, at most ${RT_MAX_GIVEN_WINDOWS}`, 'windows');
  return parts.map((p, i) => {
    const [start, end, extra] = p.split('/');
    if (extra !== undefined || !start || !end || !isIsoDate(start) || !isIsoDate(end)) {
      throw new QueryError('ERR_BAD_PARAMETER', `windows: window ${i + 1} (${JSON.stringify(p)}) is not START/END with dates written YYYY-MM-DD`, 'windows');
    }
    if (end < start) throw new QueryError('ERR_BAD_PARAMETER', `windows: window ${i + 1} (${p}) ends before it starts`, 'windows');
    return { start, end };
  });
}

/** The estimator's refusals as coded API errors naming the parameter. */
export function rtApiError(e: RtInputError): QueryError {
  return new QueryError(e.tooShort ? 'ERR_SERIES_TOO_SHORT' : 'ERR_BAD_PARAMETER', e.message, e.parameter);
}

/** Rt by window for one stored series, with the meta the API serves (less data_version). */
export async function rtView(db: Db, r: RtRequest) {
  dateRange(r.from, r.to);
  const windows = r.windows === null ? null : parseWindows(r.windows);
  const serialInterval: SerialIntervalSpec = r.siDistr !== null ? { kind: 'distribution', weights: parseSiDistr(r.siDistr) } : { kind: 'parametric', mean: r.meanSi, sd: r.stdSi };
  // The whole history: windows in from..to are estimated from the days before them too.
  const observed = await readObserved(db, { location: r.location, metric: r.metric, asOf: r.asOf, source: r.source });
  if (observed.start === null) throw noData(observed);
  let report;
  try {
    report = rtReport(observed, { serialInterval, window: r.window, windows, prior: { mean: r.meanPrior, sd: r.stdPrior }, includeEarly: r.includeEarly, from: r.from, to: r.to });
  } catch (e) {
    throw e instanceof RtInputError ? rtApiError(e) : e;
  }
  const parametric = serialInterval.kind === 'parametric';
  const meta = {
    location: r.location, metric: r.metric, source: r.source, sources: observed.sources, as_of: r.asOf, from: r.from, to: r.to,
    window: windows ? null : r.window, windows: windows, include_early: r.includeEarly,
    serial_interval: {
      kind: serialInterval.kind, mean_si: parametric ? r.meanSi : null, std_si: parametric ? r.stdSi : null,
      discrete_mean: report.serialInterval.mean, discrete_sd: report.serialInterval.sd, weights: report.serialInterval.weights,
    },
    prior: report.prior,
    incidence: { max_gap_days: RT_MAX_GAP_DAYS, segments: report.segments },
    early_windows_omitted: report.earlyOmitted,
  };
  if (r.dateBy !== 'onset') return { meta: { ...meta, onset_shift: null }, rows: report.rows };
  const shift = await onsetShift(db, r.location);
  const back = (iso: string) => isoFromDay(dayNumber(iso) - shift.days);
  return { meta: { ...meta, onset_shift: shift }, rows: report.rows.map((row) => ({ ...row, window_start: back(row.window_start), window_end: back(row.window_end) })) };
}

/** Line-list cases needed in a location to use its own delay (else every case is used). */
export const ONSET_SHIFT_MIN_CASES = 30;

/**
 * The shift that dates Rt windows by onset: the median onset→confirmation delay of the best
 * fit (AIC) on the line lists, rounded to whole days; the location's own cases when it has
 * enough of them, else all. An approximation (a shift by a central delay, not a deconvolution):
 * docs/models/delays.md.
 */
async function onsetShift(db: Db, location: string) {
  const ask = (loc: string | undefined) => delayEstimate(db, { from_event: 'onset', to_event: 'confirmation', location: loc, samples: 200, seed: 1 });
  let scope = location;
  let est = await ask(location).catch(() => null);
  if (!est || est.n < ONSET_SHIFT_MIN_CASES) {
    scope = 'all line-list cases';
    est = await ask(undefined);
  }
  const best = est.fits[0];
  if (!best) throw new QueryError('ERR_NO_DATA', 'date_by=onset needs the onset→confirmation delay of the line lists, and they hold too few cases with both dates', 'date_by');
  return {
    days: Math.round(best.median), delay: 'onset→confirmation', family: best.family, median: best.median, median_interval: best.intervals.median,
    mean: best.mean, cases: est.n, scope,
  };
}
