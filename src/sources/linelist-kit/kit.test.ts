import { describe, expect, it } from 'vitest';
import { SourceFormatError } from '../../domain/validation.js';
import { copyDateOf, extractUrls, GROUP_AGE_SPAN, IssueLog, LineCells, readAge, readCaseDate, readLineList, readOutcome, readSex, readYesNo, splitList, splitPlaces } from './index.js';

const DMY = { order: 'dmy', copyDate: '2020-02-29', periodStart: '2019-12-01' } as const;
const MDY = { order: 'mdy', copyDate: '2020-02-28', periodStart: '2019-12-01' } as const;

describe('readAge', () => {
  it('reads numbers, fractions, months, ranges and open ranges; wider spans are groups', () => {
    expect(readAge('45')).toMatchObject({ ok: true, start: 45, end: 45 });
    expect(readAge('0.5')).toMatchObject({ ok: true, start: 0.5, end: 0.5 });
    expect(readAge('6 months')).toMatchObject({ ok: true, kind: 'months', start: 0.5, end: 0.5 });
    expect(readAge('7 months')).toMatchObject({ start: 0.5833 });
    expect(readAge('50-59')).toMatchObject({ ok: true, kind: 'range', start: 50, end: 59 });
    expect(readAge('80+')).toMatchObject({ ok: true, kind: 'open', start: 80, end: null });
    expect(readAge('80-')).toMatchObject({ ok: true, kind: 'open', start: 80, end: null });
    expect(readAge(`10-${10 + GROUP_AGE_SPAN}`)).toMatchObject({ ok: true, kind: 'range' });
    expect(readAge(`10-${10 + GROUP_AGE_SPAN + 1}`)).toMatchObject({ ok: false, kind: 'group' });
    expect(readAge('23-72')).toEqual({ ok: false, kind: 'group', reason: "span of 49 years: a group's range, not a person's age" });
    expect(readAge('59-50')).toMatchObject({ ok: false, kind: 'unreadable' });
    expect(readAge('131')).toMatchObject({ ok: false, kind: 'unreadable' });
    expect(readAge('Belgium')).toMatchObject({ ok: false, kind: 'unreadable' });
  });
});

describe('readSex, readOutcome, readYesNo', () => {
  it('sex: male/female in any case; anything else null', () => {
    expect(readSex('male')).toEqual({ sex: 'male', caseVariant: false });
    expect(readSex('Female')).toEqual({ sex: 'female', caseVariant: true });
    expect(readSex('4000')).toBeNull();
    expect(readSex('M')).toBeNull();
  });

  it('outcome: spellings, case variants, patterns; the rest null', () => {
    expect(readOutcome('discharge')).toEqual({ outcome: 'recovered', how: 'spelling' });
    expect(readOutcome('Discharged')).toEqual({ outcome: 'recovered', how: 'case_variant' });
    expect(readOutcome('died')).toEqual({ outcome: 'died', how: 'spelling' });
    expect(readOutcome('dead')).toEqual({ outcome: 'died', how: 'spelling' });
    expect(readOutcome('stable')).toEqual({ outcome: 'stable', how: 'spelling' });
    expect(readOutcome('critical condition, intubated as of 14.02.2020')).toEqual({ outcome: 'hospitalized', how: 'pattern' });
    expect(readOutcome('treated in an intensive care unit (14.02.2020)')).toEqual({ outcome: 'hospitalized', how: 'pattern' });
    expect(readOutcome('severe')).toBeNull();
    expect(readOutcome('05.02.2020')).toBeNull();
  });

  it('yes/no: yes/no in any case and 1/0', () => {
    expect(readYesNo('yes')).toEqual({ value: true, caseVariant: false });
    expect(readYesNo('No')).toEqual({ value: false, caseVariant: true });
    expect(readYesNo('1')).toEqual({ value: true, caseVariant: false });
    expect(readYesNo('0')).toEqual({ value: false, caseVariant: false });
    expect(readYesNo('business trip')).toBeNull();
  });
});

