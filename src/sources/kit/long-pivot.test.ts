import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../domain/dates.js';
import type { PlaceRef } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { conflictError, duplicateRowDetail, repeatIssue, RowRepeats } from './duplicate-rows.js';
import { denseSeries, LongPivot, type LongRow } from './long-pivot.js';

const IT: PlaceRef = { kind: 'code', system: 'iso2', code: 'IT', label: 'Italy' };
const DE: PlaceRef = { kind: 'code', system: 'iso2', code: 'DE', label: 'Germany' };
const d = (iso: string) => dayNumber(iso);
const row = (over: Partial<LongRow> & Pick<LongRow, 'day' | 'line' | 'values'>): LongRow => ({ key: 'IT', place: IT, label: 'IT', ...over });
const array = (v: Float64Array) => Array.from(v, (x) => (Number.isNaN(x) ? null : x));

describe('LongPivot (repeats policy)', () => {
  const pivot = () => new LongPivot({ fileId: 'data', file: 'data.csv', metrics: ['confirmed', 'deaths'] });

  it('pivots rows in any order into one dense series per place and metric, blank where no row or a blank cell', () => {
    const p = pivot();
    p.add(row({ day: d('2020-03-03'), line: 2, values: [30, Number.NaN] }));
    p.add({ key: 'DE', place: DE, label: 'DE', day: d('2020-03-02'), line: 3, values: [7, 0] });
    p.add(row({ day: d('2020-03-01'), line: 4, values: [10, 1] }));
    const series = p.series();
    expect(series.map((s) => [s.place, s.metric, s.start, s.line, array(s.values)])).toEqual([
      [IT, 'confirmed', d('2020-03-01'), 2, [10, null, 30]],
      [IT, 'deaths', d('2020-03-01'), 2, [1, null, null]],
      [DE, 'confirmed', d('2020-03-02'), 3, [7]],
      [DE, 'deaths', d('2020-03-02'), 3, [0]],
    ]);
    expect(series.every((s) => s.fileId === 'data')).toBe(true);
    expect(p.issues()).toEqual([]);
    expect(p.flags()).toEqual([]);
  });

  it('emits the metrics asked for, in that order, and can leave out a metric blank for a whole place', () => {
    const p = pivot();
    p.add(row({ day: d('2020-03-01'), line: 2, values: [1, Number.NaN] }));
    expect(p.series(['deaths', 'confirmed']).map((s) => s.metric)).toEqual(['deaths', 'confirmed']);
    expect(p.series(undefined, { skipAllBlank: true }).map((s) => s.metric)).toEqual(['confirmed']);
    expect(() => p.series(['recovered'])).toThrow(/no metric recovered/);
  });

  it('ignores an identical repeat (blank equals blank) with one warning and a flag per metric, detail { line, first_line }', () => {
    const p = pivot();
    expect(p.add(row({ day: d('2020-03-01'), line: 5, values: [10, Number.NaN], location: 'IT' }))).toBe(true);
    expect(p.add(row({ day: d('2020-03-01'), line: 9, values: [10, Number.NaN], location: 'IT' }))).toBe(false);
    expect(p.issues()).toEqual([
      { code: 'duplicate_row', severity: 'warning', message: 'row repeats line 5 (IT, 2020-03-01) with identical values; ignored', file: 'data.csv', line: 9, location: 'IT' },
    ]);
    expect(p.flags()).toEqual(
      (['confirmed', 'deaths'] as const).map((metric) => ({ fileId: 'data', line: 9, place: IT, metric, date: '2020-03-01', code: 'duplicate_row', detail: { line: 9, first_line: 5 } })),
    );
    expect(p.flags(['deaths']).map((f) => f.metric)).toEqual(['deaths']);
    expect(array(p.series()[0].values)).toEqual([10]);
  });

  it('refuses a repeat with different values, naming both lines (and both values when given the columns)', () => {
    const p = pivot();
    p.add(row({ day: d('2020-03-01'), line: 5, values: [10, 1] }));
    expect(() => p.add(row({ day: d('2020-03-01'), line: 9, values: [11, 1] }))).toThrow(SourceFormatError);
    expect(() => p.add(row({ day: d('2020-03-01'), line: 9, values: [11, 1] }))).toThrow(/^data\.csv, line 9: duplicate row for IT on 2020-03-01 \(first at line 5\) with different values$/);
    const q = new LongPivot({ fileId: 'x', file: 'x.csv', metrics: ['new_confirmed', 'new_deaths'], conflictColumns: ['cases', 'deaths'] });
    q.add(row({ day: 0, line: 2, values: [5, 0] }));
    expect(() => q.add(row({ day: 0, line: 3, values: [3, 0] }))).toThrow(/with different values: cases 3 vs 5, deaths 0 vs 0$/);
  });

  it('compares signatures instead of values when the row has one (cells that are not stored count too)', () => {
    const p = pivot();
    p.add(row({ day: 0, line: 2, values: [1, 1], signature: 'IT,1,1,tests performed' }));
    expect(p.add(row({ day: 0, line: 3, values: [1, 1], signature: 'IT,1,1,tests performed' }))).toBe(false);
    expect(() => p.add(row({ day: 0, line: 4, values: [1, 1], signature: 'IT,1,1,people tested' }))).toThrow(/line 4: duplicate row for IT .*first at line 2/);
  });

  it('refuses a row whose value count is not the metric count (a connector bug, not a data problem)', () => {
    expect(() => pivot().add(row({ day: 0, line: 2, values: [1] }))).toThrow(/1 values for 2 metrics/);
  });
});

