import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import type { ParsedImages } from '../../domain/imaging.js';
import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { independentCsvObjects } from '../imaging-kit/independent-reader.js';
import { pocus } from './index.js';
import { manifest } from './manifest.js';
import { SYMPTOMS, parsePocus } from './parse.js';

const metaFile: SourceInputFile = { fileId: 'metadata', name: 'dataset_metadata.csv', text: readFileSync(dataPath('imaging/covid19_pocus_ultrasound/dataset_metadata.csv'), 'utf8') };
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

describe('pocus on the real dataset_metadata.csv (counts re-derived by an independent CSV reader)', () => {
  const parsed = parsePocus([metaFile]);
  const raw = independentCsvObjects(metaFile.text);
  // Every listing is a record (a name listed twice gives two).
  const kept = raw.rows;
  const names = new Set(raw.rows.map((r) => r.get('Filename')));
  const byLine = new Map(parsed.images.map((i) => [i.line, i]));
  const recordOf = (r: (typeof raw.rows)[number]) => byLine.get(r.line)!;

  it('one record per listing, on the physical line its row starts (quoted cells span lines)', () => {
    expect(raw.rows.every((r) => r.width === raw.header.length)).toBe(true);
    expect(parsed.images.length).toBe(raw.rows.length);
    for (const r of kept) expect(recordOf(r).imageId).toBe(r.get('Filename'));
    // The file has cells with line breaks, so lines and row numbers differ.
    expect(kept.some((r, i) => r.line !== i + 2)).toBe(true);
  });

  it('the file name listed twice: both listings kept, duplicate_image with both lines and both patients', () => {
    const dups = issuesOf(parsed, 'duplicate_image');
    expect(dups.length).toBe(raw.rows.length - names.size);
    for (const d of dups) {
      const name = /^"([^"]+)"/.exec(d.message)![1];
      const listings = raw.rows.filter((r) => r.get('Filename') === name);
      expect(d.message).toContain(`line ${listings[0].line} and again on line ${listings[1].line}`);
      expect(d.message).toContain(`two patients ("${listings[0].get('Patient ID / Name')}" and "${listings[1].get('Patient ID / Name')}")`);
    }
  });

  it('every name lacks an extension: kept as published, counted once', () => {
    const noExt = kept.filter((r) => !/\.(mp4|gif|avi|png|jpe?g|mov)$/i.test(r.get('Filename')));
    expect(countOf(parsed, 'name_without_extension', 'Filename')).toBe(noExt.length);
    expect(issuesOf(parsed, 'name_without_extension').length).toBe(1);
  });

  it('labels → hierarchy per raw label; "regular" a case variant of "Regular"', () => {
    const expected: Record<string, string> = { 'COVID-19': 'Pneumonia/Viral/COVID-19', 'Bacterial pneumonia': 'Pneumonia/Bacterial', 'Viral pneumonia': 'Pneumonia/Viral', Regular: 'No Finding', regular: 'No Finding' };
    for (const r of kept) expect(recordOf(r).finding).toBe(expected[r.get('Label')]);
    expect(countOf(parsed, 'case_variant', 'Label')).toBe(kept.filter((r) => r.get('Label') === 'regular').length);
    for (const [label, leaf] of Object.entries(expected)) {
      if (label === 'regular') continue;
      const rawCount = kept.filter((r) => r.get('Label').toLowerCase() === label.toLowerCase()).length;
      expect(parsed.images.filter((i) => i.finding === leaf).length).toBe(rawCount);
    }
  });

  it('symptoms 1/0 → booleans, n/A → null with one missing_marker per column', () => {
    for (const s of SYMPTOMS) {
      const markers = kept.filter((r) => ['n/A', ''].includes(r.get(s).trim())).length;
      expect(countOf(parsed, 'missing_marker', s)).toBe(markers);
      expect(issuesOf(parsed, 'missing_marker', s).length).toBe(1);
    }
    for (const r of kept) {
      const fever = r.get('Fever');
      expect(recordOf(r).clinical.fever).toBe(fever === '1' ? true : fever === '0' ? false : null);
    }
  });

  it('"Date added" is when the video was added: clinical.date_added ISO (dd.mm.yy counted as partial_date), never the study date', () => {
    const dotted = kept.filter((r) => /^\d{2}\.\d{2}\.\d{2}$/.test(r.get('Date added')));
    expect(countOf(parsed, 'partial_date', 'Date added')).toBe(dotted.length);
    for (const r of dotted) {
      const [d, m, y] = r.get('Date added').split('.');
      expect(recordOf(r).clinical.date_added).toBe(`20${y}-${m}-${d}`);
    }
    const other = kept.filter((r) => !dotted.includes(r));
    expect(countOf(parsed, 'unparseable_cell', 'Date added')).toBe(other.length);
    for (const r of other) expect(recordOf(r).clinical.date_added).toBe(r.get('Date added'));
    expect(parsed.images.every((i) => i.studyDate === null && i.studyDatePrecision === 'unknown')).toBe(true);
  });

  it('sex m/w → M/F; patients; licences and commercial use; modality and probe', () => {
    for (const r of kept) {
      const im = recordOf(r);
      const g = r.get('Gender');
      expect(im.sex).toBe(g === 'm' ? 'M' : g === 'w' ? 'F' : null);
      const p = r.get('Patient ID / Name').trim();
      expect(im.patient).toBe(p === '' ? null : p);
      const l = r.get('License');
      expect(im.license).toBe(l === 'None' ? null : l);
      if (l.includes('NC')) expect(im.commercialUse).toBe(false);
      else if (/^CC BY \d/.test(l)) expect(im.commercialUse).toBe(true);
      else expect(im.commercialUse).toBeNull();
      expect(im.clinical.probe).toBe(r.get('Probe'));
      expect(im.clinical.type).toBe(r.get('Type').toLowerCase());
    }
    expect(parsed.images.every((i) => i.modality === 'ultrasound' && i.view === null)).toBe(true);
    expect(countOf(parsed, 'case_variant', 'Type')).toBe(kept.filter((r) => r.get('Type') === 'Image').length);
  });

  it('Age "0" is a placeholder (adult ICU patients of one paper): null, counted with the markers', () => {
    const zeros = kept.filter((r) => r.get('Age') === '0');
    expect(zeros.length).toBeGreaterThan(0);
    expect(new Set(zeros.map((r) => r.get('Title'))).size).toBe(1);
    for (const r of zeros) expect(recordOf(r).age).toBeNull();
    const markers = kept.filter((r) => ['', 'n/A', '0'].includes(r.get('Age'))).length;
    expect(countOf(parsed, 'missing_marker', 'Age')).toBe(markers);
  });

  it('hand-checked: line 3, Cov-Butterfly-Skip Lesion', () => {
    expect(parsed.images.find((i) => i.imageId === 'Cov-Butterfly-Skip Lesion')).toMatchObject({
      patient: '15',
      finding: 'Pneumonia/Viral/COVID-19',
      sex: null,
      license: null,
      sourceUrl: 'https://www.butterflynetwork.com/covid19/covid-19-ultrasound-gallery',
      line: 3,
      clinical: { date_added: '2020-04-20', type: 'video', probe: 'convex', framerate: 30, b_lines: true, fever: null },
    });
    expect(pocus.manifest.id).toBe('pocus');
    expect(manifest.imageFolders).toEqual([]);
  });
});

