import type { Translation } from '../catalogue.js';

/**
 * A place's summary in plain words (web/src/summary.ts). Placeholders that hold numbers or dates
 * become links to the API query that produced them, so no number is written into a message:
 * thresholds are words ("one"), never digits. `{place}` and `{source}` are data (never translated).
 */
export const en = {
  'summary.heading': 'In brief',
  'summary.loading': 'Writing the summary…',
  'summary.failed': 'The summary could not be made:',
  'summary.noData': 'There are no case counts for {place}.',

  // The latest weekly change: {end}, {prevEnd} dates; {last}, {prev}, {diff}, {pct} numbers.
  'summary.week.up': {
    one: 'In the week to {end}, {place} reported {last} new case: up {diff} ({pct}%) from {prev} in the week to {prevEnd}.',
    other: 'In the week to {end}, {place} reported {last} new cases: up {diff} ({pct}%) from {prev} in the week to {prevEnd}.',
  },
  'summary.week.down': {
    one: 'In the week to {end}, {place} reported {last} new case: down {diff} ({pct}%) from {prev} in the week to {prevEnd}.',
    other: 'In the week to {end}, {place} reported {last} new cases: down {diff} ({pct}%) from {prev} in the week to {prevEnd}.',
  },
  'summary.week.same': {
    one: 'In the week to {end}, {place} reported {last} new case, as many as in the week to {prevEnd}.',
    other: 'In the week to {end}, {place} reported {last} new cases, as many as in the week to {prevEnd}.',
  },
  'summary.week.fromZero': {
    one: 'In the week to {end}, {place} reported {last} new case, after none in the week to {prevEnd}.',
    other: 'In the week to {end}, {place} reported {last} new cases, after none in the week to {prevEnd}.',
  },
  'summary.week.prevMissing': {
    one: 'In the week to {end}, {place} reported {last} new case; the week before, to {prevEnd}, has no data to compare with.',
    other: 'In the week to {end}, {place} reported {last} new cases; the week before, to {prevEnd}, has no data to compare with.',
  },

  // Rt: {mean}, {lower}, {upper}, {ci} (the interval's level), {chance} numbers; {end} a date.
  'summary.rt.estimate': 'The reproduction number Rt is estimated at {mean} for the week to {end} ({ci}% credible interval {lower} to {upper}).',
  'summary.rt.trend.increasing': 'Its trend is increasing: the chance that Rt was below one is only {chance}%.',
  'summary.rt.trend.likely_increasing': 'Its trend is likely increasing: the chance that Rt was below one is {chance}%.',
  'summary.rt.trend.stable': 'Its trend is stable: the chance that Rt was below one is {chance}%, close to even.',
  'summary.rt.trend.likely_decreasing': 'Its trend is likely decreasing: the chance that Rt was below one is {chance}%.',
  'summary.rt.trend.decreasing': 'Its trend is decreasing: the chance that Rt was below one is {chance}%.',
  'summary.rt.above': 'The whole interval is above one: each case was infecting more than one other, and cases were growing.',
  'summary.rt.below': 'The whole interval is below one: cases were falling.',
  'summary.rt.spans': 'The interval includes one: the data cannot tell whether cases were growing or falling.',
  'summary.rt.imputed': {
    one: 'Of the {days} days of that week, {imputed} was imputed (spread from a report covering several days, or interpolated across a gap), an uncertainty the interval does not include.',
    other: 'Of the {days} days of that week, {imputed} were imputed (spread from a report covering several days, or interpolated across a gap), an uncertainty the interval does not include.',
  },
  'summary.rt.lastSegment': 'The latest stretch of data, from {from} to {to}, is too short for an estimate.',
  'summary.rt.withheld': {
    one: 'Rt is not estimated for the week to {end}: that week held only {cases} case, too few (the estimate would mostly repeat the model’s prior assumption).',
    other: 'Rt is not estimated for the week to {end}: that week held only {cases} cases, too few (the estimate would mostly repeat the model’s prior assumption).',
  },
  'summary.rt.tooShort': 'Rt cannot be estimated here: no stretch of the series is long enough.',
  'summary.rt.noData': 'Rt cannot be estimated here: there are no data.',
  'summary.rt.early': 'Rt is not estimated here: every week of the series is too early in its stretch of data, with too few cases so far.',
  'summary.rt.failed': 'Rt is not available: the API answered',

  // Caveats.
  'summary.caveats': 'What a reader should know',
  'summary.caveat.none': 'No anomalies were flagged in these two weeks, no sources disagree here, no source is stale and no day is missing.',
  'summary.caveat.anomalies': {
    one: 'In these two weeks, {n} anomaly was flagged in the data:',
    other: 'In these two weeks, {n} anomalies were flagged in the data:',
  },
  'summary.caveat.unchecked': 'Some caveats could not be checked; the API answered',
  'summary.caveat.anomalyCode': '{code} ({n})',
  'summary.code.negative_change': 'a count that went down',
  'summary.code.backlog_dump': 'a backlog reported at once',
  'summary.code.cadence_change': 'a change in how often the source reports',
  'summary.code.stale_values': 'a count that stopped changing',
  'summary.code.discontinued': 'a source that stopped publishing',
  'summary.code.duplicate_row': 'a repeated row',
  'summary.caveat.disagree': 'Sources disagree: {source} differs from {reference} on {differing} of the {compared} days both report (cumulative counts, {first} to {last}), by {mean}% on average.',
  'summary.caveat.stale': '{source}, a source of these values, is stale: its last successful update was {days} days ago.',
  'summary.caveat.frozen': '{source}, a source of these values, is no longer updated (frozen on {date}).',
  'summary.caveat.missing': {
    one: 'Of these {days} days, {missing} has no value ({reasons}).',
    other: 'Of these {days} days, {missing} have no value ({reasons}).',
  },
  'summary.caveat.weekly': '{source} reports weekly, so a week’s new cases fall on one day.',
  'summary.reason.not_reported': 'not reported',
  'summary.reason.discontinued': 'discontinued',
  'summary.reason.incomplete': 'incomplete',
  'summary.reason.not_applicable': 'not applicable',
  'summary.listSeparator': ', ',
  'summary.linkTitle': 'The API query this number comes from',
} as const;

