import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import type { ParsedImages } from '../../domain/imaging.js';
import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { independentCsvObjects } from '../imaging-kit/independent-reader.js';
import { actualmed } from './index.js';
import { manifest } from './manifest.js';
import { DATASET_LICENSE, parseActualmed } from './parse.js';

const metaFile: SourceInputFile = { fileId: 'metadata', name: 'metadata.csv', text: readFileSync(dataPath('imaging/actualmed-covid-chestxray/metadata.csv'), 'utf8') };
const fixture = (name: string): SourceInputFile => ({ fileId: 'metadata', name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const issuesOf = (p: ParsedImages, code: string, column?: string) => p.issues.filter((i) => i.code === code && (column === undefined || i.column === column));
const countOf = (p: ParsedImages, code: string, column?: string) => issuesOf(p, code, column).reduce((s, i) => s + (i.count ?? 1), 0);
function formatError(f: () => unknown): SourceFormatError {
  try {
    f();
  } catch (err) {
    if (err instanceof SourceFormatError) return err;
    throw err;
  }
  throw new Error('no SourceFormatError');
}

describe('actualmed on the real metadata.csv (counts re-derived by an independent CSV reader)', () => {
  const parsed = parseActualmed([metaFile]);
  const raw = independentCsvObjects(metaFile.text);
  const names = new Set(raw.rows.map((r) => r.get('imagename')));
  const byId = new Map(parsed.images.map((i) => [i.imageId, i]));

  it('one record per distinct image name, on its line', () => {
    expect(parsed.images.length).toBe(names.size);
    expect(countOf(parsed, 'duplicate_image')).toBe(raw.rows.length - names.size);
    for (const r of raw.rows) expect(byId.get(r.get('imagename'))!.line).toBe(r.line);
  });

  it('findings: COVID-19, "No finding" (case variant of No Finding), blank + notes "Inconclusive" → Inconclusive', () => {
    const count = (pred: (r: (typeof raw.rows)[number]) => boolean) => raw.rows.filter(pred).length;
    const covid = count((r) => r.get('finding') === 'COVID-19');
    const noFinding = count((r) => r.get('finding') === 'No finding');
    const inconclusive = count((r) => r.get('finding') === '' && r.get('notes').startsWith('Inconclusive'));
    const blankOther = count((r) => r.get('finding') === '' && !r.get('notes').startsWith('Inconclusive'));
    const per = (f: string | null) => parsed.images.filter((i) => i.finding === f).length;
    expect([per('Pneumonia/Viral/COVID-19'), per('No Finding'), per('Inconclusive'), per(null)]).toEqual([covid, noFinding, inconclusive, blankOther]);
    expect(covid + noFinding + inconclusive + blankOther).toBe(raw.rows.length);
    expect(countOf(parsed, 'case_variant', 'finding')).toBe(noFinding);
    expect(countOf(parsed, 'repaired', 'finding')).toBe(inconclusive);
    // The notes agree with the labels: "Negative" only on No finding rows, no status on COVID-19 rows.
    for (const im of parsed.images) {
      if (im.finding === 'No Finding') expect(im.clinical.status).toMatch(/^Negative/);
      if (im.finding === 'Pneumonia/Viral/COVID-19') expect(im.clinical.status).toBeNull();
    }
  });

  it('patients, views and the date taken from the notes', () => {
    expect(new Set(parsed.images.map((i) => i.patient))).toEqual(new Set(raw.rows.map((r) => r.get('patientid'))));
    for (const r of raw.rows) {
      const im = byId.get(r.get('imagename'))!;
      const d = /(\d{4})(\d{2})(\d{2})$/.exec(r.get('notes'))!;
      expect([im.studyDate, im.studyDatePrecision]).toEqual([`${d[1]}-${d[2]}-${d[3]}`, 'day']);
      expect(im.view).toBe(r.get('view'));
      expect(im.modality).toBe('x-ray');
    }
  });

  it('columns blank in every row: one missing_marker issue each, counting every row', () => {
    for (const column of ['sex', 'age', 'survival', 'temperature', 'pO2 saturation']) {
      const blank = raw.rows.filter((r) => r.get(column) === '').length;
      expect(countOf(parsed, 'missing_marker', column)).toBe(blank);
    }
  });

  it('licence: the dataset\'s research-only terms, no commercial use', () => {
    expect(new Set(parsed.images.map((i) => i.license))).toEqual(new Set([DATASET_LICENSE]));
    expect(DATASET_LICENSE).toMatch(/^Research use only/);
    expect(manifest.license.name).toMatch(/^Research use only/);
    expect(parsed.images.every((i) => i.commercialUse === false)).toBe(true);
  });

  it('hand-checked: line 2 (ANON196, Inconclusive, 2020-03-13)', () => {
    expect(parsed.images[0]).toMatchObject({ patient: 'ANON196', finding: 'Inconclusive', findingRaw: null, studyDate: '2020-03-13', view: 'PA', line: 2 });
    expect(actualmed.manifest.id).toBe('actualmed');
  });
});

describe('actualmed broken fixtures', () => {
  const small = parseActualmed([fixture('small.csv')]);
  it('small.csv: lines 2, 4 and 6 of the real file', () => {
    expect(small.images.map((i) => [i.line, i.finding])).toEqual([
      [2, 'Inconclusive'],
      [3, 'No Finding'],
      [4, 'Pneumonia/Viral/COVID-19'],
    ]);
  });
  it('a BOM is ignored', () => {
    expect(parseActualmed([fixture('bom.csv')]).images).toEqual(small.images.map((i) => ({ ...i, file: 'bom.csv' })));
  });
  it('changed header / missing column → line 1, the column named', () => {
    const e1 = formatError(() => parseActualmed([fixture('changed-header.csv')]));
    expect([e1.file, e1.line, e1.column]).toEqual(['changed-header.csv', 1, 'imagename']);
    const e2 = formatError(() => parseActualmed([fixture('missing-column.csv')]));
    expect([e2.line, e2.column]).toEqual([1, 'notes']);
  });
  it('truncated → the last line', () => {
    const e = formatError(() => parseActualmed([fixture('truncated.csv')]));
    expect([e.file, e.line]).toEqual(['truncated.csv', 4]);
  });
  it('a caption fragment row → stray_row, not stored', () => {
    const p = parseActualmed([fixture('stray-row.csv')]);
    expect(p.images.length).toBe(3);
    expect(issuesOf(p, 'stray_row')[0].line).toBe(3);
  });
  it('a file name listed twice → both listings kept, duplicate_image', () => {
    const p = parseActualmed([fixture('duplicate.csv')]);
    expect(p.images.length).toBe(4);
    expect(p.images.filter((i) => i.line === 3 || i.line === 5).map((i) => i.patient)).toEqual(['ANON56', 'ANON999']);
    expect(issuesOf(p, 'duplicate_image')[0].message).toMatch(/line 3 and again on line 5 under two patients \("ANON56" and "ANON999"\)/);
  });
  it('markers, an unparseable number, a stray space, notes without a date', () => {
    const p = parseActualmed([fixture('markers.csv')]);
    const [a, b] = p.images;
    expect([a.clinical.temperature, a.sex, a.clinical.survival]).toEqual([null, null, null]);
    expect(a.clinical.pO2_saturation).toBe('97 %');
    expect(countOf(p, 'unparseable_cell', 'pO2 saturation')).toBe(1);
    expect(issuesOf(p, 'missing_marker', 'sex')[0].message).toContain('"None" ×1');
    expect(b.finding).toBe('No Finding');
    expect(countOf(p, 'stray_whitespace', 'finding')).toBe(1);
    expect([b.studyDate, b.studyDatePrecision]).toEqual([null, 'unknown']);
    expect(countOf(p, 'unparseable_cell', 'notes')).toBe(1);
  });
});