describe('readCaseDate', () => {
  const r = (s: string, o: typeof DMY | typeof MDY = DMY) => readCaseDate(s, o);
  it('day-first days and ranges', () => {
    expect(r('22.01.2020')).toEqual({ range: { start: '2020-01-22', end: '2020-01-22', precision: 'day', raw: '22.01.2020' }, notes: [] });
    expect(r('9.01.2020').range).toMatchObject({ start: '2020-01-09', precision: 'day' });
    expect(r('10.01.2020 - 22.01.2020').range).toMatchObject({ start: '2020-01-10', end: '2020-01-22', precision: 'range' });
    expect(r('16.01.2020-22.01.2020').range).toMatchObject({ start: '2020-01-16', end: '2020-01-22', precision: 'range' });
    expect(r('13.01.2020 -15.01.2020').range).toMatchObject({ start: '2020-01-13', end: '2020-01-15', precision: 'range' });
    const open = r('- 05.02.2020');
    expect(open.range).toMatchObject({ start: null, end: '2020-02-05', precision: 'range' });
    expect(open.notes).toEqual([{ code: 'partial_date', detail: 'open-ended range (no start)' }]);
    expect(r('25.01.2020 -').range).toMatchObject({ start: '2020-01-25', end: null, precision: 'range' });
    expect(r('22.01.2020 - 10.01.2020').range?.precision).toBe('unknown');
  });

  it('months in words: with a year, or the only year of the period that has that month', () => {
    expect(r('end of December 2019').range).toEqual({ start: '2019-12-01', end: '2019-12-31', precision: 'month', raw: 'end of December 2019' });
    expect(r('mid-January').range).toMatchObject({ start: '2020-01-01', end: '2020-01-31', precision: 'month' });
    expect(r('mid-January').notes[0].detail).toMatch(/2020: the only one in the list's period/);
    expect(r('December').range).toMatchObject({ start: '2019-12-01', end: '2019-12-31' });
    expect(r('June').range?.precision).toBe('unknown');
    expect(readCaseDate('mid-January', { ...DMY, periodStart: '2019-01-01' }).range?.precision).toBe('unknown');
    expect(r('March 2020').range?.precision).toBe('unknown');
  });

  it('swapped month and day: repaired only when one reading is impossible or after the copy date', () => {
    const s = r('01.31.2020');
    expect(s.range).toMatchObject({ start: '2020-01-31', precision: 'day' });
    expect(s.notes).toEqual([{ code: 'repaired', detail: '"01.31.2020" → 2020-01-31 (month and day swapped)' }]);
    expect(r('02.03.2020').range).toMatchObject({ start: '2020-02-03', precision: 'day' });
    expect(r('04.04.2020').range).toMatchObject({ start: null, precision: 'unknown' });
    expect(r('04.04.2020').notes[0]).toEqual({ code: 'unparseable_cell', detail: '"04.04.2020" (after the copy date 2020-02-29)' });
    expect(r('02.02.2021').range?.precision).toBe('unknown');
    expect(r('31.02.2020').range?.precision).toBe('unknown');
    expect(r('13/2/2020', MDY).range).toMatchObject({ start: '2020-02-13', precision: 'day' });
  });

  it('separators, spaces, several dates and words', () => {
    expect(r('20,01,2020').range).toMatchObject({ start: '2020-01-20', precision: 'day' });
    expect(r('20,01,2020').notes[0].code).toBe('repaired');
    const sp = r('20.12.2019 - 09.01. 2020');
    expect(sp.range).toMatchObject({ start: '2019-12-20', end: '2020-01-09', precision: 'range', raw: '20.12.2019 - 09.01. 2020' });
    expect(sp.notes[0]).toEqual({ code: 'stray_whitespace', detail: 'a space inside a date' });
    expect(r('06.01.2020, 11.01.2020, 17.01.2020').notes[0].detail).toMatch(/several dates or periods/);
    expect(r('December; 17.01.2020 - 02.02.2020').range?.precision).toBe('unknown');
    expect(r('21.01.2020 - 23.012020').range?.precision).toBe('unknown');
    expect(r('20.02.220').range?.precision).toBe('unknown');
    expect(r('came from abroad').range).toEqual({ start: null, end: null, precision: 'unknown', raw: 'came from abroad' });
  });

  it('month-first dates, short years and Excel day zero', () => {
    expect(r('1/20/2020', MDY).range).toMatchObject({ start: '2020-01-20', precision: 'day' });
    const short = r('01/03/20', MDY);
    expect(short.range).toMatchObject({ start: '2020-01-03', precision: 'day' });
    expect(short.notes).toEqual([{ code: 'partial_date', detail: 'm/d/yy short form (20yy)' }]);
    const zero = r('12/30/1899', MDY);
    expect(zero.range).toBeNull();
    expect(zero.notes[0].code).toBe('missing_marker');
    expect(r('2//2020', MDY).range?.precision).toBe('unknown');
    expect(r('22.01.2020', MDY).range?.precision).toBe('unknown');
  });
});

describe('lists and URLs', () => {
  it('symptoms split on , and ;; travel places on ; only', () => {
    expect(splitList('fever; cough, Sore Throat ,')).toEqual(['fever', 'cough', 'Sore Throat']);
    expect(splitPlaces('Wuhan, Hubei; Shanghai')).toEqual(['Wuhan, Hubei', 'Shanghai']);
  });
  it('URLs: several per cell, numbered, full-width commas, repeats and trailing punctuation dropped', () => {
    expect(extractUrls('(1) https://a.cn/x?id=1&b=2;   (2) http://b.cn/y.html')).toEqual(['https://a.cn/x?id=1&b=2', 'http://b.cn/y.html']);
    expect(extractUrls('https://m.weibo.cn/status/1?， https://m.weibo.cn/status/2?')).toEqual(['https://m.weibo.cn/status/1?', 'https://m.weibo.cn/status/2?']);
    expect(extractUrls('http://a.cn/x and http://a.cn/x.')).toEqual(['http://a.cn/x']);
    expect(extractUrls('https://')).toEqual([]);
    expect(extractUrls('http://a.cn/1.html;http://a.cn/2.html')).toEqual(['http://a.cn/1.html', 'http://a.cn/2.html']);
    expect(extractUrls('https://g.cn/url?q=https://a.cn/x')).toEqual(['https://g.cn/url?q=https://a.cn/x']);
    expect(extractUrls('Shenzhen Municipal Health Commission')).toEqual([]);
  });
});

describe('copyDateOf', () => {
  it('takes the date in a dated copy name, else the frozen date', () => {
    expect(copyDateOf('linelists/beoutbreakprepared/COVID19_open_line_list_asof_2020-03-15.csv', '2020-02-29')).toBe('2020-03-15');
    expect(copyDateOf('linelists/beoutbreakprepared/COVID19_open_line_list.csv.gz', '2020-02-29')).toBe('2020-02-29');
  });
});

describe('readLineList and LineCells', () => {
  const spec = { required: ['id', 'age', 'sex'], idColumn: 'id' };
  const read = (text: string) => {
    const log = new IssueLog('t.csv');
    return { table: readLineList(text, 't.csv', spec, log), log };
  };
  const err = (text: string): SourceFormatError => {
    try {
      read(text);
    } catch (e) {
      if (e instanceof SourceFormatError) return e;
      throw e;
    }
    throw new Error('no error');
  };

  it('checks the header by name', () => {
    const e = err('id,age,gender\n1,2,male\n');
    expect([e.file, e.line, e.column]).toEqual(['t.csv', 1, 'sex']);
    expect(err('id,age,sex,age\n1,2,m,3\n').message).toMatch(/appears twice/);
    expect(err('id,age,sex\n').message).toMatch(/no records/);
  });

  it('BOM, lines across quoted breaks, blank and id-less rows, duplicates, unnamed columns', () => {
    const { table, log } = read('\uFEFFid,age,,sex\n1,"4\n5",,male\n\n,,,\n,Belgium,,4000\n2,3,x,female,,\n1,4,,male\n1,9,,male\n');
    expect(table.records.map((r) => [r.cells[0], r.line])).toEqual([
      ['1', 2],
      ['2', 7],
    ]);
    expect(table.records[1].extra).toEqual({ column_3: 'x' });
    const issues = log.issues();
    expect(issues.filter((i) => i.code === 'stray_row').map((i) => i.line)).toEqual([4, 5, 6]);
    expect(issues.find((i) => i.line === 6)?.message).toContain('"Belgium", "4000"');
    expect(issues.filter((i) => i.code === 'duplicate_row').map((i) => [i.line, i.message])).toEqual([
      [8, 'case id "1" repeats line 2 (differs in "age"); the first row is kept, this one is not stored'],
      [9, 'case id "1" repeats line 2 (differs in "age"); the first row is kept, this one is not stored'],
    ]);
    expect(issues.find((i) => i.code === 'unparseable_cell' && i.column === 'column_3')?.count).toBe(1);
    expect(issues.find((i) => /beyond the header/.test(i.message))?.message).toBe("1 row has empty fields beyond the header's 4 columns (up to 6 fields: a trailing-comma export); ignored");
  });

  it('short rows: refused in the middle and when the file ends inside a row; the last row of a copy closed with a line break is kept', () => {
    expect(err('id,age,sex\n1,2\n2,3,male\n').line).toBe(2);
    const t = err('id,age,sex\n1,2,male\n2,3');
    expect([t.line, /truncated file/.test(t.message)]).toEqual([3, true]);
    expect(err('id,age,sex\n1,2,male\n2,"3').message).toMatch(/truncated file/);
    const { table, log } = read('id,age,sex\n1,2,male\n2,3,ma\r\n'.replace('2,3,ma', '2,3'));
    expect(table.records[1].cells).toEqual(['2', '', '']);
    expect(log.issues().find((i) => i.line === 3)?.message).toMatch(/the last row has 2 of 3 fields.*its last cell "3" is cut and not read.*columns "sex" are absent/);
  });

  it('LineCells tallies one issue per code and column', () => {
    const { table, log } = read('id,age,sex\n1,N/A,Male\n2,NA,Female\n3, 45 ,4000\n4,23-72,\n');
    const out = table.records.map((r) => {
      const c = new LineCells(table, r, log);
      return [c.age('age'), c.sex('sex')];
    });
    expect(out.map(([a]) => a)).toEqual([
      { start: null, end: null, raw: 'N/A' },
      { start: null, end: null, raw: 'NA' },
      { start: 45, end: 45, raw: ' 45 ' },
      { start: null, end: null, raw: '23-72' },
    ]);
    expect(out.map(([, s]) => s)).toEqual([
      { sex: 'male', raw: 'Male' },
      { sex: 'female', raw: 'Female' },
      { sex: 'unknown', raw: '4000' },
      { sex: 'unknown', raw: null },
    ]);
    const issues = log.issues();
    expect(issues.map((i) => [i.code, i.column, i.count])).toEqual([
      ['missing_marker', 'age', 2],
      ['case_variant', 'sex', 2],
      ['stray_whitespace', 'age', 1],
      ['unparseable_cell', 'sex', 1],
      ['unparseable_cell', 'age', 1],
      ['missing_marker', 'sex', 1],
    ]);
    expect(issues.find((i) => i.code === 'missing_marker' && i.column === 'age')?.message).toBe('column "age": 2 cells ("N/A" ×1, "NA" ×1) hold a marker for "not available"; stored as null (first lines 2, 3)');
  });
});
