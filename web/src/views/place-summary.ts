import { ApiFailure, apiUrl, getJson, type ApiJson } from '../api';
import { h } from '../dom';
import { addDays, dayOf } from '../format';
import { currentLang, placeName, t } from '../i18n';
import { DISAGREE_MIN_MEAN_REL_DIFF, EARLY_ONLY, summarize, TRENDS, type AnomalyFacts, type Disagreement, type RtFacts, type Sentence, type SourceState, type SummaryFacts, type Trend, type WeekFacts } from '../summary';

/** The summary is of new cases (the brief of issue 14: "latest weekly change"), whatever metric the chart shows. */
const METRIC = 'confirmed';

export interface Place {
  key: string;
  name: string;
  name_zh?: string | null;
}

let shown: { key: string; lang: string; el: HTMLElement } | null = null;

/**
 * A place's page opens with this: a short summary in plain words (web/src/summary.ts) of what the
 * API says about it, each number a link to the query that produced it. Returns at once; the
 * section fills itself when the answers arrive (`data-state` = done, or failed).
 */
export function placeSummary(place: Place): HTMLElement {
  // The card is redrawn on every change of the view (a brushed range, another metric): the same
  // place in the same language keeps its summary rather than flashing "loading" again.
  if (shown && shown.key === place.key && shown.lang === currentLang() && shown.el.dataset.state !== 'failed') return shown.el;
  const el = h('section', { class: 'place-summary', 'aria-labelledby': 'place-summary-heading', 'data-place': place.key, 'data-state': 'loading' },
    h('h2', { id: 'place-summary-heading' }, t('summary.heading')),
    h('p', { class: 'muted' }, t('summary.loading')));
  summaryFacts(place).then(
    (facts) => {
      const text = summarize(facts, currentLang());
      // English sentences are joined by a space; Chinese ones end in a full-width stop and need none.
      const paragraph = h('p', { class: 'summary-text' }, ...[...text.week, ...text.rt].flatMap((s, i) => [i > 0 && currentLang() === 'en' ? ' ' : '', ...render(s)]));
      el.replaceChildren(el.firstChild!, paragraph);
      if (text.caveats.length) el.append(h('h3', {}, t('summary.caveats')), h('ul', { class: 'caveats' }, text.caveats.map((s) => h('li', {}, ...render(s)))));
      el.dataset.state = 'done';
    },
    (err: unknown) => {
      el.replaceChildren(el.firstChild!, h('p', { role: 'alert' }, t('summary.failed'), ' ', h('span', { translate: 'no' }, err instanceof ApiFailure ? `${err.code}: ${err.message}` : String(err))));
      el.dataset.state = 'failed';
    },
  );
  shown = { key: place.key, lang: currentLang(), el };
  return el;
}

function render(s: Sentence): (Node | string)[] {
  return s.map((p) => (typeof p === 'string' ? p : 'data' in p ? h('span', { translate: 'no' }, p.data) : h('a', { href: p.href, 'data-fact': p.fact, title: t('summary.linkTitle') }, p.text)));
}

/** What the API says about the place: the queries behind every sentence. */
export async function summaryFacts(place: Place): Promise<SummaryFacts> {
  const location = place.key;
  const unchecked: string[] = [];
  const caveat = <T>(p: Promise<T>): Promise<T | null> => p.catch((err: unknown) => (unchecked.push(err instanceof ApiFailure ? err.code : 'ERR_NETWORK'), null));
  const [whole, rt, compare, health] = await Promise.all([
    getJson('/v1/series', { location, metric: METRIC, transform: 'daily' }),
    rtFacts(location),
    caveat(getJson('/v1/compare', { location, metric: METRIC })),
    caveat(getJson('/v1/health')),
  ]);
  const series = whole.series[0];
  const lastIndex = series?.start ? series.values.findLastIndex((v) => v !== null) : -1;
  let week: WeekFacts | null = null;
  let anomalies: AnomalyFacts | null = null;
  if (lastIndex >= 0) {
    const end = addDays(series.start!, lastIndex);
    const from = addDays(end, -13);
    const url = apiUrl('/v1/series', { location, metric: METRIC, transform: 'daily', from, to: end });
    const anomaliesUrl = apiUrl('/v1/anomalies', { location, metric: METRIC, from, to: end });
    const [period, flagged] = await Promise.all([getJson('/v1/series', { location, metric: METRIC, transform: 'daily', from, to: end }), caveat(getJson('/v1/anomalies', { location, metric: METRIC, from, to: end }))]);
    week = weekFacts(period, url, from, end);
    if (flagged) anomalies = anomalyFacts(flagged, anomaliesUrl, (code) => apiUrl('/v1/anomalies', { location, metric: METRIC, from, to: end, code }));
  }
  return {
    place: placeName(place),
    week,
    rt,
    anomalies,
    disagreements: compare ? disagreements(compare, apiUrl('/v1/compare', { location, metric: METRIC })) : [],
    sources: week && health ? sourceStates(health, week.sources, apiUrl('/v1/health')) : [],
    unchecked,
  };
}

