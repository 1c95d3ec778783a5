import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../lib/csv.js';
import { SourceFormatError } from '../../domain/validation.js';
import {
  FINDING_LEAVES,
  FLAT_FINDINGS,
  ImageNames,
  IssueLog,
  RowCells,
  ageYears,
  commercialUseOf,
  hasFileExtension,
  imagingSheet,
  missingMarker,
  normalizeDoi,
  normalizeFinding,
  normalizeModality,
  normalizeView,
  parseLooseDate,
  readImagingCsv,
  snakeKey,
  tidySpaces,
} from './index.js';
import { independentCsv, independentXlsx } from './independent-reader.js';

describe('finding hierarchy', () => {
  it('every flat label maps to a leaf of the hierarchy, most general first', () => {
    for (const leaf of Object.values(FLAT_FINDINGS)) expect(FINDING_LEAVES).toContain(leaf);
    for (const leaf of FINDING_LEAVES) {
      const parts = leaf.split('/');
      for (let i = 1; i < parts.length; i++) expect(FINDING_LEAVES).toContain(parts.slice(0, i).join('/'));
    }
  });
  it('flat labels, hierarchical pass-through, comma lists, case variants, unknown labels', () => {
    expect(normalizeFinding('COVID-19')).toEqual({ finding: 'Pneumonia/Viral/COVID-19', alsoFindings: [], caseVariants: [], unknown: [] });
    expect(normalizeFinding('COVID-19, ARDS')).toMatchObject({ finding: 'Pneumonia/Viral/COVID-19', alsoFindings: ['ARDS'] });
    expect(normalizeFinding('Pneumonia/Viral/COVID-19').finding).toBe('Pneumonia/Viral/COVID-19');
    expect(normalizeFinding('Pneumonia/Bacterial/Staphylococcus/MRSA').finding).toBe('Pneumonia/Bacterial/Staphylococcus/MRSA');
    expect(normalizeFinding('Mycoplasma Bacterial Pneumonia').finding).toBe('Pneumonia/Bacterial/Mycoplasma');
    expect(normalizeFinding('Pneumocystis').finding).toBe('Pneumonia/Fungal/Pneumocystis');
    expect(normalizeFinding('Streptococcus').finding).toBe('Pneumonia/Bacterial/Streptococcus');
    expect(normalizeFinding('Lipoid').finding).toBe('Pneumonia/Lipoid');
    expect(normalizeFinding('Pneumonia').finding).toBe('Pneumonia');
    expect(normalizeFinding('No finding')).toMatchObject({ finding: 'No Finding', caseVariants: ['"No finding" → "No Finding"'] });
    expect(normalizeFinding('Alien lung')).toMatchObject({ finding: null, unknown: ['Alien lung'] });
    expect(normalizeFinding('Regular', { Regular: 'No Finding' }).finding).toBe('No Finding');
    expect(normalizeFinding('regular', { Regular: 'No Finding' }).caseVariants).toEqual(['"regular" → "Regular"']);
  });
});

