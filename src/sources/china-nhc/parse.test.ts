import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath } from '../../../test/shared-data.js';
import { dayNumber } from '../../domain/dates.js';
import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { chinaNhc } from './index.js';
import { parseChinaNhc } from './parse.js';

const fixture = (name: string): SourceInputFile => ({ fileId: 'provinces', name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const realFile: SourceInputFile = { fileId: 'provinces', name: 'glacier-ice_prov_data_0130.csv', text: readFileSync(dataPath('china/glacier-ice_prov_data_0130.csv'), 'utf8') };

function valueOn(p: ParsedSource, place: PlaceRef, metric: string, iso: string): number {
  const s = p.series.find((x) => x.metric === metric && JSON.stringify(x.place) === JSON.stringify(place));
  if (!s) return Number.NaN;
  const i = dayNumber(iso) - s.start;
  return i >= 0 && i < s.values.length ? s.values[i] : Number.NaN;
}
const province = (name: string): PlaceRef => ({ kind: 'names', country: '中国', province: name });
const country = (name: string): PlaceRef => ({ kind: 'names', country: name });

/** Independent reading: plain split; the first row of each (date, province) in file order. */
const rawRows = (text: string) => text.trim().split('\n').slice(1).map((l) => l.split(','));
function firstRows(text: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of rawRows(text)) if (!m.has(`${r[0]}|${r[4]}`)) m.set(`${r[0]}|${r[4]}`, r);
  return m;
}

describe('china-nhc on the real file', () => {
  const parsed = parseChinaNhc([realFile]);
  const first = firstRows(realFile.text);

  it('gives three series per province and reads the first (newest) row of each day', () => {
    const names = new Set(rawRows(realFile.text).map((r) => r[4]));
    expect(parsed.series).toHaveLength(3 * names.size);
    let checked = 0;
    for (const [k, r] of first) {
      const [date, name] = k.split('|');
      const place = /(省|市|自治区)$/.test(name) ? province(name) : country(name);
      expect(valueOn(parsed, place, 'confirmed', date), k).toBe(Number(r[1]));
      expect(valueOn(parsed, place, 'recovered', date), k).toBe(Number(r[2]));
      expect(valueOn(parsed, place, 'deaths', date), k).toBe(Number(r[3]));
      checked++;
    }
    expect(checked).toBe(first.size);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'duplicate_row', severity: 'info', count: rawRows(realFile.text).length - first.size })]);
  });

  it('reads Hubei on 2020-01-30 from its first row (cure 116, not the older 86)', () => {
    expect(valueOn(parsed, province('湖北省'), 'recovered', '2020-01-30')).toBe(116);
  });
});

describe('china-nhc on hand-made fixtures', () => {
  it('reads the good file and tolerates earlier snapshots of a day (info issue)', () => {
    const p = parseChinaNhc([fixture('good.csv')]);
    expect(valueOn(p, province('湖北省'), 'recovered', '2020-01-30')).toBe(116);
    expect(valueOn(p, country('台湾'), 'confirmed', '2020-01-29')).toBe(8);
    expect(valueOn(p, country('美国'), 'confirmed', '2020-01-29')).toBeNaN();
    expect(p.issues).toEqual([expect.objectContaining({ code: 'duplicate_row', count: 1 })]);
  });

  it('parses a file with a byte-order mark like one without', () => {
    expect(parseChinaNhc([fixture('bom.csv')]).series).toEqual(parseChinaNhc([fixture('good.csv')]).series);
  });

  const cases: [string, RegExp][] = [
    ['changed-header.csv', /changed-header\.csv, line 1, column "confirm": unexpected header: no column "confirm"/],
    ['missing-column.csv', /missing-column\.csv, line 1, column "dead": unexpected header: no column "dead"/],
    ['non-numeric.csv', /non-numeric\.csv, line 4, column "confirm": not a number: "12l"/],
    ['truncated.csv', /truncated\.csv, line 7: expected 6 fields, found 3/],
    ['unsorted.csv', /unsorted\.csv, line 6, column "date": rows are not in descending date order/],
    ['bad-date.csv', /bad-date\.csv, line 2, column "date": not a date: "30\/01\/2020"/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, message) => {
    expect(() => parseChinaNhc([fixture(name)])).toThrow(SourceFormatError);
    expect(() => parseChinaNhc([fixture(name)])).toThrow(message);
  });
});

describe('china-nhc ingested from the real mirror', async () => {
  const { t, runs } = await ingestConnectors([chinaNhc]);
  afterAll(() => t.drop());
  const run = runs.find((r) => r.sourceId === 'china-nhc')!;
  const first = firstRows(realFile.text);
  const stored = async (key: string, metric: string, iso: string) => {
    const [ref] = await findSeries(t.db, [key], [metric], 'china-nhc');
    expect(ref, `${key} ${metric}`).toBeDefined();
    const p = (await readPoints(t.db, [ref], null)).get(ref.seriesId)!;
    return p.values[p.days.indexOf(dayNumber(iso))];
  };

  it('succeeds with every place matched', () => {
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.unmatched).toBe(0);
    expect(run.vintages).toEqual([expect.objectContaining({ issue: '2020-03-22' })]);
  });

  it('stores provinces, Hong Kong, Taiwan and foreign countries on their keys', async () => {
    expect(await stored('CN_HB', 'confirmed', '2020-01-28')).toBe(Number(first.get('2020-01-28|湖北省')![1]));
    expect(await stored('CN_NM', 'deaths', '2020-01-30')).toBe(Number(first.get('2020-01-30|内蒙古自治区')![3]));
    expect(await stored('CN_HK', 'confirmed', '2020-01-25')).toBe(Number(first.get('2020-01-25|香港')![1]));
    expect(await stored('TW', 'confirmed', '2020-01-21')).toBe(Number(first.get('2020-01-21|台湾')![1]));
    expect(await stored('US', 'confirmed', '2020-01-30')).toBe(Number(first.get('2020-01-30|美国')![1]));
  });
});