/** The two weeks ending on `end`, read day by day from the period's daily series. */
export function weekFacts(answer: ApiJson<'/v1/series'>, url: string, from: string, end: string): WeekFacts {
  const s = answer.series[0];
  const sums = [0, 0];
  const days = [0, 0];
  for (let d = 0; d < 14; d++) {
    const i = s.start ? dayOf(addDays(from, d)) - dayOf(s.start) : -1;
    const v = i >= 0 ? s.values[i] ?? null : null;
    if (v === null) continue;
    sums[d < 7 ? 0 : 1] += v;
    days[d < 7 ? 0 : 1]++;
  }
  return {
    url, end, prev: sums[0], last: sums[1], prevDays: days[0], lastDays: days[1],
    missingReasons: [...new Set(s.missing.filter((m) => m.to >= from && m.from <= end).map((m) => m.reason))],
    sources: [...new Set(s.sources.map((r) => r.source))],
  };
}

/** The latest Rt window (the link asks for exactly that window), or why there is none. */
async function rtFacts(location: string): Promise<RtFacts> {
  const whole = apiUrl('/v1/models/rt', { location, metric: METRIC });
  let answer: ApiJson<'/v1/models/rt'>;
  try {
    answer = await getJson('/v1/models/rt', { location, metric: METRIC });
  } catch (err) {
    return { kind: 'unavailable', url: whole, code: err instanceof ApiFailure ? err.code : 'ERR_NETWORK' };
  }
  const row = answer.data.at(-1);
  if (!row) return { kind: 'unavailable', url: whole, code: EARLY_ONLY };
  const url = apiUrl('/v1/models/rt', { location, metric: METRIC, from: row.window_end, to: row.window_end });
  const seg = answer.meta.incidence.segments.at(-1);
  const lastSegment = seg && !seg.estimated && seg.start > row.window_end ? { from: seg.start, to: seg.end } : null;
  if (!(TRENDS as readonly string[]).includes(row.trend)) return { kind: 'withheld', url, end: row.window_end, cases: row.cases, lastSegment };
  return {
    kind: 'estimate', url, end: row.window_end, days: dayOf(row.window_end) - dayOf(row.window_start) + 1,
    mean: row.mean, lower: row.q0_025, upper: row.q0_975, probBelow1: row.prob_below_1, trend: row.trend as Trend, imputedDays: row.imputed_days, lastSegment,
  };
}

function anomalyFacts(answer: ApiJson<'/v1/anomalies'>, url: string, codeUrl: (code: string) => string): AnomalyFacts {
  const counts = new Map<string, number>();
  for (const a of answer.data) counts.set(a.code, (counts.get(a.code) ?? 0) + 1);
  return { url, total: answer.meta.total, byCode: [...counts].map(([code, n]) => ({ code, n, url: codeUrl(code) })) };
}

/** Sources whose cumulative counts differ from the reference's by 1 % or more on average, over the whole series. */
function disagreements(answer: ApiJson<'/v1/compare'>, url: string): Disagreement[] {
  const reference = answer.meta.reference;
  if (!reference) return [];
  return answer.sources.flatMap((s) => {
    const a = s.agreement;
    if (!a || a.mean_rel_diff < DISAGREE_MIN_MEAN_REL_DIFF || !a.first_differing || !a.last_differing) return [];
    return [{ url, source: s.source, reference, compared: a.days_compared, differing: a.days_differing, first: a.first_differing, last: a.last_differing, meanRelDiff: a.mean_rel_diff }];
  });
}

/** The period's sources that are stale, frozen or weekly, as /v1/health has them. */
function sourceStates(health: ApiJson<'/v1/health'>, ids: readonly string[], url: string): SourceState[] {
  return health.sources.filter((s) => ids.includes(s.id)).flatMap((s): SourceState[] => [
    ...(s.stale && s.age_hours.since_success !== null ? [{ kind: 'stale' as const, url, source: s.id, days: Math.floor(s.age_hours.since_success / 24) }] : []),
    ...(s.state === 'frozen' && s.frozen_on ? [{ kind: 'frozen' as const, url, source: s.id, date: s.frozen_on }] : []),
    ...(s.cadence === 'weekly' ? [{ kind: 'weekly' as const, source: s.id }] : []),
  ]);
}
