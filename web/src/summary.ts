/**
 * A place's summary in plain words, in English and Chinese, from facts the API gave: the latest
 * weekly change, the Rt estimate, and the caveats a reader must know. Pure: the facts come in
 * (views/place-summary.ts fetches them), sentences come out, and every number or date in them is
 * a link to the API query that produced it, so a reader can check it.
 */
import { currentLang, setLang, tIn, type Lang, type MessageKey } from './i18n';
import { addDays, formatDate, formatValue } from './format';

/** A number or date in a sentence: its text, the query it came from, and which fact it is (e2e tests read `fact`). */
export interface Link {
  readonly text: string;
  readonly href: string;
  readonly fact: string;
}
/** Data shown as it is (a place or source name): never translated. */
export interface Data {
  readonly data: string;
}
export type Part = string | Link | Data;
export type Sentence = Part[];

export const TRENDS = ['increasing', 'likely_increasing', 'stable', 'likely_decreasing', 'decreasing'] as const;
export type Trend = (typeof TRENDS)[number];

/** Both weeks: the week ending on the last day with a value, and the week before it. */
export interface WeekFacts {
  /** The daily series over both weeks (from = prevStart, to = end). */
  readonly url: string;
  readonly end: string;
  readonly last: number;
  readonly prev: number;
  /** Days with a value in each week (0–7). */
  readonly lastDays: number;
  readonly prevDays: number;
  /** Why the other days have none (the series' `missing` reasons in the period), distinct. */
  readonly missingReasons: readonly string[];
  /** The sources that supplied the period's values. */
  readonly sources: readonly string[];
}

export interface Segment {
  readonly from: string;
  readonly to: string;
}
export type RtFacts =
  | { readonly kind: 'estimate'; readonly url: string; readonly end: string; readonly days: number; readonly mean: number; readonly lower: number; readonly upper: number; readonly probBelow1: number; readonly trend: Trend; readonly imputedDays: number; readonly lastSegment: Segment | null }
  | { readonly kind: 'withheld'; readonly url: string; readonly end: string; readonly cases: number; readonly lastSegment: Segment | null }
  | { readonly kind: 'unavailable'; readonly url: string; readonly code: string };

export interface AnomalyFacts {
  readonly url: string;
  readonly total: number;
  readonly byCode: readonly { readonly code: string; readonly n: number; readonly url: string }[];
}

/** One source against the reference, over the whole series (/v1/compare). */
export interface Disagreement {
  readonly url: string;
  readonly source: string;
  readonly reference: string;
  readonly compared: number;
  readonly differing: number;
  readonly first: string;
  readonly last: string;
  readonly meanRelDiff: number;
}

/** A source of the period's values that is stale or no longer updated (/v1/health). */
export type SourceState =
  | { readonly kind: 'stale'; readonly url: string; readonly source: string; readonly days: number }
  | { readonly kind: 'frozen'; readonly url: string; readonly source: string; readonly date: string }
  | { readonly kind: 'weekly'; readonly source: string };

export interface SummaryFacts {
  /** The place's name as the reader's language has it (data: shown untranslated). */
  readonly place: string;
  /** null: the place has no daily value at all. */
  readonly week: WeekFacts | null;
  readonly rt: RtFacts;
  /** null without a period (no data). */
  readonly anomalies: AnomalyFacts | null;
  readonly disagreements: readonly Disagreement[];
  readonly sources: readonly SourceState[];
  /** The API's error codes of the caveat queries that failed (then "no caveats" is never said). */
  readonly unchecked: readonly string[];
}

export interface SummaryText {
  readonly week: Sentence[];
  readonly rt: Sentence[];
  readonly caveats: Sentence[];
}

/** The code of an Rt answer without windows (every one too early, left out): not an API error. */
export const EARLY_ONLY = 'EARLY_ONLY';

/** A source is said to disagree when its cumulative counts differ from the reference's by this much on average (1 %). */
export const DISAGREE_MIN_MEAN_REL_DIFF = 0.01;

/** The sentences of a place's summary in `lang`. */
export function summarize(facts: SummaryFacts, lang: Lang): SummaryText {
  return inLang(lang, () => ({ week: weekSentences(facts, lang), rt: rtSentences(facts.rt, lang), caveats: caveatSentences(facts, lang) }));
}