describe('pocus broken fixtures', () => {
  const small = parsePocus([fixture('small.csv')]);
  it('small.csv: 3 records; the third row\'s quoted comment spans lines', () => {
    expect(small.images.map((i) => i.line)).toEqual([2, 3, 4]);
    expect(small.images[2].clinical.comments_first_medical_doctor_md1).toMatch(/^\nWith the breathing movement/);
  });
  it('a BOM is ignored', () => {
    expect(parsePocus([fixture('bom.csv')]).images).toEqual(small.images.map((i) => ({ ...i, file: 'bom.csv' })));
  });
  it('changed header / missing column → line 1, the column named', () => {
    const e1 = formatError(() => parsePocus([fixture('changed-header.csv')]));
    expect([e1.file, e1.line, e1.column]).toEqual(['changed-header.csv', 1, 'Filename']);
    const e2 = formatError(() => parsePocus([fixture('missing-column.csv')]));
    expect([e2.line, e2.column]).toEqual([1, 'Label']);
  });
  it('truncated → the last row\'s line', () => {
    const e = formatError(() => parsePocus([fixture('truncated.csv')]));
    expect([e.file, e.line]).toEqual(['truncated.csv', 4]);
  });
  it('a stray caption row → stray_row, not stored', () => {
    const p = parsePocus([fixture('stray-row.csv')]);
    expect(p.images.map((i) => i.line)).toEqual([2, 4, 5]);
    expect(issuesOf(p, 'stray_row')[0]).toMatchObject({ line: 3 });
  });
  it('a file name listed twice → both listings kept, duplicate_image', () => {
    const p = parsePocus([fixture('duplicate.csv')]);
    expect(p.images.length).toBe(4);
    const last = small.images.length + 2 + 1; // header + 3 records, the third spanning 2 lines
    expect(issuesOf(p, 'duplicate_image')[0].message).toContain(`line 2 and again on line ${last}`);
  });
  it('markers, case variants, an unparseable symptom and date, licences, DOI forms', () => {
    const p = parsePocus([fixture('markers.csv')]);
    const [a, b] = p.images;
    expect(a).toMatchObject({ finding: 'No Finding', sex: 'F', age: null, patient: '12', license: 'CC BY-NC 4.0', commercialUse: false });
    expect(a.clinical).toMatchObject({ type: 'image', date_added: '0', fever: '2', cough: true });
    expect(countOf(p, 'unparseable_cell', 'Fever')).toBe(1);
    expect(countOf(p, 'unparseable_cell', 'Date added')).toBe(1);
    expect(countOf(p, 'case_variant', 'Label')).toBe(1);
    expect(countOf(p, 'case_variant', 'Type')).toBe(1);
    expect(countOf(p, 'stray_whitespace', 'Patient ID / Name')).toBe(1);
    expect(b).toMatchObject({ finding: 'Pneumonia/Viral', sex: 'M', age: null, license: 'CC BY 4.0', commercialUse: true, doi: '10.1002/jum.15367' });
    expect(b.clinical.in_this_repo).toBe('Np');
    expect(b.clinical.title).toBe('Lung ultrasound in a \uFFFDpregnant\uFFFD patient');
    expect(issuesOf(p, 'encoding_damage', 'Title')[0]).toMatchObject({ line: 3, count: 1 });
    expect(issuesOf(p, 'missing_marker', 'Age')[0].message).toContain('"0" (placeholder');
  });
});
