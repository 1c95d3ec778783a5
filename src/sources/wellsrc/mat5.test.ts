import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import { SourceFormatError } from '../../domain/validation.js';
import { readMat5 } from './mat5.js';

import { compressed, doubles, element, header, matrix, MI, u32 } from './fixtures/mat-writer.js';

const handMade = Buffer.concat([
  header(),
  matrix('A', 6, [2, 2], [element(MI.DOUBLE, doubles([1, 2, 3, 4.5]))]),
  compressed(matrix('counts', 6, [3, 2], [element(MI.UINT16, Buffer.from(new Uint16Array([1, 2, 3, 0, 7, 65535]).buffer))])),
  matrix('s', 4, [1, 5], [element(MI.UINT16, Buffer.from(new Uint16Array([...'Wuhan'].map((c) => c.charCodeAt(0))).buffer))]),
  compressed(matrix('c', 1, [2, 1], [matrix('', 4, [1, 2], [element(MI.UINT16, Buffer.from(new Uint16Array([72, 75]).buffer))]), matrix('', 6, [1, 1], [element(MI.UINT8, Buffer.from([9]))])])),
  matrix('st', 2, [1, 1], [element(MI.INT32, Buffer.from(new Int32Array([4]).buffer)), element(MI.INT8, Buffer.from('ab\0\0cd\0\0', 'latin1')), matrix('', 6, [1, 1], [element(MI.DOUBLE, doubles([1]))]), u32(MI.MATRIX, 0)]),
  matrix('empty', 6, [0, 0], []),
  matrix('flag', 9, [1, 3], [element(MI.UINT8, Buffer.from([1, 0, 1]))], 0x200),
]);

describe('readMat5 on hand-made files', () => {
  const mat = readMat5(handMade, 'hand.mat');
  const v = (name: string) => mat.variables.find((x) => x.name === name)!;

  it('reads numeric, compressed, char, cell, struct and logical arrays', () => {
    expect(mat.variables.map((x) => x.name)).toEqual(['A', 'counts', 's', 'c', 'st', 'empty', 'flag']);
    expect(v('empty').real).toHaveLength(0);
    expect(v('A')).toMatchObject({ class: 'double', dims: [2, 2] });
    expect(Array.from(v('A').real!)).toEqual([1, 2, 3, 4.5]);
    expect(Array.from(v('counts').real!)).toEqual([1, 2, 3, 0, 7, 65535]);
    expect(v('s').text).toBe('Wuhan');
    expect(v('c').cells!.map((c) => c.text ?? c.real![0])).toEqual(['HK', 9]);
    expect(v('st').fields).toEqual(['ab', 'cd']);
    expect(Array.from(v('st').elements![0].ab.real!)).toEqual([1]);
    expect(v('st').elements![0].cd.dims).toEqual([0, 0]);
    expect(v('flag')).toMatchObject({ class: 'uint8', logical: true });
  });

  it('refuses a truncated file, naming the byte where it breaks', () => {
    for (const cut of [handMade.length - 3, 200, 140]) {
      expect(() => readMat5(handMade.subarray(0, cut), 'cut.mat')).toThrow(SourceFormatError);
      expect(() => readMat5(handMade.subarray(0, cut), 'cut.mat')).toThrow(/cut\.mat, column "byte \d+( \(inside the compressed element at byte \d+\))?": truncated MAT-file|does not inflate/);
    }
    expect(() => readMat5(handMade.subarray(0, 100), 'short.mat')).toThrow(/short\.mat, column "byte 100": truncated MAT-file: 100 bytes, shorter than the 128-byte header/);
  });

  it('refuses a file that is not a MAT v5 file', () => {
    expect(() => readMat5(Buffer.from('date,confirm,cure,dead,province,suspect\n'), 'text.mat')).toThrow(/text\.mat, column "byte 0": not a MATLAB 5 MAT-file: the file starts with "date,confirm,cure,dead,p"/);
    expect(() => readMat5(header('MATLAB 7.3 MAT-file, Platform: GLNXA64, HDF5 schema 1.00'), 'v73.mat')).toThrow(/v73\.mat, column "byte 0": MAT-file version 7\.3 \(HDF5\) is not supported/);
    const badEndian = Buffer.from(header());
    badEndian.write('XX', 126, 'latin1');
    expect(() => readMat5(badEndian, 'endian.mat')).toThrow(/bad endian indicator "XX"/);
    const garbage = Buffer.concat([header(), u32(MI.COMPRESSED, 8), Buffer.from('notzlib!')]);
    expect(() => readMat5(garbage, 'z.mat')).toThrow(/z\.mat, column "byte 128": compressed element does not inflate/);
  });
});

