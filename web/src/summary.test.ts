import { afterEach, describe, expect, it } from 'vitest';
import { currentLang, setLang } from './i18n/index.js';
import { EARLY_ONLY, plainText, summarize, type Link, type Sentence, type SummaryFacts, type SummaryText } from './summary.js';

const SERIES = '/v1/series?location=XX&metric=confirmed&transform=daily&from=2021-02-22&to=2021-03-07';
const RT = '/v1/models/rt?location=XX&metric=confirmed&from=2021-03-07&to=2021-03-07';
const ANOMALIES = '/v1/anomalies?location=XX&metric=confirmed&from=2021-02-22&to=2021-03-07';
const COMPARE = '/v1/compare?location=XX&metric=confirmed';

/** A place with two full weeks of data, an Rt estimate, and nothing to warn about. */
const quiet: SummaryFacts = {
  place: 'Testland',
  week: { url: SERIES, end: '2021-03-07', last: 1200, prev: 1000, lastDays: 7, prevDays: 7, missingReasons: [], sources: ['jhu-global'] },
  rt: { kind: 'estimate', url: RT, end: '2021-03-07', days: 7, mean: 1.1234, lower: 1.0512, upper: 1.1987, probBelow1: 0.0004, trend: 'increasing', imputedDays: 0, lastSegment: null },
  anomalies: { url: ANOMALIES, total: 0, byCode: [] },
  disagreements: [],
  sources: [],
  unchecked: [],
};

const all = (s: SummaryText): Sentence[] => [...s.week, ...s.rt, ...s.caveats];
const text = (s: SummaryText) => all(s).map(plainText);
const links = (s: SummaryText) => all(s).flat().filter((p): p is Link => typeof p === 'object' && 'href' in p);

/** Every digit a reader sees is inside a link (dates and numbers alike); names are data, left alone. */
function expectEveryNumberLinked(s: SummaryText): void {
  for (const sentence of all(s)) for (const p of sentence) if (typeof p === 'string') expect(p, plainText(sentence)).not.toMatch(/\d/);
}

afterEach(() => setLang('en'));

