import { describe, expect, it } from 'vitest';
import { setLang } from './i18n/index.js';
import { addDays, dayOf, describeMeasure, formatCompact, formatDate, formatValue, isoOf, saturdayOnOrBefore } from './format.js';

describe('formatting', () => {
  it('writes dates as calendar days, whatever the time zone', () => {
    expect(formatDate('2021-03-01')).toBe('1 Mar 2021');
    expect(formatDate('2020-12-31')).toBe('31 Dec 2020');
    expect(formatDate(null)).toBe('—');
  });

  it('counts days: 2020-01-22 is day 18283 (Unix epoch), 2020 is a leap year', () => {
    expect(dayOf('2020-01-22')).toBe(18283);
    expect(isoOf(18283)).toBe('2020-01-22');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-03-01', -7)).toBe('2021-02-22');
  });

  it('finds the Saturday ending an epiweek (2020-11-28 was a Saturday)', () => {
    expect(saturdayOnOrBefore('2020-11-28')).toBe('2020-11-28');
    expect(saturdayOnOrBefore('2020-11-27')).toBe('2020-11-21');
    expect(saturdayOnOrBefore('2020-11-29')).toBe('2020-11-28');
    expect(saturdayOnOrBefore('2021-01-01')).toBe('2020-12-26');
  });

  it('writes counts in full with separators and rates to about three significant digits', () => {
    expect(formatValue(103646975)).toBe('103,646,975');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-3862)).toBe('−3,862');
    expect(formatValue(12.3456, { fractional: true })).toBe('12.3');
    expect(formatValue(0.001234, { fractional: true })).toBe('0.00123');
    expect(formatValue(1234.56, { fractional: true })).toBe('1,235');
    expect(formatValue(null)).toBe('No data');
    expect(formatValue(Number.NaN)).toBe('No data');
  });

  it('shortens values for axes and legends', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(1234)).toBe('1.2k');
    expect(formatCompact(35_000)).toBe('35k');
    expect(formatCompact(1_250_000)).toBe('1.3M');
    expect(formatCompact(3.4e9)).toBe('3.4B');
    expect(formatCompact(0.25)).toBe('0.25');
    expect(formatCompact(2.5)).toBe('2.5');
    expect(formatCompact(0)).toBe('0');
  });

  it('formats for the reader’s language: Chinese dates, 万 and 亿', () => {
    setLang('zh');
    try {
      expect(formatDate('2021-03-01')).toBe('2021年3月1日');
      expect(formatValue(103646975)).toBe('103,646,975');
      expect(formatValue(null)).toBe('无数据');
      expect(formatCompact(35_000)).toBe('3.5万');
      expect(formatCompact(1_250_000)).toBe('125万');
      expect(formatCompact(3.4e9)).toBe('34亿');
      expect(formatCompact(950)).toBe('950');
      expect(describeMeasure('确诊', 'daily_7day_avg', true)).toBe('确诊，每日新增（7日平均），每10万人');
    } finally {
      setLang('en');
    }
  });

  it('describes what is measured', () => {
    expect(describeMeasure('Cases', 'daily_7day_avg', true)).toBe('Cases, new per day, 7-day average, per 100,000 people');
    expect(describeMeasure('Deaths', 'cumulative', false)).toBe('Deaths, cumulative');
  });
});