export const zh: Translation<typeof en> = {
  'summary.heading': '概要',
  'summary.loading': '正在生成概要…',
  'summary.failed': '无法生成概要：',
  'summary.noData': '{place}没有病例数据。',

  'summary.week.up': '截至 {end} 的一周，{place}新增病例 {last} 例，比前一周（截至 {prevEnd}）的 {prev} 例增加 {diff} 例（{pct}%）。',
  'summary.week.down': '截至 {end} 的一周，{place}新增病例 {last} 例，比前一周（截至 {prevEnd}）的 {prev} 例减少 {diff} 例（{pct}%）。',
  'summary.week.same': '截至 {end} 的一周，{place}新增病例 {last} 例，与前一周（截至 {prevEnd}）持平。',
  'summary.week.fromZero': '截至 {end} 的一周，{place}新增病例 {last} 例，而前一周（截至 {prevEnd}）没有新增。',
  'summary.week.prevMissing': '截至 {end} 的一周，{place}新增病例 {last} 例；前一周（截至 {prevEnd}）没有数据，无法比较。',

  'summary.rt.estimate': '截至 {end} 的一周，有效再生数 Rt 的估计值为 {mean}（{ci}% 可信区间 {lower} 至 {upper}）。',
  'summary.rt.trend.increasing': '趋势为上升：Rt 小于一的概率仅为 {chance}%。',
  'summary.rt.trend.likely_increasing': '趋势为可能上升：Rt 小于一的概率为 {chance}%。',
  'summary.rt.trend.stable': '趋势为平稳：Rt 小于一的概率为 {chance}%，接近一半。',
  'summary.rt.trend.likely_decreasing': '趋势为可能下降：Rt 小于一的概率为 {chance}%。',
  'summary.rt.trend.decreasing': '趋势为下降：Rt 小于一的概率为 {chance}%。',
  'summary.rt.above': '整个区间都大于一：每个病例平均传染不止一人，病例在增加。',
  'summary.rt.below': '整个区间都小于一：病例在减少。',
  'summary.rt.spans': '区间包含一：仅凭这些数据无法判断病例是在增加还是减少。',
  'summary.rt.imputed': '这一周的 {days} 天中有 {imputed} 天的数据是推算的（由覆盖多天的报告平摊，或在缺口处插值），区间并未计入这部分不确定性。',
  'summary.rt.lastSegment': '最近一段数据（{from} 至 {to}）太短，无法估计。',
  'summary.rt.withheld': '截至 {end} 的一周只有 {cases} 例病例，数量太少，不给出 Rt 估计（否则结果主要反映模型的先验假设）。',
  'summary.rt.tooShort': '无法估计 Rt：序列中没有足够长的连续数据。',
  'summary.rt.noData': '无法估计 Rt：没有数据。',
  'summary.rt.early': '不给出 Rt 估计：序列中每一周都处于数据段的早期，累计病例还太少。',
  'summary.rt.failed': '无法获得 Rt，API 返回：',

  'summary.caveats': '读者须知',
  'summary.caveat.none': '这两周内没有标记异常值，各数据来源之间没有分歧，没有来源过期，也没有缺失的日期。',
  'summary.caveat.anomalies': '这两周的数据中标记了 {n} 个异常值：',
  'summary.caveat.unchecked': '部分注意事项无法核查，API 返回：',
  'summary.caveat.anomalyCode': '{code}（{n} 个）',
  'summary.code.negative_change': '累计数下降',
  'summary.code.backlog_dump': '积压病例集中报告',
  'summary.code.cadence_change': '来源的报告频率改变',
  'summary.code.stale_values': '累计数长期不变',
  'summary.code.discontinued': '来源停止发布',
  'summary.code.duplicate_row': '重复的行',
  'summary.caveat.disagree': '数据来源之间存在分歧：在两者都有数据的 {compared} 天中，{source} 与 {reference} 有 {differing} 天不一致（累计数，{first} 至 {last}），平均相差 {mean}%。',
  'summary.caveat.stale': '数据来源 {source} 已过期：上次成功更新是在 {days} 天前。',
  'summary.caveat.frozen': '数据来源 {source} 已停止更新（{date} 起冻结）。',
  'summary.caveat.missing': '这 {days} 天中有 {missing} 天没有数值（{reasons}）。',
  'summary.caveat.weekly': '{source} 每周报告一次，因此一周的新增病例都落在同一天。',
  'summary.reason.not_reported': '未报告',
  'summary.reason.discontinued': '已停止发布',
  'summary.reason.incomplete': '不完整',
  'summary.reason.not_applicable': '不适用',
  'summary.listSeparator': '、',
  'summary.linkTitle': '此数字所依据的 API 查询',
};
