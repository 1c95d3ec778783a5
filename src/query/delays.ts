import { CASE_EVENTS, type CaseEvent } from '../domain/cases.js';
import { dayNumber, isoFromDay } from '../domain/dates.js';
import { DELAY_FAMILIES, summarizeDelays, type DelayBootstrap, type DelayFamily, type DelayInterval, type DelaySummary, type IncubationCase } from '../models/delays/index.js';
import type { Db } from '../store/db.js';
import { casePairs, incubationRows } from '../store/read-cases.js';
import { caseFilter, type CasesRequest } from './cases.js';
import { QueryError } from './errors.js';
import { runOffThread } from './model-pool.js';
import { splitList } from './params.js';

/**
 * Delay and incubation distributions from the case records: the empirical distribution and
 * gamma, lognormal and Weibull fits with bootstrap intervals (src/models/delays, run in a worker
 * thread), for any two events, optionally per period.
 */

export interface DelayRequest extends CasesRequest {
  from_event: string;
  to_event: string;
  /** Comma-separated families (default all three). */
  families?: string;
  samples?: number;
  seed?: number;
  /** `week`: one estimate per week of the first event's date (how delays changed). */
  interval?: 'week' | 'none';
}

export interface FamilyFit {
  family: DelayFamily;
  parameters: Record<string, number>;
  mean: number;
  sd: number;
  median: number;
  p95: number;
  p99: number;
  log_likelihood: number;
  aic: number;
  converged: boolean;
  intervals: DelayBootstrap['intervals'];
}

export interface DelayEstimate {
  /** The rule that selected the cases, in words. */
  selection: string;
  /** Cases used, and those left out with the reason. */
  n: number;
  excluded: { reason: string; cases: number }[];
  empirical: DelaySummary | null;
  /** Sorted by AIC, best first. */
  fits: FamilyFit[];
  bootstrap: { samples: number; seed: number; level: number };
}

function event(raw: string, parameter: string): CaseEvent {
  if (!(CASE_EVENTS as readonly string[]).includes(raw)) throw new QueryError('ERR_BAD_PARAMETER', `${parameter}: ${JSON.stringify(raw)} is not one of ${CASE_EVENTS.join(', ')}`, parameter);
  return raw as CaseEvent;
}

function familiesOf(raw: string | undefined): DelayFamily[] {
  if (raw === undefined) return [...DELAY_FAMILIES];
  const list = splitList(raw);
  const bad = list.find((f) => !(DELAY_FAMILIES as readonly string[]).includes(f));
  if (bad !== undefined || !list.length) throw new QueryError('ERR_BAD_PARAMETER', `families: ${JSON.stringify(bad ?? raw)} is not one of ${DELAY_FAMILIES.join(', ')}`, 'families');
  return list as DelayFamily[];
}

function familyFit(family: DelayFamily, b: DelayBootstrap): FamilyFit {
  const f = b.fit;
  return {
    family, parameters: { ...f.parameters }, mean: f.mean, sd: f.sd, median: f.median, p95: f.p95, p99: f.p99,
    log_likelihood: f.logLikelihood, aic: f.aic, converged: f.convergence.converged, intervals: b.intervals,
  };
}

async function fitFamilies(families: DelayFamily[], run: (family: DelayFamily) => Promise<DelayBootstrap>): Promise<FamilyFit[]> {
  const fits: FamilyFit[] = [];
  for (const family of families) fits.push(familyFit(family, await run(family)));
  return fits.sort((a, b) => a.aic - b.aic);
}

/**
 * The delay of each case from the first event to the second, as an interval of days: both dates
 * are known to the day or as ranges, so the delay lies in [to.start − from.end, to.end − from.start + 1).
 * A delay that must be negative is a data error (excluded, counted); one that may be is cut at 0.
 */
export function delayIntervals(pairs: { from_start: string; from_end: string; to_start: string; to_end: string }[]): { intervals: DelayInterval[]; exact: (number | null)[]; negative: number; firstDays: number[] } {
  const intervals: DelayInterval[] = [];
  /** Per interval: the delay in whole days when both dates are known to the day, else null. */
  const exact: (number | null)[] = [];
  const firstDays: number[] = [];
  let negative = 0;
  for (const p of pairs) {
    const [fs, fe, ts, te] = [p.from_start, p.from_end, p.to_start, p.to_end].map(dayNumber);
    const hi = te - fs + 1;
    if (hi <= 0) {
      negative++;
      continue;
    }
    intervals.push({ lo: Math.max(0, ts - fe), hi });
    firstDays.push(fs);
    exact.push(fs === fe && ts === te ? ts - fs : null);
  }
  return { intervals, exact, negative, firstDays };
}

