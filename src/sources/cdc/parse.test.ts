import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath } from '../../../test/shared-data.js';
import { dayNumber } from '../../domain/dates.js';
import type { ParsedSource, SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { cdc } from './index.js';
import { CDC_MIRROR_COPY, CDC_MIRROR_ISSUE } from './manifest.js';
import { parseCdc } from './parse.js';

const REAL = `${CDC_MIRROR_COPY}.gz`;
const realText = gunzipSync(readFileSync(dataPath(REAL))).toString('utf8');
const fixture = (name: string) => ({ fileId: 'cases-deaths', name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });

/** The raw file read independently of the parser: the export has no quoted fields. */
const rawLines = realText.trim().split('\n');
const rawHeader = rawLines[0].trim().split(',');
const rawRows = rawLines.slice(1).map((l) => Object.fromEntries(l.trim().split(',').map((v, i) => [rawHeader[i], v])));
const usDay = (mdy: string) => dayNumber(`${mdy.slice(6, 10)}-${mdy.slice(0, 2)}-${mdy.slice(3, 5)}`);

const COLUMN_OF: Record<string, string> = {
  confirmed: 'tot_cases', confirmed_lab: 'conf_cases', probable: 'prob_cases', new_confirmed: 'new_case',
  deaths: 'tot_death', deaths_lab: 'conf_death', probable_deaths: 'prob_death', new_deaths: 'new_death',
};
const CONSENT_OF: Record<string, string> = { confirmed_lab: 'consent_cases', probable: 'consent_cases', deaths_lab: 'consent_deaths', probable_deaths: 'consent_deaths' };
const codeOf = (s: SourceSeries) => (s.place.kind === 'code' ? `${s.place.system}:${s.place.code}` : '?');
const find = (p: ParsedSource, code: string, metric: string) => p.series.find((s) => codeOf(s) === code && s.metric === metric)!;
const at = (s: SourceSeries, iso: string) => s.values[dayNumber(iso) - s.start];

describe('parseCdc on the real 2021-12 export', () => {
  const parsed = parseCdc([{ fileId: 'cases-deaths', name: REAL, text: realText }]);
  const jurisdictions = [...new Set(rawRows.map((r) => r.state))];

  it('pivots every row: one series per jurisdiction and metric over the whole date range', () => {
    expect(rawHeader).toHaveLength(15);
    expect(rawRows.every((r) => Object.keys(r).length === 15)).toBe(true);
    expect(jurisdictions).toHaveLength(60);
    expect(parsed.series).toHaveLength(60 * 8);
    const days = rawRows.map((r) => usDay(r.submission_date));
    const first = Math.min(...days);
    const last = Math.max(...days);
    expect(first).toBe(dayNumber('2020-01-22'));
    expect(last).toBe(dayNumber('2021-12-26'));
    for (const s of parsed.series) {
      expect(s.start).toBe(first);
      expect(s.values).toHaveLength(last - first + 1);
    }
    expect(parsed.issues).toEqual([]);
    expect(parsed.flags).toEqual([]);
  });

  it('stores every cell as published, the split only where the jurisdiction agreed', () => {
    const place = (state: string) =>
      ({ NYC: 'key:US_NY_NYC', NY: 'key:US_NY_EXCL-NYC', FSM: 'iso2:FM', RMI: 'iso2:MH', PW: 'iso2:PW' })[state] ?? `usps:${state}`;
    const byKey = new Map(parsed.series.map((s) => [`${codeOf(s)}|${s.metric}`, s]));
    let checked = 0;
    const wrong: string[] = [];
    for (const r of rawRows) {
      for (const [metric, column] of Object.entries(COLUMN_OF)) {
        const s = byKey.get(`${place(r.state)}|${metric}`)!;
        const v = s.values[usDay(r.submission_date) - s.start];
        const consent = CONSENT_OF[metric];
        const expected = r[column] === '' || (consent && r[consent] !== 'Agree') ? Number.NaN : Number(r[column]);
        if (!Object.is(v, expected)) wrong.push(`${r.state} ${r.submission_date} ${column}: ${v} ≠ ${expected}`);
        checked++;
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(checked).toBe(rawRows.length * 8);
  });

  it('keeps NY (without NYC) and NYC apart; NY never published its split', () => {
    const ny = rawRows.find((r) => r.state === 'NY' && r.submission_date === '12/26/2021')!;
    const nyc = rawRows.find((r) => r.state === 'NYC' && r.submission_date === '12/26/2021')!;
    expect(at(find(parsed, 'key:US_NY_EXCL-NYC', 'confirmed'), '2021-12-26')).toBe(Number(ny.tot_cases));
    expect(at(find(parsed, 'key:US_NY_NYC', 'confirmed'), '2021-12-26')).toBe(Number(nyc.tot_cases));
    expect(at(find(parsed, 'key:US_NY_NYC', 'new_deaths'), '2021-12-26')).toBe(Number(nyc.new_death));
    expect(Array.from(find(parsed, 'key:US_NY_EXCL-NYC', 'confirmed_lab').values).every(Number.isNaN)).toBe(true);
  });
});

describe('parseCdc on small and broken files', () => {
  const good = parseCdc([fixture('good.csv')]);

  it('pivots unsorted rows; a day without a row is NaN', () => {
    expect(good.series).toHaveLength(8 * 8);
    const ny = find(good, 'key:US_NY_EXCL-NYC', 'confirmed');
    expect(ny.start).toBe(dayNumber('2021-12-24'));
    expect(Array.from(ny.values)).toEqual([1780756, Number.NaN, 1812090]);
    expect(Array.from(find(good, 'key:US_NY_NYC', 'new_confirmed').values)).toEqual([0, 0, 62968]);
    expect(Array.from(find(good, 'iso2:MH', 'confirmed').values)).toEqual([4]);
    expect(find(good, 'iso2:FM', 'confirmed').line).toBe(7);
  });

  it('stores the split of a jurisdiction that did not agree as missing, and says so', () => {
    for (const m of ['confirmed_lab', 'probable', 'deaths_lab', 'probable_deaths']) expect(at(find(good, 'usps:TX', m), '2021-12-26')).toBeNaN();
    expect(at(find(good, 'usps:TX', 'confirmed'), '2021-12-26')).toBe(4457359);
    expect(at(find(good, 'usps:CA', 'confirmed_lab'), '2021-12-26')).toBe(4990016); // cases agreed
    expect(at(find(good, 'usps:CA', 'deaths_lab'), '2021-12-26')).toBeNaN(); // deaths not
    expect(good.issues).toEqual([expect.objectContaining({ code: 'missing_rule', count: 4, file: 'good.csv' })]);
    expect(good.issues[0].message).toMatch(/conf_cases 1, prob_cases 1, conf_death 1, prob_death 1/);
  });

  it('reads a file with a BOM like the file without one', () => {
    const bom = parseCdc([fixture('bom.csv')]);
    expect(bom.series.map((s) => [codeOf(s), s.metric, s.start, Array.from(s.values)])).toEqual(good.series.map((s) => [codeOf(s), s.metric, s.start, Array.from(s.values)]));
  });

  it.each([
    ['changed-header.csv', /changed-header\.csv, line 1: unexpected header: missing column "tot_cases"/],
    ['missing-column.csv', /missing-column\.csv, line 1: unexpected header: missing column "conf_death"/],
    ['non-numeric.csv', /non-numeric\.csv, line 3, column "tot_death": not a number: "23,271"/],
    ['truncated.csv', /truncated\.csv, line 9: expected 15 fields, found 13/],
    ['duplicate-conflict.csv', /duplicate-conflict\.csv, line 13: duplicate row for NY on 2021-12-24 \(first at line 3\) with different values/],
    ['iso-date.csv', /iso-date\.csv, line 7, column "submission_date": not a date \(expected MM\/DD\/YYYY\): "2021-12-26"/],
    ['bad-consent.csv', /bad-consent\.csv, line 2, column "consent_cases": unknown consent value "Agreed"/],
  ])('refuses %s with the file, line and column', (name, message) => {
    expect(() => parseCdc([fixture(name)])).toThrow(SourceFormatError);
    expect(() => parseCdc([fixture(name)])).toThrow(message);
  });

  it('ignores an identical duplicate row, with a warning and a flag on each metric', () => {
    const dup = parseCdc([fixture('duplicate-identical.csv')]);
    expect(dup.series.map((s) => Array.from(s.values))).toEqual(good.series.map((s) => Array.from(s.values)));
    expect(dup.issues.filter((i) => i.code === 'duplicate_row')).toEqual([expect.objectContaining({ severity: 'warning', line: 13, file: 'duplicate-identical.csv' })]);
    expect(dup.flags).toHaveLength(8);
    expect(dup.flags![0]).toMatchObject({ date: '2021-12-24', code: 'duplicate_row', line: 13 });
    for (const f of dup.flags!) expect(f.detail).toEqual({ line: 13, first_line: 3 });
  });
});

describe('cdc ingested from the real mirror', async () => {
  const { t, runs } = await ingestConnectors([cdc]);
  afterAll(() => t.drop());
  const run = runs.find((r) => r.sourceId === 'cdc')!;
  const value = async (key: string, metric: string, iso: string) => {
    const [ref] = await findSeries(t.db, [key], [metric], 'cdc');
    expect(ref, `${key} ${metric}`).toBeDefined();
    const p = (await readPoints(t.db, [ref], null)).get(ref.seriesId)!;
    const i = p.days.indexOf(dayNumber(iso));
    return { value: p.values[i], issue: p.issues[i], derived: ref.derived };
  };
  const raw = (state: string, mdy: string, column: string) => Number(rawRows.find((r) => r.state === state && r.submission_date === mdy)![column]);

  it('succeeds with every jurisdiction matched, dated by the mirror entry', () => {
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.unmatched).toBe(0);
    expect(run.issues.filter((i) => i.code === 'unmatched_location')).toEqual([]);
    expect(run.files.map((f) => f.issue)).toEqual([CDC_MIRROR_ISSUE]);
  });

  it('stores the published values on their keys', async () => {
    expect(await value('US_NY_NYC', 'confirmed', '2021-12-26')).toEqual({ value: raw('NYC', '12/26/2021', 'tot_cases'), issue: dayNumber(CDC_MIRROR_ISSUE), derived: false });
    expect((await value('MH', 'deaths', '2021-12-26')).value).toBe(raw('RMI', '12/26/2021', 'tot_death'));
    expect((await value('US_PR', 'probable', '2021-12-26')).value).toBe(raw('PR', '12/26/2021', 'prob_cases'));
    expect((await value('US_CA', 'new_confirmed', '2021-05-31')).value).toBe(raw('CA', '05/31/2021', 'new_case'));
  });

  it('derives New York State from NYC + NY, and a US total without the freely associated states', async () => {
    const ny = await value('US_NY', 'confirmed', '2021-12-26');
    expect(ny.derived).toBe(true);
    expect(ny.value).toBe(raw('NY', '12/26/2021', 'tot_cases') + raw('NYC', '12/26/2021', 'tot_cases'));
    const us = await value('US', 'deaths', '2021-12-26');
    const parts = rawRows.filter((r) => r.submission_date === '12/26/2021' && !['FSM', 'RMI', 'PW'].includes(r.state));
    expect(parts).toHaveLength(57);
    expect(us).toMatchObject({ derived: true, value: parts.reduce((a, r) => a + Number(r.tot_death), 0) });
  });
});
