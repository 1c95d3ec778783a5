import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import type { ParsedImages } from '../../domain/imaging.js';
import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { independentXlsx } from '../imaging-kit/independent-reader.js';
import { covidCt } from './index.js';
import { manifest } from './manifest.js';
import { SPLIT_FILES, parseCovidCt } from './parse.js';

const DIR = 'imaging/covid-ct';
const xlsxBytes = readFileSync(dataPath(DIR, 'COVID-CT-MetaInfo.xlsx'));
const metaFile: SourceInputFile = { fileId: 'metainfo', name: 'COVID-CT-MetaInfo.xlsx', text: xlsxBytes.toString('utf8'), bytes: xlsxBytes };
const listPath = (id: string) => `Data-split/${SPLIT_FILES[id].list}/${SPLIT_FILES[id].split}CT_${SPLIT_FILES[id].list}.txt`;
const listFiles: SourceInputFile[] = Object.keys(SPLIT_FILES).map((id) => ({ fileId: id, name: listPath(id), text: readFileSync(dataPath(DIR, listPath(id)), 'utf8') }));
const fixtureXlsx = (name: string): SourceInputFile => {
  const bytes = readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
  return { fileId: 'metainfo', name, text: bytes.toString('utf8'), bytes };
};
const fixtureList = (fileId: string, name: string): SourceInputFile => ({ fileId, name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const issuesOf = (p: ParsedImages, code: string, column?: string) => p.issues.filter((i) => i.code === code && (column === undefined || i.column === column));
const countOf = (p: ParsedImages, code: string, column?: string) => issuesOf(p, code, column).reduce((s, i) => s + (i.count ?? 1), 0);
async function formatError(f: () => Promise<unknown>): Promise<SourceFormatError> {
  try {
    await f();
  } catch (err) {
    if (err instanceof SourceFormatError) return err;
    throw err;
  }
  throw new Error('no SourceFormatError');
}

/** The list files read plainly: non-blank lines, trimmed. */
const listNames = (f: SourceInputFile) =>
  f.text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

describe('covid-ct on the real files (counts re-derived by an independent XLSX reader and the plain list files)', async () => {
  const parsed = await parseCovidCt([metaFile, ...listFiles]);
  const sheet = independentXlsx(xlsxBytes);
  const header = sheet.get(1)!;
  const letter = (name: string) => [...header].find(([, v]) => v === name)![0];
  const A = letter('File name');
  const B = letter('Patient ID');
  const dataRows = [...sheet].filter(([r]) => r > 1);
  const named = dataRows.filter(([, cells]) => (cells.get(A) ?? '').trim() !== '');
  const strays = dataRows.filter(([, cells]) => (cells.get(A) ?? '').trim() === '');
  const metaImages = parsed.images.filter((i) => i.file === 'COVID-CT-MetaInfo.xlsx');
  const byId = new Map(parsed.images.map((i) => [i.imageId, i]));

  it('one COVID-19 record per named sheet row, on its sheet row; the caption fragment row is a stray_row', () => {
    expect(metaImages.length).toBe(new Set(named.map(([, c]) => c.get(A)!.trim())).size);
    for (const [row, cells] of named) expect(byId.get(cells.get(A)!.trim())!.line).toBe(row);
    expect(issuesOf(parsed, 'stray_row').map((i) => i.line)).toEqual(strays.map(([r]) => r));
    expect(strays.length).toBeGreaterThan(0);
    expect(metaImages.every((i) => i.finding === 'Pneumonia/Viral/COVID-19' && i.modality === 'ct')).toBe(true);
  });

  it('patients: the distinct trimmed Patient IDs; "Patient 180 " trimmed and reported', () => {
    expect(new Set(metaImages.map((i) => i.patient))).toEqual(new Set(named.map(([, c]) => c.get(B)!.trim())));
    const spaced = named.filter(([, c]) => c.get(B) !== c.get(B)!.trim());
    expect(countOf(parsed, 'stray_whitespace', 'Patient ID')).toBe(spaced.length);
    expect(spaced.map(([, c]) => c.get(B))).toContain('Patient 180 ');
  });

  it('file names without an extension: kept as published, counted', () => {
    const noExt = named.filter(([, c]) => !/\.(png|jpe?g)$/i.test(c.get(A)!));
    expect(countOf(parsed, 'name_without_extension', 'File name')).toBe(noExt.length);
    for (const [, c] of noExt) expect(byId.has(c.get(A)!)).toBe(true);
  });

  it('ages: numbers as numbers; "Young Child", "40+" → null with the text kept', () => {
    const G = letter('Age');
    const texts = named.filter(([, c]) => c.has(G) && !/^\d+(\.\d+)?$/.test(c.get(G)!));
    expect(countOf(parsed, 'unparseable_cell', 'Age')).toBe(texts.length);
    for (const [, c] of named) {
      const im = byId.get(c.get(A)!.trim())!;
      const v = c.get(G);
      if (v === undefined) expect(im.age).toBeNull();
      else if (/^\d+$/.test(v)) expect(im.age).toBe(Number(v));
      else expect([im.age, im.clinical.age]).toEqual([null, v]);
    }
  });

  it('published split sizes from the list files: 191/60/98 COVID, 234/58/105 NonCOVID', () => {
    const sizes = Object.fromEntries(listFiles.map((f) => [`${SPLIT_FILES[f.fileId].list}/${SPLIT_FILES[f.fileId].split}`, listNames(f).length]));
    expect(sizes).toEqual({ 'COVID/train': 191, 'COVID/val': 60, 'COVID/test': 98, 'NonCOVID/train': 234, 'NonCOVID/val': 58, 'NonCOVID/test': 105 });
    const rows = parsed.publishedSplit!;
    for (const [key, n] of Object.entries(sizes)) {
      const [list, split] = key.split('/');
      expect(rows.filter((r) => r.list === list && r.split === split).length).toBe(n);
    }
  });

  it('every split row names an image record; COVID list names with ".png" reach MetaInfo names without it', () => {
    for (const r of parsed.publishedSplit!) expect(byId.has(r.imageId)).toBe(true);
    const covidNames = listFiles.filter((f) => SPLIT_FILES[f.fileId].list === 'COVID').flatMap(listNames);
    const viaStem = covidNames.filter((n) => !byId.has(n));
    expect(viaStem.every((n) => byId.has(n.replace(/\.png$/, '')))).toBe(true);
    expect(issuesOf(parsed, 'name_without_extension').filter((i) => i.file!.startsWith('Data-split/COVID')).reduce((s, i) => s + i.count!, 0)).toBe(viaStem.length);
    expect(countOf(parsed, 'row_skipped')).toBe(0);
  });

  it('NonCOVID images: one record per list name, finding Non-COVID, patient unknown', () => {
    const nonCovid = listFiles.filter((f) => SPLIT_FILES[f.fileId].list === 'NonCOVID').flatMap(listNames);
    const records = parsed.images.filter((i) => i.finding === 'Non-COVID');
    expect(records.length).toBe(new Set(nonCovid).size);
    expect(records.every((i) => i.patient === null && i.findingRaw === 'NonCOVID')).toBe(true);
    expect(parsed.images.length).toBe(metaImages.length + new Set(nonCovid).size);
  });

  it('DOIs: stray spaces trimmed, spaces inside a DOI removed (repaired)', () => {
    const D = letter('DOI');
    const inner = named.filter(([, c]) => /\S\s+\S/.test(c.get(D) ?? ''));
    expect(countOf(parsed, 'repaired', 'DOI')).toBe(inner.length);
    for (const [, c] of inner) expect(byId.get(c.get(A)!.trim())!.doi).toBe(c.get(D)!.replace(/\s+/g, ''));
  });

  it('hand-checked: sheet row 2 (Patient 1); licence: none granted, commercial use unknown', () => {
    expect(metaImages[0]).toMatchObject({ imageId: '2020.01.24.919183-p27-132.png', patient: 'Patient 1', age: 41, sex: 'M', line: 2, studyDatePrecision: 'unknown', commercialUse: null });
    expect(metaImages[0].clinical.time).toBe('day 6 after the onset of illness');
    expect(covidCt.manifest.id).toBe('covid-ct');
    expect(manifest.imageFolders).toEqual([]);
  });

  it('the split lists are optional: MetaInfo alone gives the COVID records and no split', async () => {
    const p = await parseCovidCt([metaFile]);
    expect(p.images.length).toBe(metaImages.length);
    expect(p.publishedSplit).toEqual([]);
    await expect(parseCovidCt(listFiles)).rejects.toThrow(SourceFormatError);
  });
});

describe('covid-ct broken fixtures', async () => {
  const small = await parseCovidCt([fixtureXlsx('small.xlsx')]);

  it('small.xlsx: 4 records, the caption fragment a stray_row, stray spaces and markers', () => {
    expect(small.images.map((i) => [i.line, i.patient])).toEqual([
      [2, 'Patient 1'],
      [3, 'Patient 2'],
      [4, 'Patient 112'],
      [5, 'Patient 180'],
    ]);
    expect(issuesOf(small, 'stray_row')[0].line).toBe(6);
    expect(countOf(small, 'stray_whitespace', 'Patient ID')).toBe(1);
    expect(countOf(small, 'stray_whitespace', 'Gender')).toBe(1);
    expect(small.images[3]).toMatchObject({ sex: 'F', doi: '10.1016/S0140-6736(20)30154-9', imageId: 'kjr-21-e24-p2-8' });
    expect(small.images[2]).toMatchObject({ age: null, clinical: { age: 'Young Child', time: 7 } });
    expect(countOf(small, 'name_without_extension')).toBe(1);
  });

  it('changed header / missing column → line 1, the column named', async () => {
    const e1 = await formatError(() => parseCovidCt([fixtureXlsx('changed-header.xlsx')]));
    expect([e1.file, e1.line, e1.column]).toEqual(['changed-header.xlsx', 1, 'File name']);
    const e2 = await formatError(() => parseCovidCt([fixtureXlsx('missing-column.xlsx')]));
    expect([e2.line, e2.column]).toEqual([1, 'Patient ID']);
  });

  it('a truncated workbook → a SourceFormatError naming the file', async () => {
    const e = await formatError(() => parseCovidCt([fixtureXlsx('truncated.xlsx')]));
    expect(e.file).toBe('truncated.xlsx');
  });

  it('a file name listed twice → both listings kept, duplicate_image with both rows and patients', async () => {
    const p = await parseCovidCt([fixtureXlsx('duplicate.xlsx')]);
    expect(p.images.length).toBe(5);
    expect(p.images.filter((i) => i.line === 3 || i.line === 6).map((i) => i.patient)).toEqual(['Patient 2', 'Patient 999']);
    expect(issuesOf(p, 'duplicate_image')[0].message).toMatch(/line 3 and again on line 6 under two patients \("Patient 2" and "Patient 999"\)/);
  });

  it('split lists: stem matching, unknown names, blank lines, stray spaces, BOM + CRLF, a name in two lists', async () => {
    const p = await parseCovidCt([
      fixtureXlsx('small.xlsx'),
      fixtureList('split-covid-train', 'trainCT_COVID.txt'),
      fixtureList('split-covid-val', 'valCT_COVID.txt'),
      fixtureList('split-noncovid-train', 'trainCT_NonCOVID.txt'),
      fixtureList('split-noncovid-test', 'testCT_NonCOVID.txt'),
    ]);
    expect(p.publishedSplit).toEqual([
      { imageId: '2020.01.24.919183-p27-132.png', split: 'train', list: 'COVID' },
      { imageId: 'kjr-21-e24-p2-8', split: 'train', list: 'COVID' },
      { imageId: '2020.02.10.20021584-p6-52%0.png', split: 'val', list: 'COVID' },
      { imageId: 'unknown-figure.png', split: 'val', list: 'COVID' },
      { imageId: '14.png', split: 'train', list: 'NonCOVID' },
      { imageId: '15.png', split: 'train', list: 'NonCOVID' },
      { imageId: '33.png', split: 'train', list: 'NonCOVID' },
      // Listed again in the test list: one image, two split rows (the published-split audit reports it).
      { imageId: '14.png', split: 'test', list: 'NonCOVID' },
      { imageId: '112.png', split: 'test', list: 'NonCOVID' },
    ]);
    expect(issuesOf(p, 'row_skipped')[0]).toMatchObject({ file: 'valCT_COVID.txt', line: 2 });
    expect(issuesOf(p, 'stray_row').find((i) => i.file === 'trainCT_NonCOVID.txt')!.line).toBe(3);
    expect(issuesOf(p, 'stray_whitespace').find((i) => i.file === 'trainCT_NonCOVID.txt')!.line).toBe(4);
    expect(issuesOf(p, 'duplicate_image')[0].message).toContain('"14.png" is listed at trainCT_NonCOVID.txt, line 1 and again on line 1');
    expect(p.images.filter((i) => i.finding === 'Non-COVID').map((i) => [i.imageId, i.file, i.line])).toEqual([
      ['14.png', 'trainCT_NonCOVID.txt', 1],
      ['15.png', 'trainCT_NonCOVID.txt', 2],
      ['33.png', 'trainCT_NonCOVID.txt', 4],
      ['112.png', 'testCT_NonCOVID.txt', 2],
    ]);
  });
});