/** The plain text of a sentence (tests, titles). */
export function plainText(s: Sentence): string {
  return s.map((p) => (typeof p === 'string' ? p : 'data' in p ? p.data : p.text)).join('');
}

function weekSentences(f: SummaryFacts, lang: Lang): Sentence[] {
  const place: Data = { data: f.place };
  const w = f.week;
  if (!w) return [say(lang, 'summary.noData', { place })];
  const n = (fact: string, v: number, fractional = false): Link => ({ text: formatValue(v, { fractional }), href: w.url, fact });
  const params = { place, count: w.last, last: n('week.last', w.last), end: date('week.end', w.end, w.url), prevEnd: date('week.prevEnd', addDays(w.end, -7), w.url) };
  if (w.prevDays === 0) return [say(lang, 'summary.week.prevMissing', params)];
  if (w.last === w.prev) return [say(lang, 'summary.week.same', params)];
  if (w.prev === 0) return [say(lang, 'summary.week.fromZero', params)];
  const diff = Math.abs(w.last - w.prev);
  return [say(lang, w.last > w.prev ? 'summary.week.up' : 'summary.week.down', { ...params, prev: n('week.prev', w.prev), diff: n('week.diff', diff), pct: n('week.pct', (diff / w.prev) * 100, true) })];
}

function rtSentences(rt: RtFacts, lang: Lang): Sentence[] {
  if (rt.kind === 'unavailable') {
    if (rt.code === 'ERR_SERIES_TOO_SHORT') return [say(lang, 'summary.rt.tooShort', {})];
    if (rt.code === 'ERR_NO_DATA') return [say(lang, 'summary.rt.noData', {})];
    if (rt.code === EARLY_ONLY) return [say(lang, 'summary.rt.early', {})];
    return [[tIn(lang, 'summary.rt.failed'), ' ', { data: rt.code }]];
  }
  const n = (fact: string, v: number): Link => ({ text: formatValue(v, { fractional: true }), href: rt.url, fact });
  const end = date('rt.end', rt.end, rt.url);
  const out: Sentence[] = [];
  if (rt.kind === 'withheld') {
    out.push(say(lang, 'summary.rt.withheld', { end, count: rt.cases, cases: n('rt.cases', rt.cases) }));
  } else {
    out.push(say(lang, 'summary.rt.estimate', { end, mean: n('rt.mean', rt.mean), lower: n('rt.lower', rt.lower), upper: n('rt.upper', rt.upper), ci: { text: formatValue(95), href: rt.url, fact: 'rt.level' } }));
    out.push(say(lang, `summary.rt.trend.${rt.trend}` as MessageKey, { chance: n('rt.chanceBelow1', rt.probBelow1 * 100) }));
    out.push(say(lang, rt.lower > 1 ? 'summary.rt.above' : rt.upper < 1 ? 'summary.rt.below' : 'summary.rt.spans', {}));
    if (rt.imputedDays > 0) out.push(say(lang, 'summary.rt.imputed', { count: rt.imputedDays, imputed: { text: formatValue(rt.imputedDays), href: rt.url, fact: 'rt.imputedDays' }, days: { text: formatValue(rt.days), href: rt.url, fact: 'rt.days' } }));
  }
  if (rt.lastSegment) out.push(say(lang, 'summary.rt.lastSegment', { from: date('rt.segmentFrom', rt.lastSegment.from, rt.url), to: date('rt.segmentTo', rt.lastSegment.to, rt.url) }));
  return out;
}

