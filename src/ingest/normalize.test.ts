import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/shared-data.js';
import type { ParsedSource, PlaceRef, SourceSeries } from '../domain/series.js';
import { SourceFormatError } from '../domain/validation.js';
import { buildLocations } from '../gazetteer/build.js';
import { Gazetteer } from '../gazetteer/gazetteer.js';
import { loadGazetteerReference } from '../gazetteer/reference.js';
import { parseUidTable } from '../gazetteer/uid-table.js';
import { parseJhuDaily } from '../sources/jhu-daily/parse.js';
import { keySource, resolvePlace } from './normalize.js';

const gazetteer = async (): Promise<Gazetteer> => {
  const rows = parseUidTable(readFileSync(dataPath('jhu/UID_ISO_FIPS_LookUp_Table.csv'), 'utf8'), 'UID_ISO_FIPS_LookUp_Table.csv');
  const built = buildLocations(rows, await loadGazetteerReference(new URL('../gazetteer/reference/', import.meta.url)));
  return new Gazetteer(built.locations, built.byJhuUid);
};

const key = (code: string): PlaceRef => ({ kind: 'code', system: 'key', code, label: code });
const series = (place: PlaceRef, line: number, metric: SourceSeries['metric'], values: number[], issue?: string): SourceSeries => ({
  fileId: 'f', line, place, metric, start: 18_400, values: Float64Array.from(values), ...(issue ? { issue } : {}),
});
const parsed = (s: SourceSeries[], extra: Partial<ParsedSource> = {}): ParsedSource => ({ series: s, populations: [], issues: [], ...extra });
const FILE = { name: 'f.csv', issue: '2020-06-01' };

describe('keySource', async () => {
  const gaz = await gazetteer();

  const dir = dataPath('jhu/daily_reports');
  // An early report with rows that are parts of one place (cities of a province, summed) and rows
  // the gazetteer cannot place; the newest, with every US county.
  const reports = ['02-21-2020.csv', readdirSync(dir).filter((n) => n.endsWith('.csv')).sort().at(-1)!];
  it.each(reports)('keys the real daily report %s: one series per place, metric and issue, in the order each first comes, parts summed', (name) => {
    const source = parseJhuDaily([{ fileId: 'daily', name, text: readFileSync(`${dir}/${name}`, 'utf8') }]);
    const keyed = keySource(source, gaz, { name, issue: '2020-12-01' }, 'sum');

    // The same grouping, done independently: by the place's key, metric and issue, first come first.
    const expected = new Map<string, { key: string; metric: string; line: number; sum: number }>();
    let unmatched = 0;
    for (const s of source.series) {
      const k = resolvePlace(s.place, gaz);
      if (!k) {
        unmatched++;
        continue;
      }
      const id = JSON.stringify([k, s.metric, s.issue ?? '2020-12-01']);
      const e = expected.get(id);
      if (e) e.sum += s.values[0];
      else expected.set(id, { key: k, metric: s.metric, line: s.line, sum: s.values[0] });
    }
    const want = [...expected.values()];
    expect(keyed.series.map((s) => [s.key, s.metric, s.line])).toEqual(want.map((e) => [e.key, e.metric, e.line]));
    // NaN + anything is NaN, as a day missing in either part is missing in the sum.
    expect(keyed.series.map((s) => s.values[0])).toEqual(want.map((e) => e.sum));
    expect(keyed.series.every((s) => s.issue === '2020-12-01' && s.values.length === 1 && !s.derived)).toBe(true);
    const summed = keyed.issues.filter((i) => i.code === 'rows_summed').length;
    expect(summed).toBe(source.series.length - unmatched - want.length);
    expect(keyed.issues.filter((i) => i.code === 'unmatched_location')).toHaveLength(unmatched);
    if (name === reports[0]) expect([summed > 0, unmatched > 0]).toEqual([true, true]);
  });

  it("refuses two rows of one place with 'error', naming the file and both lines", () => {
    const twice = parsed([series(key('US_CA'), 2, 'confirmed', [1]), series(key('US_NY'), 3, 'confirmed', [5]), series(key('US_CA'), 7, 'confirmed', [2])]);
    const err = (() => {
      try {
        keySource(twice, gaz, FILE, 'error');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SourceFormatError);
    expect((err as SourceFormatError).message).toBe('f.csv, line 7: rows at lines 2 and 7 are both US_CA (confirmed)');
  });

  it('keeps series of different issues or metrics apart, and sums over the union of their days', () => {
    const k = keySource(
      parsed([
        series(key('US_CA'), 2, 'confirmed', [1, 2]),
        series(key('US_CA'), 3, 'deaths', [0, 1]),
        series(key('US_CA'), 4, 'confirmed', [10, 20], '2020-05-01'),
        series(key('US_CA'), 5, 'confirmed', [100, 200, 300]),
      ]),
      gaz,
      FILE,
      'sum',
    );
    expect(k.series.map((s) => [s.metric, s.issue, s.line, Array.from(s.values)])).toEqual([
      ['confirmed', '2020-06-01', 2, [101, 202, Number.NaN]],
      ['deaths', '2020-06-01', 3, [0, 1]],
      ['confirmed', '2020-05-01', 4, [10, 20]],
    ]);
  });

  it("attaches the parser's flags to the file's issue and notes to their own issue", () => {
    const k = keySource(
      parsed([series(key('US_CA'), 2, 'confirmed', [1]), series(key('US_CA'), 3, 'confirmed', [1], '2020-05-01'), series(key('US_NY'), 4, 'confirmed', [1])], {
        flags: [
          { fileId: 'f', line: 2, place: key('US_CA'), metric: 'confirmed', date: '2020-05-18', code: 'duplicate_row' },
          { fileId: 'f', line: 9, place: key('US_TX'), metric: 'confirmed', date: '2020-05-18', code: 'duplicate_row' },
        ],
        notes: [{ fileId: 'f', line: 3, place: key('US_CA'), metric: 'confirmed', date: '2020-05-18', issue: '2020-05-01', note: 'revised' }],
      }),
      gaz,
      FILE,
    );
    const [june, may, ny] = k.series;
    expect(june.flags).toEqual([{ date: '2020-05-18', code: 'duplicate_row' }]);
    expect(june.notes).toBeUndefined();
    expect(may.flags).toBeUndefined();
    expect(may.notes).toEqual([{ date: '2020-05-18', note: 'revised' }]);
    // A flag for a place with no series (US_TX) goes nowhere.
    expect(ny.flags).toBeUndefined();
  });
});