export async function delayEstimate(db: Db, r: DelayRequest): Promise<DelayEstimate & { periods?: (DelayEstimate & { from: string; to: string })[] }> {
  const from = event(r.from_event, 'from_event');
  const to = event(r.to_event, 'to_event');
  if (from === to) throw new QueryError('ERR_BAD_PARAMETER', 'to_event: must differ from from_event', 'to_event');
  const families = familiesOf(r.families);
  const samples = r.samples ?? 1000;
  const seed = r.seed ?? 1;
  const pairs = await casePairs(db, await caseFilter(db, r), from, to);
  const all = delayIntervals(pairs);
  const estimate = async (idx: number[]): Promise<DelayEstimate> => {
    const intervals = idx.map((i) => all.intervals[i]);
    const exact = idx.map((i) => all.exact[i]).filter((d): d is number => d !== null);
    const base = {
      selection: `cases with a ${from} date and a ${to} date${describeFilter(r)}`, n: intervals.length,
      excluded: all.negative ? [{ reason: `${to} before ${from}`, cases: all.negative }] : [], bootstrap: { samples, seed, level: 0.95 },
    };
    if (intervals.length < 2) return { ...base, empirical: exact.length ? summarizeDelays(exact) : null, fits: [] };
    const fits = await fitFamilies(families, (family) => runOffThread('delayBootstrap', { intervals, family, samples, seed }));
    return { ...base, empirical: exact.length ? summarizeDelays(exact) : null, fits };
  };
  const everything = await estimate(all.intervals.map((_, i) => i));
  if (r.interval !== 'week') return everything;
  // Weeks (Monday to Sunday) of the first event's date.
  const weeks = new Map<number, number[]>();
  all.firstDays.forEach((d, i) => {
    const monday = d - ((((d + 3) % 7) + 7) % 7);
    weeks.set(monday, [...(weeks.get(monday) ?? []), i]);
  });
  const periods = [];
  for (const [monday, idx] of [...weeks].sort((a, b) => a[0] - b[0])) periods.push({ from: isoFromDay(monday), to: isoFromDay(monday + 6), ...(await estimate(idx)) });
  return { ...everything, periods };
}

function describeFilter(r: CasesRequest): string {
  const parts = Object.entries({ source: r.source, location: r.location, sex: r.sex, outcome: r.outcome, age_min: r.age_min, age_max: r.age_max, as_of: r.as_of })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export interface IncubationRequest extends CasesRequest {
  families?: string;
  samples?: number;
  seed?: number;
}

/**
 * The stored exposure windows and onsets as the model's cases: a window ending after onset is
 * cut at the onset day (infection precedes onset); one starting after onset, or ending before it
 * starts, is inconsistent and left out.
 */
export function incubationCases(rows: readonly { exposure_start: string; exposure_end: string; onset_start: string; onset_end: string }[]): { cases: IncubationCase[]; inconsistent: number; cut: number } {
  const cases: IncubationCase[] = [];
  let inconsistent = 0;
  let cut = 0;
  for (const row of rows) {
    const onsetStart = dayNumber(row.onset_start);
    const onsetEnd = dayNumber(row.onset_end);
    const exposureStart = dayNumber(row.exposure_start);
    let exposureEnd = dayNumber(row.exposure_end);
    if (exposureStart > onsetEnd || exposureEnd < exposureStart) {
      inconsistent++;
      continue;
    }
    if (exposureEnd > onsetEnd) {
      exposureEnd = onsetEnd;
      cut++;
    }
    cases.push({ exposureStart, exposureEnd, onsetStart: Math.max(onsetStart, exposureStart), onsetEnd });
  }
  return { cases, inconsistent, cut };
}

/**
 * Incubation from the cases with a whole exposure window (start and end) and an onset date:
 * infection uniform over the window, onset within its day(s) (Backer, Klinkenberg & Wallinga
 * 2020; docs/models/delays.md). A window ending after onset is cut at the onset day (infection
 * precedes onset); a window starting after onset is inconsistent and left out.
 */
export async function incubationEstimate(db: Db, r: IncubationRequest): Promise<DelayEstimate> {
  const families = familiesOf(r.families);
  const samples = r.samples ?? 1000;
  const seed = r.seed ?? 1;
  const { cases, inconsistent, cut } = incubationCases(await incubationRows(db, await caseFilter(db, r)));
  const excluded = inconsistent ? [{ reason: 'exposure window starts after onset (or ends before it starts)', cases: inconsistent }] : [];
  const base = {
    selection: `cases with an exposure window (start and end) and an onset date${describeFilter(r)}${cut ? `; ${cut} windows ending after onset cut at the onset day` : ''}`,
    n: cases.length, excluded,
    empirical: null, bootstrap: { samples, seed, level: 0.95 },
  };
  if (cases.length < 2) return { ...base, fits: [] };
  return { ...base, fits: await fitFamilies(families, (family) => runOffThread('incubationBootstrap', { cases, family, samples, seed })) };
}
