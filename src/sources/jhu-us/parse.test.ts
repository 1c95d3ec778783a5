import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import { dayNumber } from '../../domain/dates.js';
import { SourceFormatError } from '../../domain/validation.js';
import { parseJhuUs } from './parse.js';

const fixture = (name: string, fileId = 'deaths') => ({ fileId, name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const real = (fileId: string, name: string) => ({ fileId, name, text: gunzipSync(readFileSync(dataPath('jhu/time_series_us', name))).toString('utf8') });

describe('parseJhuUs on real JHU US files', () => {
  const confirmed = real('confirmed', 'time_series_covid19_confirmed_US_asof_2020-12-31.csv.gz');
  const deaths = real('deaths', 'time_series_covid19_deaths_US_asof_2021-04-22.csv.gz');
  const parsed = parseJhuUs([confirmed, deaths]);

  it('reads every county row of both layouts (deaths has Population before the dates)', () => {
    const c = parsed.series.filter((s) => s.metric === 'confirmed');
    const d = parsed.series.filter((s) => s.metric === 'deaths');
    expect(c).toHaveLength(confirmed.text.trim().split('\n').length - 1);
    expect(d).toHaveLength(deaths.text.trim().split('\n').length - 1);
    expect(c[0].values).toHaveLength(dayNumber('2020-12-30') - dayNumber('2020-01-22') + 1);
    expect(d[0].values).toHaveLength(dayNumber('2021-04-21') - dayNumber('2020-01-22') + 1);
  });

  it('does not shift the dates by the Population column', () => {
    // Los Angeles County's deaths on its last day, read from the raw line's last cell.
    const line = deaths.text.split('\n').find((l) => l.startsWith('84006037,'))!;
    const la = parsed.series.find((s) => s.metric === 'deaths' && s.place.kind === 'jhu-uid' && s.place.uid === 84006037)!;
    expect(la.values[la.values.length - 1]).toBe(Number(line.trim().split(',').pop()));
    expect(parsed.populations.find((p) => p.place.kind === 'jhu-uid' && p.place.uid === 84006037)?.population).toBe(Number(line.split(',')[13])); // after the quoted "Los Angeles, California, US"
  });

  it('takes a population from every row of the deaths file', () => {
    expect(parsed.populations).toHaveLength(deaths.text.trim().split('\n').length - 1);
  });
});

describe('parseJhuUs on small and broken files', () => {
  it('accepts both layouts', () => {
    const d = parseJhuUs([fixture('good-deaths.csv')]);
    const c = parseJhuUs([fixture('good-confirmed.csv', 'confirmed')]);
    expect(d.series.map((s) => Array.from(s.values))).toEqual(c.series.map((s) => Array.from(s.values)));
    expect(d.populations.map((p) => p.population)).toEqual([55869, 223234, 24686, 10]);
    expect(c.populations).toEqual([]);
  });

  it('names the cell of a bad population', () => {
    expect(() => parseJhuUs([fixture('bad-population.csv')])).toThrow(SourceFormatError);
    expect(() => parseJhuUs([fixture('bad-population.csv')])).toThrow(/bad-population\.csv, line 3, column "Population": population is not a number: "n\/a"/);
  });

  it('refuses a header without the UID column', () => {
    expect(() => parseJhuUs([fixture('missing-uid-column.csv')])).toThrow(/missing-uid-column\.csv, line 1: unexpected header: found "iso2" where "UID" was expected/);
  });
});