describe("a place's summary", () => {
  it('writes the weekly change, Rt and its trend in English and Chinese, every number a link to its query', () => {
    setLang('zh');
    const en = summarize(quiet, 'en');
    expect(currentLang()).toBe('zh'); // the language on screen is left as it was
    expect(text(en)).toEqual([
      'In the week to 7 Mar 2021, Testland reported 1,200 new cases: up 200 (20%) from 1,000 in the week to 28 Feb 2021.',
      'The reproduction number Rt is estimated at 1.12 for the week to 7 Mar 2021 (95% credible interval 1.05 to 1.2).',
      'Its trend is increasing: the chance that Rt was below one is only 0.04%.',
      'The whole interval is above one: each case was infecting more than one other, and cases were growing.',
      'No anomalies were flagged in these two weeks, no sources disagree here, no source is stale and no day is missing.',
    ]);
    const zh = summarize(quiet, 'zh');
    expect(text(zh)).toEqual([
      '截至 2021年3月7日 的一周，Testland 新增病例 1,200 例，比前一周（截至 2021年2月28日）的 1,000 例增加 200 例（20%）。',
      '截至 2021年3月7日 的一周，有效再生数 Rt 的估计值为 1.12（95% 可信区间 1.05 至 1.2）。',
      '趋势为上升：Rt 小于一的概率仅为 0.04%。',
      '整个区间都大于一：每个病例平均传染不止一人，病例在增加。',
      '这两周内没有标记异常值，各数据来源之间没有分歧，没有来源过期，也没有缺失的日期。',
    ]);
    for (const s of [en, zh]) expectEveryNumberLinked(s);
    // The same facts, linked to the same queries, in both languages.
    const facts = (s: SummaryText) => links(s).map((l) => [l.fact, l.href]).sort();
    expect(facts(zh)).toEqual(facts(en));
    expect(Object.fromEntries(links(en).map((l) => [l.fact, l.href]))).toEqual({
      'week.end': SERIES, 'week.prevEnd': SERIES, 'week.last': SERIES, 'week.prev': SERIES, 'week.diff': SERIES, 'week.pct': SERIES,
      'rt.end': RT, 'rt.mean': RT, 'rt.lower': RT, 'rt.upper': RT, 'rt.level': RT, 'rt.chanceBelow1': RT,
    });
  });

  it('a fall, an interval that includes one, imputed days and a later stretch too short to estimate', () => {
    const s = summarize({
      ...quiet,
      week: { ...quiet.week!, last: 900, prev: 1000 },
      rt: { ...quiet.rt, kind: 'estimate', mean: 0.97, lower: 0.9, upper: 1.04, probBelow1: 0.8, trend: 'likely_decreasing', imputedDays: 1, lastSegment: { from: '2021-03-20', to: '2021-03-24' } } as SummaryFacts['rt'],
    }, 'en');
    expect(text(s).slice(0, 6)).toEqual([
      'In the week to 7 Mar 2021, Testland reported 900 new cases: down 100 (10%) from 1,000 in the week to 28 Feb 2021.',
      'The reproduction number Rt is estimated at 0.97 for the week to 7 Mar 2021 (95% credible interval 0.9 to 1.04).',
      'Its trend is likely decreasing: the chance that Rt was below one is 80%.',
      'The interval includes one: the data cannot tell whether cases were growing or falling.',
      'Of the 7 days of that week, 1 was imputed (spread from a report covering several days, or interpolated across a gap), an uncertainty the interval does not include.',
      'The latest stretch of data, from 20 Mar 2021 to 24 Mar 2021, is too short for an estimate.',
    ]);
    expectEveryNumberLinked(s);
  });

  it('a previous week of zero: no percentage (it would divide by zero), "after none"', () => {
    const facts = { ...quiet, week: { ...quiet.week!, last: 5, prev: 0 } };
    const en = summarize(facts, 'en');
    const zh = summarize(facts, 'zh');
    expect(text(en)[0]).toBe('In the week to 7 Mar 2021, Testland reported 5 new cases, after none in the week to 28 Feb 2021.');
    expect(text(zh)[0]).toBe('截至 2021年3月7日 的一周，Testland 新增病例 5 例，而前一周（截至 2021年2月28日）没有新增。');
    expect(links(en).map((l) => l.fact)).not.toContain('week.pct');
    // One case: the singular; the same count twice: "as many as"; a week without any value: no comparison.
    expect(text(summarize({ ...quiet, week: { ...quiet.week!, last: 1, prev: 0 } }, 'en'))[0]).toContain('reported 1 new case, after none');
    expect(text(summarize({ ...quiet, week: { ...quiet.week!, last: 0, prev: 0 } }, 'en'))[0]).toBe('In the week to 7 Mar 2021, Testland reported 0 new cases, as many as in the week to 28 Feb 2021.');
    const noPrev = summarize({ ...quiet, week: { ...quiet.week!, prev: 0, prevDays: 0, missingReasons: ['not_reported'] } }, 'en');
    expect(text(noPrev)[0]).toBe('In the week to 7 Mar 2021, Testland reported 1,200 new cases; the week before, to 28 Feb 2021, has no data to compare with.');
    expect(text(noPrev)).toContain('Of these 14 days, 7 have no value (not reported).');
  });

  it('no data at all: said plainly, nothing else claimed (no "no caveats" either)', () => {
    const facts: SummaryFacts = { ...quiet, week: null, rt: { kind: 'unavailable', url: '/v1/models/rt?location=XX', code: 'ERR_NO_DATA' }, anomalies: null };
    expect(text(summarize(facts, 'en'))).toEqual(['There are no case counts for Testland.', 'Rt cannot be estimated here: there are no data.']);
    expect(text(summarize(facts, 'zh'))).toEqual(['Testland 没有病例数据。', '无法估计 Rt：没有数据。']);
    expect(text(summarize({ ...facts, rt: { ...facts.rt, code: 'ERR_SERIES_TOO_SHORT' } as SummaryFacts['rt'] }, 'en'))[1]).toBe('Rt cannot be estimated here: no stretch of the series is long enough.');
    expect(text(summarize({ ...facts, rt: { ...facts.rt, code: EARLY_ONLY } as SummaryFacts['rt'] }, 'zh'))[1]).toBe('不给出 Rt 估计：序列中每一周都处于数据段的早期，累计病例还太少。');
    // An error the summary has no words for: the API's code, as data.
    const other = summarize({ ...facts, rt: { ...facts.rt, code: 'ERR_TIMEOUT' } as SummaryFacts['rt'] }, 'zh');
    expect(other.rt[0]).toEqual(['无法获得 Rt，API 返回：', ' ', { data: 'ERR_TIMEOUT' }]);
  });

  it('Rt withheld: too few cases in its week, so no number for Rt and no trend', () => {
    const facts: SummaryFacts = { ...quiet, rt: { kind: 'withheld', url: RT, end: '2021-03-07', cases: 3, lastSegment: null } };
    const en = summarize(facts, 'en');
    expect(en.rt.map(plainText)).toEqual(['Rt is not estimated for the week to 7 Mar 2021: that week held only 3 cases, too few (the estimate would mostly repeat the model’s prior assumption).']);
    expect(summarize(facts, 'zh').rt.map(plainText)).toEqual(['截至 2021年3月7日 的一周只有 3 例病例，数量太少，不给出 Rt 估计（否则结果主要反映模型的先验假设）。']);
    expect(links(en).filter((l) => l.href === RT).map((l) => l.fact)).toEqual(['rt.end', 'rt.cases']);
  });

  it('the caveats: anomalies by kind, sources that disagree, a stale and a frozen source, missing days of a weekly source', () => {
    const facts: SummaryFacts = {
      ...quiet,
      week: { ...quiet.week!, lastDays: 1, prevDays: 1, missingReasons: ['not_reported'], sources: ['who', 'jhu-us'] },
      anomalies: { url: ANOMALIES, total: 3, byCode: [{ code: 'negative_change', n: 2, url: `${ANOMALIES}&code=negative_change` }, { code: 'backlog_dump', n: 1, url: `${ANOMALIES}&code=backlog_dump` }] },
      disagreements: [{ url: COMPARE, source: 'who', reference: 'jhu-global', compared: 77, differing: 70, first: '2020-01-26', last: '2023-03-05', meanRelDiff: 0.056 }],
      sources: [
        { kind: 'stale', url: '/v1/health', source: 'who', days: 12 },
        { kind: 'weekly', source: 'who' },
        { kind: 'frozen', url: '/v1/health', source: 'jhu-us', date: '2023-03-10' },
      ],
    };
    const en = summarize(facts, 'en');
    expect(en.caveats.map(plainText)).toEqual([
      'In these two weeks, 3 anomalies were flagged in the data: a count that went down (2), a backlog reported at once (1).',
      'Sources disagree: who differs from jhu-global on 70 of the 77 days both report (cumulative counts, 26 Jan 2020 to 5 Mar 2023), by 5.6% on average.',
      'who, a source of these values, is stale: its last successful update was 12 days ago.',
      'jhu-us, a source of these values, is no longer updated (frozen on 10 Mar 2023).',
      'Of these 14 days, 12 have no value (not reported).',
      'who reports weekly, so a week’s new cases fall on one day.',
    ]);
    const zh = summarize(facts, 'zh');
    expect(zh.caveats.map(plainText)).toEqual([
      '这两周的数据中标记了 3 个异常值：累计数下降（2 个）、积压病例集中报告（1 个）。',
      '数据来源之间存在分歧：在两者都有数据的 77 天中，who 与 jhu-global 有 70 天不一致（累计数，2020年1月26日 至 2023年3月5日），平均相差 5.6%。',
      '数据来源 who 已过期：上次成功更新是在 12 天前。',
      '数据来源 jhu-us 已停止更新（2023年3月10日 起冻结）。',
      '这 14 天中有 12 天没有数值（未报告）。',
      'who 每周报告一次，因此一周的新增病例都落在同一天。',
    ]);
    for (const s of [en, zh]) expectEveryNumberLinked(s);
    // Each kind's count links to the anomalies of that kind.
    expect(links(en).find((l) => l.fact === 'anomalies.backlog_dump')?.href).toBe(`${ANOMALIES}&code=backlog_dump`);
    expect(links(en).find((l) => l.fact === 'compare.who.meanRelDiff')?.text).toBe('5.6');
  });

  it('a caveat query that failed: says so, and never that there is nothing to warn about', () => {
    const s = summarize({ ...quiet, anomalies: null, unchecked: ['ERR_TIMEOUT'] }, 'en');
    expect(s.caveats).toEqual([['Some caveats could not be checked; the API answered', ' ', { data: 'ERR_TIMEOUT' }]]);
  });
});