/** Variables of every real file, as listed independently by SciPy 1.17 (scipy.io.loadmat). */
const EXPECTED: Record<string, string> = {
  'ArrivalToSymptomOnset.mat': 'ATtoSO[30x1]',
  'ColorM.mat': 'CMC[64x3]',
  'DailyIncidenceOther-WHO-Dec62019=t0.mat': 'OWHO[72x2]',
  'DailyIncidenceWuhan-NEJM-Dec62019=t0.mat': 'WNEJM[72x2]',
  'Probability_Travel_Hospital_6733.mat': 'F[271x1] pc[1x271]',
  'Probability_Travel_Infection_6733.mat': 'F[271x1] pc[1x271]',
  'Probability_Travel_Infection_6733_Mulit.mat': 'F[37x271] pc[1x271]',
  'ReportedIncidenceChina-Dec62019=t0.mat': 'RChina[72x2]',
  'ReportedIncidenceHubei-Dec62019=t0.mat': 'RHubei[72x2]',
  'ReportedIncidenceOther-WHO-Dec62019=t0.mat': 'OWHORep[72x2]',
  'ReportedIncidenceWuhan-Dec62019=t0.mat': 'RWuhan[72x2]',
  'ReportedTimeIncidence.mat': 'RepI[72x2]',
  'Time_Screening.mat': 'F[271x1] FlightAll[63x2] MLET[14x1] NS1[1x1] Test[22x1] UMLET[10000x14] ans[1x1] f[1x1] gp[1x1] ii[1x1] jj[1x1] mm[1x1] mun[10000x1] options[1x1] pc[1x271] pdf[1x22] ptravel[1x1] r[10000x1] spc[10000x1] ss[1x1] t[1x1] tf[1x63] w[271x1] wc[271x1] wtc[1x1]',
  'TimetoHospitalJan1onward.mat': 'C[31x1] D[31x2] S[1x1]',
  'TimetoHospitaluptoDec31.mat': 'C[31x1] D[31x2] S[1x1]',
  'TimetoMedVisitJan1onward.mat': 'C[13x1] D[13x2]',
  'TimetoMedVisituptoDec31.mat': 'C[13x1] D[13x2]',
  'TravelDuringInfection.mat': 'L[10000x1] LCT[10000x15] MLE[1x1] MLECT[1x15]',
  'Weight_Flights.mat': 'FC[21x2] FlightAll[63x2] Flight_NW[63x2]',
  'Weight_Flights_Routes.mat': 'FC[21x2] FlightAll[63x2] Flight_NW[63x2]',
  'Weighted_RouteTravel_Infectious_6733.mat': 'MLE[301x95] w[1x301]',
  'Weighted_Travel_Infectious_6733.mat': 'MLE[301x95] w[1x301]',
  'Weighted_Travel_Infectious_Country.mat': 'MLE[21x95] MLEP[21x95] w[21x1] w2[21x1]',
  'Weighted_Travel_Infectious_Country_Routes.mat': 'MLE[21x95] MLEP[21x95] w[21x1] w2[21x1]',
};

describe('readMat5 on every real file of wellsrc', () => {
  const files = readdirSync(dataPath('wellsrc')).filter((f) => f.endsWith('.mat')).sort();

  it('lists the same variables and dimensions as SciPy', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    for (const f of files) {
      const mat = readMat5(readFileSync(dataPath('wellsrc', f)), f);
      expect(mat.header).toMatch(/^MATLAB 5\.0 MAT-file/);
      expect(mat.variables.map((v) => `${v.name}[${v.dims.join('x')}]`).join(' '), f).toBe(EXPECTED[f]);
    }
  });

  it('reads values, cell strings and struct fields as SciPy does', () => {
    const ts = readMat5(readFileSync(dataPath('wellsrc', 'Time_Screening.mat')), 'Time_Screening.mat').variables;
    expect(ts.find((v) => v.name === 'FlightAll')!.cells![0].text).toBe('Afghanistan');
    expect(ts.find((v) => v.name === 'options')!.fields).toHaveLength(55);
    expect(ts.find((v) => v.name === 'NS1')!.real![0]).toBe(10000);
    expect(ts.find((v) => v.name === 'tf')).toMatchObject({ logical: true, class: 'uint8' });
    const wf = readMat5(readFileSync(dataPath('wellsrc', 'Weight_Flights.mat')), 'Weight_Flights.mat').variables;
    expect(wf.find((v) => v.name === 'FC')!.cells![0].text).toBe('Australia');
    expect(wf.find((v) => v.name === 'FC')!.cells![21].real![0]).toBe(32);
  });

  it('refuses a real file cut short', () => {
    const bytes = readFileSync(dataPath('wellsrc', 'ReportedIncidenceWuhan-Dec62019=t0.mat'));
    expect(() => readMat5(bytes.subarray(0, 300), 'RWuhan-cut.mat')).toThrow(/RWuhan-cut\.mat, column "byte 128": truncated MAT-file: element at byte 128 needs \d+ bytes, 164 left/);
  });
});