describe('vocabularies', () => {
  it('missing markers (case-insensitive, trimmed), and what is not one', () => {
    for (const m of ['', '  ', '-', 'n/A', 'N/A', 'N.A.', 'None', 'nd']) expect(missingMarker(m)).not.toBeNull();
    for (const v of ['0', 'NA', 'no', 'N']) expect(missingMarker(v)).toBeNull();
    expect(missingMarker('')).toBe('blank');
    expect(missingMarker('n/A')).toBe('"n/A"');
  });
  it('whitespace, views, modalities, extensions, ages, DOIs, keys', () => {
    expect(tidySpaces('Patient 180 ')).toEqual({ value: 'Patient 180', changed: true });
    expect(tidySpaces('Cropping,  Artifact removal')).toEqual({ value: 'Cropping, Artifact removal', changed: true });
    expect(tidySpaces('PA')).toEqual({ value: 'PA', changed: false });
    expect(normalizeView('AP Supine')).toEqual({ view: 'AP Supine', caseVariant: false });
    expect(normalizeView('APS')?.view).toBe('AP Supine');
    expect(normalizeView('ap erect')).toEqual({ view: 'AP Erect', caseVariant: true });
    expect(normalizeView('AP semi erect')).toBeNull();
    expect(normalizeModality('X-ray')?.modality).toBe('x-ray');
    expect(normalizeModality('ct')).toEqual({ modality: 'ct', caseVariant: true });
    expect(normalizeModality('MRI')).toBeNull();
    expect(['a.jpg', 'b.JPG', 'c.nii.gz', 'd.png', 'e.mp4'].every(hasFileExtension)).toBe(true);
    expect(['kjr-21-e24-p2-8', '2020.03.25.20043166-p17-78', 'bmj.m606.full-p4-22%0', 'Cov-Butterfly-COVID Lung 2'].some(hasFileExtension)).toBe(false);
    expect([ageYears('65'), ageYears('0.5'), ageYears('Young Child'), ageYears('40+'), ageYears('200')]).toEqual([65, 0.5, null, null, null]);
    expect(normalizeDoi('10.1056/nejmc2001272')).toEqual({ doi: '10.1056/nejmc2001272', spaces: false });
    expect(normalizeDoi('https://doi.org/10.1002/jum.15367')?.doi).toBe('10.1002/jum.15367');
    expect(normalizeDoi('http://dx.doi.org/10.2139/ssrn.3544750')?.doi).toBe('10.2139/ssrn.3544750');
    expect(normalizeDoi('DOI: 10.1016/j.ejro.2020.100231')?.doi).toBe('10.1016/j.ejro.2020.100231');
    expect(normalizeDoi('DOI 10.1007/s00247-017-3910-1')?.doi).toBe('10.1007/s00247-017-3910-1');
    expect(normalizeDoi('10.1016/ S0140-6736(20)30154-9')).toEqual({ doi: '10.1016/S0140-6736(20)30154-9', spaces: true });
    expect(normalizeDoi('see paper')).toBeNull();
    expect([snakeKey('Loss of smell/taste'), snakeKey('LinkToLicense'), snakeKey('Comments first medical doctor (MD1)'), snakeKey('B-lines')]).toEqual(['loss_of_smell_taste', 'link_to_license', 'comments_first_medical_doctor_md1', 'b_lines']);
  });
});

describe('loose dates', () => {
  it.each([
    ['January 22, 2020', '2020-01-22', 'day', 'long'],
    ['Mar 4, 2020', '2020-03-04', 'day', 'long'],
    ['Sept 3, 2019', '2019-09-03', 'day', 'long'],
    ['12 March 2020', '2020-03-12', 'day', 'long'],
    ['2020-03-01', '2020-03-01', 'day', 'long'],
    ['20200313', '2020-03-13', 'day', 'long'],
    ['2/29/2020', '2020-02-29', 'day', 'us-slash'],
    ['03/16/20', '2020-03-16', 'day', 'us-slash'],
    ['20.04.20', '2020-04-20', 'day', 'dotted-short'],
    ['March 2003', '2003-03-01', 'month', 'month'],
    ['April 2020', '2020-04-01', 'month', 'month'],
    ['2020', '2020-01-01', 'year', 'year'],
    ['January 12', null, 'unknown', 'no-year'],
    ['2/29/2019', null, 'unknown', 'unreadable'],
    ['31.04.20', null, 'unknown', 'unreadable'],
    ['0', null, 'unknown', 'unreadable'],
    ['around March 2020', null, 'unknown', 'unreadable'],
    ['Marc 2020', null, 'unknown', 'unreadable'],
  ])('%s → %s (%s)', (text, iso, precision, form) => {
    expect(parseLooseDate(text)).toEqual({ iso, precision, form });
  });
});

describe('licence → commercial use', () => {
  it.each([
    ['CC BY-NC-SA', false],
    ['CC BY-NC-ND 4.0', false],
    ['CC BY-NC -SA 3.0', false],
    ['CC-BY-NC-ND', false],
    ['CC BY-NC 4.0', false],
    ['CC BY', true],
    ['CC BY 3.0', true],
    ['CC BY-SA', true],
    ['CC BY 2.0', true],
    ['Apache 2.0', true],
    ['CC0', true],
    ['Research use only (README)', false],
    ['listed as authorized for everyone', null],
    ['COVID-19 emergency license', null],
    ['', null],
    [null, null],
    ['All rights reserved?', null],
  ] as [string | null, boolean | null][])('%s → %s', (license, expected) => {
    expect(commercialUseOf(license).commercialUse).toBe(expected);
  });
});