function caveatSentences(f: SummaryFacts, lang: Lang): Sentence[] {
  const out: Sentence[] = [];
  const a = f.anomalies;
  if (a && a.total > 0) {
    const codes: Part[] = [];
    a.byCode.forEach((c, i) => {
      if (i > 0) codes.push(tIn(lang, 'summary.listSeparator'));
      codes.push(...say(lang, 'summary.caveat.anomalyCode', { code: tIn(lang, `summary.code.${c.code}` as MessageKey), n: { text: formatValue(c.n), href: c.url, fact: `anomalies.${c.code}` } }));
    });
    out.push([...say(lang, 'summary.caveat.anomalies', { count: a.total, n: { text: formatValue(a.total), href: a.url, fact: 'anomalies.total' } }), lang === 'zh' ? '' : ' ', ...codes, lang === 'zh' ? '。' : '.'].filter((p) => p !== ''));
  }
  for (const d of f.disagreements) {
    const n = (fact: string, v: number, fractional = false): Link => ({ text: formatValue(v, { fractional }), href: d.url, fact: `compare.${d.source}.${fact}` });
    out.push(say(lang, 'summary.caveat.disagree', {
      source: { data: d.source }, reference: { data: d.reference }, differing: n('differing', d.differing), compared: n('compared', d.compared),
      first: date(`compare.${d.source}.first`, d.first, d.url), last: date(`compare.${d.source}.last`, d.last, d.url), mean: n('meanRelDiff', d.meanRelDiff * 100, true),
    }));
  }
  const w = f.week;
  for (const s of f.sources) {
    if (s.kind === 'stale') out.push(say(lang, 'summary.caveat.stale', { source: { data: s.source }, days: { text: formatValue(s.days), href: s.url, fact: `health.${s.source}.days` } }));
    if (s.kind === 'frozen') out.push(say(lang, 'summary.caveat.frozen', { source: { data: s.source }, date: date(`health.${s.source}.frozen`, s.date, s.url) }));
  }
  if (w) {
    const missing = 14 - w.lastDays - w.prevDays;
    if (missing > 0) {
      const reasons = w.missingReasons.map((r) => tIn(lang, `summary.reason.${r}` as MessageKey)).join(tIn(lang, 'summary.listSeparator'));
      out.push(say(lang, 'summary.caveat.missing', { count: missing, missing: { text: formatValue(missing), href: w.url, fact: 'week.missing' }, days: { text: formatValue(14), href: w.url, fact: 'week.days' }, reasons }));
      for (const s of f.sources) if (s.kind === 'weekly') out.push(say(lang, 'summary.caveat.weekly', { source: { data: s.source } }));
    }
  }
  if (f.unchecked.length > 0) out.push([tIn(lang, 'summary.caveat.unchecked'), ' ', { data: [...new Set(f.unchecked)].join(', ') }]);
  else if (out.length === 0 && w) out.push(say(lang, 'summary.caveat.none', {}));
  return out;
}

function date(fact: string, iso: string, href: string): Link {
  return { text: formatDate(iso), href, fact };
}

/**
 * A message with its placeholders filled: text and numbers as the catalogue formats them, parts
 * (links, data) kept as parts. `count` chooses the plural form and is never shown itself.
 */
function say(lang: Lang, key: MessageKey, params: Record<string, string | number | Link | Data>): Sentence {
  const parts: (Link | Data)[] = [];
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'object') {
      flat[k] = `\u0001${parts.length}\u0002`;
      parts.push(v);
    } else flat[k] = v;
  }
  const out = tIn(lang, key, flat)
    .split(/\u0001(\d+)\u0002/)
    .map((piece, i) => (i % 2 === 1 ? parts[Number(piece)] : piece));
  // Chinese: a space between Chinese text and a Latin name or number (中文排版指北), none beside Chinese names.
  if (lang === 'zh') {
    for (let i = 1; i < out.length; i += 2) {
      const p = out[i];
      if (typeof p === 'string' || !('data' in p)) continue;
      if (/[\u4e00-\u9fff]$/.test(out[i - 1] as string) && /^[A-Za-z0-9]/.test(p.data)) out[i - 1] += ' ';
      if (/^[\u4e00-\u9fff]/.test(out[i + 1] as string) && /[A-Za-z0-9]$/.test(p.data)) out[i + 1] = ` ${out[i + 1] as string}`;
    }
  }
  return out.filter((p) => p !== '');
}

/** format.ts formats in the current language: a summary in another language sets it for the time it is written. */
function inLang<T>(lang: Lang, write: () => T): T {
  const before = currentLang();
  setLang(lang);
  try {
    return write();
  } finally {
    setLang(before);
  }
}
