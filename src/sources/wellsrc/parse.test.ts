import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath } from '../../../test/shared-data.js';
import { dayNumber, isoFromDay } from '../../domain/dates.js';
import { SourceFormatError } from '../../domain/validation.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { compressed, doubles, element, header, matrix, MI } from './fixtures/mat-writer.js';
import { wellsrc } from './index.js';
import { parseWellsMat, parseWellsrc } from './parse.js';

const WUHAN = 'ReportedIncidenceWuhan-Dec62019=t0.mat';
const bytes = readFileSync(dataPath('wellsrc', WUHAN));

/** RWuhan as SciPy 1.17 reads it (scipy.io.loadmat), t = 49..72; t = 1..48 are 0. */
const SCIPY_T49_72 = [68, 77, 46, 80, 892, 315, 356, 378, 576, 894, 1063, 1212, 1967, 1766, 1501, 1985, 1379, 1920, 1552, 1104, 13436, 2997, 1923, 1548];

/** A hand-made incidence file: variable `name`, rows (t, count). */
const incidence = (name: string, rows: [number, number][], dims = [rows.length, 2]) =>
  Buffer.concat([header(), compressed(matrix(name, 6, dims, [element(MI.DOUBLE, doubles([...rows.map((r) => r[0]), ...rows.map((r) => r[1])]))]))]);

describe('parseWellsMat on the real Wuhan file', () => {
  const parsed = parseWellsMat(bytes, WUHAN, 'reported-wuhan');
  const [s] = parsed.series;

  it('gives one new_confirmed series for Wuhan, t = 1 on 2019-12-07 (t0 = 2019-12-06)', () => {
    expect(parsed.series).toHaveLength(1);
    expect(s).toMatchObject({ metric: 'new_confirmed', place: { kind: 'names', country: 'China', province: 'Hubei', admin2: 'Wuhan' } });
    expect(isoFromDay(s.start)).toBe('2019-12-07');
    expect(s.values).toHaveLength(72);
    expect(isoFromDay(s.start + 71)).toBe('2020-02-16');
  });

  it('keeps every count as SciPy reads it, zeros included', () => {
    expect(Array.from(s.values.subarray(48))).toEqual(SCIPY_T49_72);
    expect(Array.from(s.values.subarray(0, 48)).every((v) => v === 0)).toBe(true);
    expect(s.values[dayNumber('2020-02-13') - s.start]).toBe(13436);
  });
});

describe('parseWellsMat on broken input', () => {
  it('parses a hand-made file', () => {
    const p = parseWellsMat(incidence('RWuhan', [[3, 5], [4, 0], [5, 7]]), 'hand.mat', 'reported-wuhan');
    expect(isoFromDay(p.series[0].start)).toBe('2019-12-09');
    expect(Array.from(p.series[0].values)).toEqual([5, 0, 7]);
  });

  const cases: [string, Buffer, RegExp][] = [
    ['wrong variable', incidence('RHubei', [[1, 1]]), /wrong variable, column "RWuhan": no variable "RWuhan" \(found "RHubei"\)/],
    ['not N×2', incidence('RWuhan', [[1, 1], [2, 2], [3, 3]], [2, 3]), /not N×2, column "RWuhan": RWuhan is a double array of 2×3, not an N×2 numeric array/],
    ['day gap', incidence('RWuhan', [[1, 1], [3, 2]]), /day gap, column "RWuhan\(2,1\)": day index in row 2 is 3, expected 2/],
    ['negative count', incidence('RWuhan', [[1, 1], [2, -4]]), /negative count, column "RWuhan\(2,2\)": count in row 2 is -4/],
    ['truncated', bytes.subarray(0, 200), /truncated, column "byte 128": truncated MAT-file/],
    ['not a MAT-file', Buffer.from('t,count\n1,0\n'), /not a MAT-file, column "byte 0": not a MATLAB 5 MAT-file/],
  ];
  it.each(cases)('%s: a clear error naming the file and where', (name, buf, message) => {
    expect(() => parseWellsMat(buf, name, 'reported-wuhan')).toThrow(SourceFormatError);
    expect(() => parseWellsMat(buf, name, 'reported-wuhan')).toThrow(message);
  });

  it('refuses an unknown file id, and a file passed without its bytes', () => {
    expect(() => parseWellsMat(bytes, WUHAN, 'reported-hubei')).toThrow(/unknown file id "reported-hubei"/);
    expect(() => parseWellsrc([{ fileId: 'reported-wuhan', name: WUHAN, text: bytes.toString('utf8') }])).toThrow(/MATLAB \.mat file is binary: the parser needs the file's bytes/);
    expect(parseWellsrc([{ fileId: 'reported-wuhan', name: WUHAN, text: '', bytes }]).series).toHaveLength(1);
  });
});

describe('wellsrc ingested from the real mirror', async () => {
  const { t, runs } = await ingestConnectors([wellsrc]);
  afterAll(() => t.drop());
  const run = runs.find((r) => r.sourceId === 'wellsrc')!;

  it('succeeds with every place matched and stores Wuhan’s counts on CN_HB_WUHAN (a dxy extra location)', async () => {
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.unmatched).toBe(0);
    expect(run.vintages).toEqual([expect.objectContaining({ issue: '2020-04-16' })]);
    const [ref] = await findSeries(t.db, ['CN_HB_WUHAN'], ['new_confirmed'], 'wellsrc');
    const p = (await readPoints(t.db, [ref], null)).get(ref.seriesId)!;
    expect(p.values[p.days.indexOf(dayNumber('2020-02-13'))]).toBe(13436);
    expect(p.values[p.days.indexOf(dayNumber('2020-01-24'))]).toBe(68);
    expect(p.days.length).toBe(72);
  });
});