describe('IssueLog and ImageNames', () => {
  it('one issue per code and column, with the count, the first lines and a breakdown', () => {
    const log = new IssueLog('f.csv');
    for (const line of [2, 3, 3, 7, 9, 11, 12]) log.tally('missing_marker', 'temperature', line, line % 2 ? '"n/A"' : 'blank');
    log.tally('missing_marker', 'age', 4, 'blank');
    const issues = log.issues();
    expect(issues.length).toBe(2);
    expect(issues[0]).toMatchObject({ code: 'missing_marker', severity: 'info', file: 'f.csv', column: 'temperature', line: 2, count: 7 });
    expect(issues[0].message).toContain('"n/A" ×5, blank ×2');
    expect(issues[0].message).toContain('first lines 2, 3, 7, 9, 11');
  });
  it('a name listed twice: every listing kept, each repeat reported with whether the listings agree', () => {
    const log = new IssueLog('f.csv');
    const names = new ImageNames(log, 'patientid');
    names.claim('a.png', 2, { patientid: '1', view: 'PA' });
    names.claim('a.png', 5, { patientid: '1', view: 'PA' });
    names.claim('a.png', 9, { patientid: '2', view: 'PA' });
    const [same, other] = log.issues();
    expect(same.message).toContain('the two listings agree in every column');
    expect(other.message).toContain('under two patients ("1" and "2")');
    expect([same.line, other.line]).toEqual([5, 9]);
    expect(same.message).toContain('both listings are kept');
  });
});

describe('tables', () => {
  const spec = { required: ['name', 'label'], fileColumn: 'name' };
  it('records with their lines, stray rows reported, unnamed columns named by position', () => {
    const log = new IssueLog('t.csv');
    const t = readImagingCsv('name,label,\na.png,"x\ny",\n,caption fragment\n\nb.png,z,\n', 't.csv', spec, log);
    expect(t.header).toEqual(['name', 'label', 'column_3']);
    expect(t.records.map((r) => r.line)).toEqual([2, 6]);
    expect(log.issues().map((i) => [i.code, i.line])).toEqual([
      ['stray_row', 4],
      ['stray_row', 5],
    ]);
  });
  it('refuses a missing column, a truncated last row, a too-wide row, a duplicate column', () => {
    const log = new IssueLog('t.csv');
    const err = (text: string) => {
      try {
        readImagingCsv(text, 't.csv', spec, log);
      } catch (e) {
        return e as SourceFormatError;
      }
      throw new Error('no error');
    };
    expect(err('name,labels\na.png,x\n')).toMatchObject({ line: 1, column: 'label' });
    expect(err('name,label,other\na.png,x,1\nb.png,y')).toMatchObject({ line: 3 });
    expect(err('name,label\na.png,x,extra\n')).toMatchObject({ line: 2 });
    expect(err('name,label,name\na.png,x,y\n')).toMatchObject({ line: 1, column: 'name' });
    expect(err('name,label\n')).toBeInstanceOf(SourceFormatError);
  });
  it('skipped comment lines keep the line numbers of the file', () => {
    const log = new IssueLog('s.csv');
    const t = readImagingCsv('## title,,\n## licence,,\nname,label\na.png,1\n', 's.csv', spec, log, 2);
    expect(t.records[0].line).toBe(4);
  });
  it('sheets: row i is sheet row i + 1; typed cells read through RowCells', () => {
    const log = new IssueLog('s.xlsx');
    const t = imagingSheet([['name', 'label', 'age'], ['a.png', 'F ', 41], [null, null, 'fragment']], 's.xlsx', { required: ['name'], fileColumn: 'name' }, log);
    expect(t.records.map((r) => r.line)).toEqual([2]);
    const c = new RowCells(t, t.records[0], log);
    expect([c.text('label'), c.age('age').age, c.number('age')]).toEqual(['F', 41, 41]);
    expect(log.issues().map((i) => i.code).sort()).toEqual(['stray_row', 'stray_whitespace']);
  });
});

describe('the independent reader agrees with papaparse on line numbers of quoted line breaks', () => {
  it('CSV', () => {
    const text = 'a,b\n1,"x\ny"\n2,"say ""hi"""\r\n3,z\n';
    const rows = independentCsv(text);
    const table = readCsvTable(text, 't.csv');
    expect(rows.map((r) => r.line)).toEqual(rows.map((_, i) => table.lineOf(i)));
    expect(rows[2].cells).toEqual(['2', 'say "hi"']);
  });
  it('XLSX reader rejects what is not a zip', () => {
    expect(() => independentXlsx(Buffer.from('not a zip'))).toThrow();
  });
});