describe('LongPivot (snapshots policy)', () => {
  const pivot = () => new LongPivot({ fileId: 'snap', file: 'snap.csv', metrics: ['confirmed'], policy: 'snapshots' });

  it('keeps the best-ranked row of a place and day whatever the file order, counts the others, sets no flag', () => {
    const p = pivot();
    p.add(row({ day: 0, line: 2, values: [5], rank: 100 }));
    p.add(row({ day: 0, line: 3, values: [9], rank: 300, place: { ...IT, label: 'Italia' } }));
    p.add(row({ day: 0, line: 4, values: [7], rank: 200 }));
    p.add(row({ day: 1, line: 5, values: [8], rank: 50 }));
    const [s] = p.series();
    expect(array(s.values)).toEqual([9, 8]);
    // The place is named as its newest row names it.
    expect([s.line, s.place]).toEqual([3, { ...IT, label: 'Italia' }]);
    expect(p.superseded).toBe(2);
    expect(p.issues()).toEqual([]);
    expect(p.flags()).toEqual([]);
  });

  it('needs two rows of the same rank to agree', () => {
    const p = pivot();
    p.add(row({ day: 0, line: 2, values: [5], rank: 1 }));
    expect(p.add(row({ day: 0, line: 3, values: [5], rank: 1 }))).toBe(false);
    expect(p.superseded).toBe(0);
    expect(() => p.add(row({ day: 0, line: 4, values: [6], rank: 1 }))).toThrow(/line 4: duplicate row for IT on 1970-01-01 \(first at line 2\) with different values/);
  });
});

