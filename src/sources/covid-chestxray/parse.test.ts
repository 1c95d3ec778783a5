import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import type { ImageRecord, ParsedImages } from '../../domain/imaging.js';
import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { independentCsv, independentCsvObjects } from '../imaging-kit/independent-reader.js';
import { covidChestxray } from './index.js';
import { manifest } from './manifest.js';
import { parseCovidChestxray } from './parse.js';

const DIR = 'imaging/covid-chestxray-dataset';
const real = (fileId: string, rel: string): SourceInputFile => ({ fileId, name: rel, text: readFileSync(dataPath(DIR, rel), 'utf8') });
const fixture = (name: string): SourceInputFile => ({ fileId: 'metadata', name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const metaFile = real('metadata', 'metadata.csv');
const severityFile = real('severity', 'annotations/covid-severity-scores.csv');
const boxesFile = real('lung-boxes', 'annotations/imageannotation_ai_lung_bounding_boxes.json');

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

describe('covid-chestxray on the real files (counts re-derived by an independent CSV reader)', () => {
  const parsed = parseCovidChestxray([metaFile, severityFile, boxesFile]);
  const raw = independentCsvObjects(metaFile.text);
  const withName = raw.rows.filter((r) => r.get('filename').trim() !== '');
  // Every listing is a record (a name listed twice gives two).
  const kept = withName;
  const names = new Set(withName.map((r) => r.get('filename').trim()));
  const byId = new Map(parsed.images.map((im) => [im.imageId, im]));
  const byLine = new Map(parsed.images.map((im) => [im.line, im]));
  const recordOf = (r: (typeof withName)[number]) => byLine.get(r.line)!;

  it('one record per listing; every row of the raw file has the header width', () => {
    expect(raw.rows.every((r) => r.width === raw.header.length)).toBe(true);
    expect(parsed.images.length).toBe(withName.length);
    expect(new Set(parsed.images.map((i) => i.imageId)).size).toBe(names.size);
    expect(withName.length).toBe(raw.rows.length); // no stray rows in this file
    expect(countOf(parsed, 'stray_row')).toBe(0);
  });

  it('each record carries the physical line of its listing', () => {
    for (const r of kept) expect(recordOf(r).imageId).toBe(r.get('filename').trim());
    expect(parsed.images.every((i) => i.file === 'metadata.csv')).toBe(true);
  });

  it('a file name listed twice: both listings kept, duplicate_image with both lines and both patients', () => {
    const dups = issuesOf(parsed, 'duplicate_image');
    expect(dups.length).toBe(withName.length - names.size);
    expect(dups.length).toBeGreaterThan(0);
    for (const d of dups) {
      const m = /^"([^"]+)" is listed on line (\d+) and again on line (\d+)/.exec(d.message)!;
      const listings = withName.filter((r) => r.get('filename').trim() === m[1]);
      expect(listings.map((r) => r.line)).toEqual([Number(m[2]), Number(m[3])]);
      expect(d.line).toBe(listings[1].line);
      expect(listings.map((r) => recordOf(r).patient)).toEqual(listings.map((r) => r.get('patientid').trim()));
      if (listings[0].get('patientid') !== listings[1].get('patientid')) {
        expect(d.message).toContain(`two patients ("${listings[0].get('patientid')}" and "${listings[1].get('patientid')}")`);
      }
    }
  });

  it('images per raw finding label, and the hierarchy the labels map to', () => {
    const perLabel = new Map<string, number>();
    for (const r of kept) perLabel.set(r.get('finding'), (perLabel.get(r.get('finding')) ?? 0) + 1);
    const parsedPerLabel = new Map<string, number>();
    for (const im of parsed.images) parsedPerLabel.set(im.findingRaw ?? '', (parsedPerLabel.get(im.findingRaw ?? '') ?? 0) + 1);
    expect(parsedPerLabel).toEqual(perLabel);
    const expected: Record<string, [string, string[]]> = {
      'COVID-19': ['Pneumonia/Viral/COVID-19', []],
      'COVID-19, ARDS': ['Pneumonia/Viral/COVID-19', ['ARDS']],
      SARS: ['Pneumonia/Viral/SARS', []],
      ARDS: ['ARDS', []],
      Pneumocystis: ['Pneumonia/Fungal/Pneumocystis', []],
      Streptococcus: ['Pneumonia/Bacterial/Streptococcus', []],
      'Mycoplasma Bacterial Pneumonia': ['Pneumonia/Bacterial/Mycoplasma', []],
      'E.Coli': ['Pneumonia/Bacterial/E.Coli', []],
      Lipoid: ['Pneumonia/Lipoid', []],
      Bacterial: ['Pneumonia/Bacterial', []],
      Pneumonia: ['Pneumonia', []],
      'No Finding': ['No Finding', []],
      Influenza: ['Pneumonia/Viral/Influenza', []],
      Varicella: ['Pneumonia/Viral/Varicella', []],
    };
    for (const im of parsed.images) {
      const e = expected[im.findingRaw!];
      if (e) expect([im.finding, im.alsoFindings]).toEqual(e);
      expect(im.finding).not.toBeNull(); // every label of this release is in the table
    }
    expect(countOf(parsed, 'unparseable_cell', 'finding')).toBe(0);
  });

  it('patients: the distinct trimmed patient ids of the kept rows', () => {
    expect(new Set(parsed.images.map((i) => i.patient))).toEqual(new Set(kept.map((r) => r.get('patientid').trim())));
  });

  it('U+FFFD in clinical_notes: kept as published, one encoding_damage issue counting the cells', () => {
    const damaged = kept.filter((r) => r.get('clinical_notes').includes('\uFFFD'));
    expect(damaged.length).toBeGreaterThan(0);
    const [issue] = issuesOf(parsed, 'encoding_damage', 'clinical_notes');
    expect(issue.count).toBe(damaged.length);
    expect(issue.line).toBe(damaged[0].line);
    for (const r of damaged) expect(recordOf(r).clinical.clinical_notes).toBe(r.get('clinical_notes'));
  });

  it('dates: precision and truncated ISO start, re-derived by pattern from the raw cells', () => {
    let partial = 0;
    for (const r of kept) {
      const d = r.get('date').trim();
      const im = recordOf(r);
      if (d === '') expect([im.studyDate, im.studyDatePrecision, im.studyDateRaw]).toEqual([null, 'unknown', null]);
      else if (/^\d{4}$/.test(d)) {
        expect([im.studyDate, im.studyDatePrecision]).toEqual([`${d}-01-01`, 'year']);
        partial++;
      } else if (/^[A-Z][a-z]+ \d{4}$/.test(d)) {
        expect(im.studyDatePrecision).toBe('month');
        expect(im.studyDate).toMatch(new RegExp(`^${d.slice(-4)}-\\d{2}-01$`));
        partial++;
      } else if (/^[A-Z][a-z]+ \d{1,2}$/.test(d)) {
        expect([im.studyDate, im.studyDatePrecision]).toEqual([null, 'unknown']);
        partial++;
      } else if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(d)) {
        const [m, day] = d.split('/').map(Number);
        expect(im.studyDatePrecision).toBe('day');
        expect(im.studyDate!.slice(5)).toBe(`${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
        partial++;
      } else expect(im.studyDatePrecision).toBe('day');
      if (d !== '') expect(im.studyDateRaw).toBe(d);
    }
    expect(countOf(parsed, 'partial_date', 'date')).toBe(partial);
    // Hand-checked: patient 2's first image, "January 22, 2020".
    expect(parsed.images[0].studyDate).toBe('2020-01-22');
  });

  it('missing markers: one issue per column counting its blank cells', () => {
    for (const column of ['temperature', 'survival', 'license', 'age']) {
      const blanks = kept.filter((r) => r.get(column).trim() === '').length;
      expect(countOf(parsed, 'missing_marker', column)).toBe(blanks);
      expect(issuesOf(parsed, 'missing_marker', column).length).toBe(1);
    }
  });

  it('stray spaces in keyed columns: trimmed and counted', () => {
    const spaced = kept.filter((r) => r.get('location') !== r.get('location').trim() && r.get('location').trim() !== '');
    expect(countOf(parsed, 'stray_whitespace', 'location')).toBe(spaced.length);
    for (const r of spaced) expect(recordOf(r).clinical.location).toBe(r.get('location').trim());
  });

  it('licence per image and commercial use', () => {
    for (const r of kept) {
      const l = r.get('license').trim();
      const im = recordOf(r);
      expect(im.license).toBe(l === '' ? null : l);
      if (l === '' || l === 'listed as authorized for everyone') expect(im.commercialUse).toBeNull();
      else if (/NC/.test(l)) expect(im.commercialUse).toBe(false);
      else if (/^(CC BY|CC BY-SA|Apache)/.test(l)) expect(im.commercialUse).toBe(true);
    }
  });

  it('Y/N → booleans, numbers → numbers in clinical', () => {
    for (const r of kept) {
      const c = recordOf(r).clinical;
      const yn = r.get('survival');
      expect(c.survival).toBe(yn === 'Y' ? true : yn === 'N' ? false : null);
      const t = r.get('temperature');
      expect(c.temperature).toBe(t === '' ? null : Number(t));
    }
  });

  it('hand-checked: patient 2, first image (line 2)', () => {
    const im = parsed.images[0];
    expect(im).toMatchObject({
      imageId: 'auntminnie-a-2020_01_28_23_51_6665_2020_01_28_Vietnam_coronavirus.jpeg',
      patient: '2',
      finding: 'Pneumonia/Viral/COVID-19',
      modality: 'x-ray',
      view: 'PA',
      sex: 'M',
      age: 65,
      offsetDays: 0,
      doi: '10.1056/nejmc2001272',
      license: null,
      commercialUse: null,
      line: 2,
    } satisfies Partial<ImageRecord>);
    expect(im.clinical).toMatchObject({ survival: true, intubated: false, needed_supplemental_O2: true, extubated: null });
  });

  it('severity scores: matched by file name, values as written', () => {
    const sevLines = severityFile.text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const scores = independentCsv(sevLines.join('\n')).slice(1);
    const matched = scores.filter((s) => byId.has(s.cells[0]));
    expect(parsed.images.filter((i) => i.severity !== null).length).toBe(matched.length);
    for (const s of matched) expect(byId.get(s.cells[0])!.severity).toEqual({ geographicExtent: Number(s.cells[1]), opacity: Number(s.cells[2]) });
    expect(countOf(parsed, 'row_skipped', 'filename')).toBe(scores.length - matched.length);
  });

  it('lung boxes: COCO boxes by file name; null coordinates skipped and counted', () => {
    const coco = JSON.parse(boxesFile.text) as { images: { id: number; file_name: string }[]; annotations: { image_id: number; bbox: (number | null)[]; category_id: number }[] };
    const nameOf = new Map(coco.images.map((i) => [i.id, i.file_name]));
    const usable = coco.annotations.filter((a) => a.bbox.every((v) => typeof v === 'number') && byId.has(nameOf.get(a.image_id)!));
    const nullBoxes = coco.annotations.filter((a) => a.bbox.some((v) => v === null));
    expect(parsed.images.reduce((s, i) => s + (i.lungBoxes?.length ?? 0), 0)).toBe(usable.length);
    expect(parsed.images.filter((i) => i.lungBoxes !== null).length).toBe(new Set(usable.map((a) => a.image_id)).size);
    expect(countOf(parsed, 'row_skipped', 'bbox')).toBe(nullBoxes.length);
    const first = usable[0];
    expect(byId.get(nameOf.get(first.image_id)!)!.lungBoxes![0]).toMatchObject({ x: first.bbox[0], y: first.bbox[1], width: first.bbox[2], height: first.bbox[3] });
  });

  it('only metadata.csv is required: without the annotation files, no severity and no boxes', () => {
    const p = parseCovidChestxray([metaFile]);
    expect(p.images.length).toBe(parsed.images.length);
    expect(p.images.every((i) => i.severity === null && i.lungBoxes === null)).toBe(true);
    expect(() => parseCovidChestxray([severityFile])).toThrow(SourceFormatError);
  });

  it('the connector and its manifest', () => {
    expect(covidChestxray.kind).toBe('imaging');
    expect(covidChestxray.manifest.files.map((f) => f.id)).toEqual(['metadata', 'severity', 'lung-boxes']);
    expect(manifest.imageFolders).toEqual(['imaging/covid-chestxray-dataset/images']);
    for (const f of manifest.files) for (const m of f.mirror) expect(() => readFileSync(dataPath(m as string))).not.toThrow();
  });
});

describe('covid-chestxray broken fixtures', () => {
  const small = parseCovidChestxray([fixture('small.csv')]);

  it('small.csv: 6 records', () => {
    expect(small.images.map((i) => i.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(small.images[4]).toMatchObject({ finding: 'Pneumonia/Viral/COVID-19', alsoFindings: ['ARDS'], findingRaw: 'COVID-19, ARDS' });
    expect(small.images[5]).toMatchObject({ studyDate: '2003-03-01', studyDatePrecision: 'month', studyDateRaw: 'March 2003' });
  });

  it('a BOM is ignored', () => {
    expect(parseCovidChestxray([fixture('bom.csv')]).images).toEqual(small.images.map((i) => ({ ...i, file: 'bom.csv' })));
  });

  it('changed header / missing column: error on line 1 naming the column', () => {
    const e1 = formatError(() => parseCovidChestxray([fixture('changed-header.csv')]));
    expect([e1.file, e1.line, e1.column]).toEqual(['changed-header.csv', 1, 'filename']);
    const e2 = formatError(() => parseCovidChestxray([fixture('missing-column.csv')]));
    expect([e2.file, e2.line, e2.column]).toEqual(['missing-column.csv', 1, 'license']);
  });

  it('truncated file: error on the last line', () => {
    const e = formatError(() => parseCovidChestxray([fixture('truncated.csv')]));
    expect([e.file, e.line]).toEqual(['truncated.csv', 7]);
    expect(e.message).toMatch(/truncated/);
  });

  it('a caption fragment on a row of its own: stray_row with its line, not stored', () => {
    const p = parseCovidChestxray([fixture('stray-row.csv')]);
    expect(p.images.length).toBe(6);
    const [stray] = issuesOf(p, 'stray_row');
    expect(stray.line).toBe(4);
    expect(stray.message).toContain('Figure 1 continued');
    expect(p.images.map((i) => i.line)).toEqual([2, 3, 5, 6, 7, 8]);
  });

  it('a file name listed twice under another patient: both kept, duplicate_image names both lines and patients', () => {
    const p = parseCovidChestxray([fixture('duplicate.csv')]);
    expect(p.images.length).toBe(7);
    expect(p.images.find((i) => i.line === 8)!.patient).toBe('999');
    const [d] = issuesOf(p, 'duplicate_image');
    expect(d.line).toBe(8);
    expect(d.message).toMatch(/listed on line 4 and again on line 8 under two patients \("3" and "999"\)/);
    expect(d.message).toContain('differ in "patientid"');
    expect(p.images[2].patient).toBe('3');
  });

  it('markers → null with one missing_marker per column; unparseable cells kept as text; case variants; stray spaces', () => {
    const p = parseCovidChestxray([fixture('markers.csv')]);
    const [, second, third] = p.images;
    expect([second.clinical.temperature, second.clinical.pO2_saturation, second.clinical.extubated, second.sex, second.age]).toEqual([null, null, null, null, null]);
    expect(issuesOf(p, 'missing_marker', 'temperature')[0].message).toContain('"n/A" ×1');
    expect(issuesOf(p, 'missing_marker', 'sex')[0].message).toContain('"nd" ×1');
    expect(third.clinical.temperature).toBe('38,5 C');
    expect(third.clinical.survival).toBe('unknown');
    expect(countOf(p, 'unparseable_cell', 'temperature')).toBe(1);
    expect(third.finding).toBe('Pneumonia/Viral/SARS');
    expect(issuesOf(p, 'case_variant', 'finding')[0].message).toContain('"Sars" → "SARS"');
    expect([third.studyDate, third.studyDatePrecision, third.studyDateRaw]).toEqual([null, 'unknown', 'around March 2020']);
    expect(third.patient).toBe('3');
    expect(countOf(p, 'stray_whitespace', 'patientid')).toBe(1);
    expect(countOf(p, 'encoding_damage', 'clinical_notes')).toBe(2);
  });

  it('a quoted note with a line break: lines stay physical; a name without extension is kept and reported', () => {
    const p = parseCovidChestxray([fixture('multiline.csv')]);
    expect(p.images.map((i) => i.line)).toEqual([2, 4]);
    expect(p.images[0].clinical.clinical_notes).toBe('First line of the note\nsecond line with a "quoted" word');
    expect(p.images[1].imageId).toBe('SARS-figure-without-extension');
    expect(issuesOf(p, 'name_without_extension')[0]).toMatchObject({ line: 4, count: 1 });
  });
});

describe('covid-chestxray annotation files, broken', () => {
  const meta = fixture('small.csv');
  const firstName = 'auntminnie-a-2020_01_28_23_51_6665_2020_01_28_Vietnam_coronavirus.jpeg';
  const severity = (text: string): SourceInputFile => ({ fileId: 'severity', name: 'covid-severity-scores.csv', text });
  const boxes = (json: unknown): SourceInputFile => ({ fileId: 'lung-boxes', name: 'boxes.json', text: typeof json === 'string' ? json : JSON.stringify(json) });

  it('severity: comment lines skipped, unknown names row_skipped, a score that is not a number kept as null and counted', () => {
    const p = parseCovidChestxray([meta, severity(`## title,,\nfilename,geographic_mean,opacity_mean\n${firstName},2.3,x\nno-such.png,1,1\n`)]);
    expect(p.images[0].severity).toEqual({ geographicExtent: 2.3, opacity: null });
    expect(issuesOf(p, 'row_skipped', 'filename')[0]).toMatchObject({ file: 'covid-severity-scores.csv', line: 4, count: 1 });
    expect(issuesOf(p, 'unparseable_cell', 'opacity_mean')[0]).toMatchObject({ line: 3 });
  });

  it('severity with a renamed column → error naming the file, line and column', () => {
    const e = formatError(() => parseCovidChestxray([meta, severity('## t,,\nfilename,geographic,opacity_mean\na.png,1,1\n')]));
    expect([e.file, e.line, e.column]).toEqual(['covid-severity-scores.csv', 1, 'geographic_mean']);
  });

  it('lung boxes: unknown images and null boxes row_skipped; not JSON or not COCO → error', () => {
    const coco = {
      images: [{ id: 1, file_name: firstName }, { id: 2, file_name: 'no-such.png' }],
      categories: [{ id: 1, name: 'Right Lung' }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, bbox: [1, 2, 3, 4] },
        { id: 2, image_id: 2, category_id: 1, bbox: [1, 2, 3, 4] },
        { id: 3, image_id: 1, category_id: 1, bbox: [null, null, null, null] },
        { id: 4, image_id: 9, category_id: 1, bbox: [1, 2, 3, 4] },
      ],
    };
    const p = parseCovidChestxray([meta, boxes(coco)]);
    expect(p.images[0].lungBoxes).toEqual([{ label: 'Right Lung', x: 1, y: 2, width: 3, height: 4 }]);
    expect([countOf(p, 'row_skipped', 'file_name'), countOf(p, 'row_skipped', 'bbox'), countOf(p, 'row_skipped', 'image_id')]).toEqual([1, 1, 1]);
    expect(formatError(() => parseCovidChestxray([meta, boxes('{"images": [')])).file).toBe('boxes.json');
    expect(formatError(() => parseCovidChestxray([meta, boxes({ images: [], categories: [] })])).column).toBe('annotations');
  });
});