describe('LongPivot against a plain model', () => {
  // Rows of a few places over many days, in any order, with repeats (identical or not) and ranks:
  // the columnar store (days found past the last one, by binary search, or by a Map once they go
  // back, in arrays grown past their first room) must answer as a Map of every (place, day) would.
  const rowArb = fc.record({ place: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 0, max: 40 }), a: fc.integer({ min: 0, max: 3 }), rank: fc.integer({ min: 0, max: 2 }) });
  const places: PlaceRef[] = [IT, DE, { kind: 'code', system: 'iso2', code: 'FR', label: 'France' }];

  for (const policy of ['repeats', 'snapshots'] as const) {
    it(`${policy}: the same series, repeats and refusals as the model`, () => {
      fc.assert(
        fc.property(fc.array(rowArb, { maxLength: 120 }), fc.boolean(), (rows, ascending) => {
          if (ascending) rows.sort((x, y) => x.day - y.day);
          const p = new LongPivot({ fileId: 'f', file: 'f.csv', metrics: ['confirmed', 'deaths'], policy });
          const model = new Map<string, { line: number; a: number; rank: number }>();
          let superseded = 0;
          let repeats = 0;
          let refused: number | null = null;
          rows.forEach((r, i) => {
            const line = i + 2;
            const key = `${r.place}|${r.day}`;
            const held = model.get(key);
            const rank = policy === 'snapshots' ? r.rank : 0;
            let expected: 'read' | 'ignored' | 'refused' = 'read';
            if (held && policy === 'snapshots' && rank !== held.rank) {
              superseded++;
              expected = rank < held.rank ? 'ignored' : 'read';
            } else if (held) expected = held.a === r.a ? 'ignored' : 'refused';
            if (refused !== null) return;
            const add = () => p.add({ key: String(r.place), place: places[r.place], label: String(r.place), day: r.day, line, values: [r.a, r.a * 10], rank });
            if (expected === 'refused') {
              expect(add).toThrow(new RegExp(`line ${line}: duplicate row .*first at line ${held!.line}`));
              refused = line;
              return;
            }
            expect(add()).toBe(expected === 'read');
            if (expected === 'read') model.set(key, { line, a: r.a, rank });
            else if (policy === 'repeats') repeats++;
          });
          if (refused !== null) return;
          expect(p.superseded).toBe(superseded);
          expect(p.issues()).toHaveLength(repeats);
          for (const s of p.series(['deaths'])) {
            const place = places.indexOf(s.place);
            s.values.forEach((v, j) => {
              const held = model.get(`${place}|${s.start + j}`);
              expect(Number.isNaN(v) ? undefined : v).toBe(held ? held.a * 10 : undefined);
            });
          }
          expect(p.series().length).toBe(2 * new Set([...model.keys()].map((k) => k.split('|')[0])).size);
        }),
      );
    });
  }
});

describe('the duplicate-row policy helpers', () => {
  it('spell the flag detail one way, snake_case', () => {
    expect(duplicateRowDetail(12, 3)).toEqual({ line: 12, first_line: 3 });
    expect(JSON.stringify(duplicateRowDetail(12, 3))).toBe('{"line":12,"first_line":3}');
  });

  it('word the wide-file messages without a date', () => {
    expect(repeatIssue({ file: 'f.csv', line: 6, firstLine: 3, label: 'Anhui|China' }).message).toBe('row repeats line 3 (Anhui|China) with identical values; ignored');
    expect(conflictError({ file: 'f.csv', line: 6, firstLine: 3, label: 'Anhui|China' }).message).toBe('f.csv, line 6: duplicate row for Anhui|China (first at line 3) with different values');
  });
});

describe('RowRepeats (files with one row per place)', () => {
  it('passes a new place, ignores an identical repeat with a warning, refuses a different one', () => {
    const r = new RowRepeats('wide.csv');
    expect(r.first('Anhui|China', 3, Float64Array.of(1, Number.NaN))).toBe(true);
    expect(r.first('Hubei|China', 4, Float64Array.of(9, 9))).toBe(true);
    expect(r.first('Anhui|China', 6, [1, Number.NaN])).toBe(false);
    expect(r.issues).toEqual([{ code: 'duplicate_row', severity: 'warning', message: 'row repeats line 3 (Anhui|China) with identical values; ignored', file: 'wide.csv', line: 6 }]);
    expect(() => r.first('Hubei|China', 8, [9, 8])).toThrow(/^wide\.csv, line 8: duplicate row for Hubei\|China \(first at line 4\) with different values$/);
    expect(r.first('x', 9, 'a,b')).toBe(true);
    expect(() => r.first('x', 10, 'a,c')).toThrow(/first at line 9/);
  });
});

describe('denseSeries', () => {
  it('spans the first to the last day, NaN between', () => {
    const { start, values } = denseSeries([[12, 3], [10, 1]]);
    expect([start, array(values)]).toEqual([10, [1, null, 3]]);
    expect(() => denseSeries([])).toThrow(/no points/);
  });
});
