import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import type { Paper, ParsedLiterature, Preprint } from '../../domain/literature.js';
import { SourceFormatError } from '../../domain/validation.js';
import { parseCord19 } from '../cord19/parse.js';
import { independentCsv } from '../imaging-kit/independent-reader.js';
import { applyPreprintLinks, linkPreprints, parsePreprints, preprints as connector } from './index.js';
import { manifest } from './manifest.js';

const FILE = 'cord19/covid19_preprints_nicholasmfraser.csv';
const V8 = 'cord19/CORD19id_date_v8.csv';
const META = 'cord19/metadata_sample_1000rows_2020-04.csv';
const gz = (p: string) => gunzipSync(readFileSync(dataPath(`${p}.gz`))).toString('utf8');
const text = gz(FILE);
const parsed = parsePreprints([{ fileId: 'preprints', name: FILE, text }]);
const cord = parseCord19([
  { fileId: 'metadata', name: META, text: gz(META) },
  { fileId: 'id-date', name: V8, text: gz(V8) },
]);

// Independent reading (imaging-kit's own CSV reader) of the preprint list and of the v8 DOIs.
const [head, ...rawRows] = independentCsv(text);
const col = (name: string) => head.cells.indexOf(name);
const [v8Head, ...v8Rows] = independentCsv(gz(V8));
const v8Dois = new Set(v8Rows.map((r) => r.cells[v8Head.cells.indexOf('doi')].toLowerCase()).filter((d) => d !== 'na'));

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtureText = (name: string) => readFileSync(path.join(fixtureDir, name), 'utf8');
const fixture = (name: string): ParsedLiterature => parsePreprints([{ fileId: 'preprints', name, text: fixtureText(name) }]);
const fixtureError = (name: string): SourceFormatError => {
  try {
    fixture(name);
  } catch (e) {
    if (e instanceof SourceFormatError) return e;
    throw e;
  }
  throw new Error(`${name} parsed without error`);
};
const MARKUP = /<\/?(jats:|ns\d+:)?(p|sec|title|bold|italic|sup|sub|em|strong|div|b|i|a|br)\b[^>]*>|&(lt|gt|amp|nbsp|quot|#\d+);/;

describe('preprints on the real file', () => {
  it('is a literature connector', () => {
    expect(connector.kind).toBe('literature');
    expect(manifest.files[0].mirror).toEqual([FILE]);
  });

  it('reads one preprint per row, on its physical line', () => {
    expect(rawRows.length).toBeGreaterThan(1500);
    expect(parsed.preprints.length).toBe(rawRows.length);
    expect(parsed.preprints.map((p) => p.line)).toEqual(rawRows.map((r) => r.line));
    expect(parsed.preprints.map((p) => p.server)).toEqual(rawRows.map((r) => r.cells[col('source')]));
    expect(new Set(parsed.preprints.map((p) => p.id)).size).toBe(parsed.preprints.length);
  });

  it('keeps DOIs (lower case) and gives arXiv rows an arXiv id', () => {
    const na = rawRows.filter((r) => r.cells[col('doi')] === 'NA');
    expect(parsed.preprints.filter((p) => p.doi === null).length).toBe(na.length);
    for (const r of na) expect(parsed.preprints.find((p) => p.line === r.line)?.id).toBe(`arXiv:${r.cells[col('arxiv_id')]}`);
    expect(parsed.preprints.filter((p) => p.doiMalformed).length).toBe(0);
  });

  it('strips every tag and entity from titles and abstracts', () => {
    const marked = rawRows.filter((r) => MARKUP.test(r.cells[col('abstract')]));
    expect(marked.length).toBeGreaterThan(1000);
    for (const p of parsed.preprints) {
      expect(p.abstract ?? '').not.toMatch(MARKUP);
      expect(p.title ?? '').not.toMatch(MARKUP);
      expect(p.title ?? '').not.toMatch(/\n/);
    }
    expect(parsed.preprints.filter((p) => p.abstract === null).length).toBe(rawRows.filter((r) => r.cells[col('abstract')] === 'NA').length);
  });

  it('links preprints to CORD-19 papers by normalised DOI: as many as the test finds in v8', () => {
    const expected = rawRows.filter((r) => v8Dois.has(r.cells[col('doi')].toLowerCase())).length;
    expect(expected).toBeGreaterThan(800);
    const l = linkPreprints(cord.papers, parsed.preprints);
    expect(l.links.length).toBe(expected);
    expect(l.unmatched).toBe(rawRows.length - expected);
    expect(l.withoutDoi).toBe(rawRows.filter((r) => r.cells[col('doi')] === 'NA').length);
    const byServer = new Map<string, number>();
    for (const x of l.links) byServer.set(x.server, (byServer.get(x.server) ?? 0) + 1);
    const notes = manifest.notes.join('\n');
    expect(notes).toContain(`${l.links.length} of the ${rawRows.length.toLocaleString('en-US')} preprints`);
    expect(notes).toContain(`medRxiv ${byServer.get('medRxiv')}, bioRxiv ${byServer.get('bioRxiv')}, ChemRxiv ${byServer.get('ChemRxiv')}`);
    const linked = applyPreprintLinks(cord.papers, l.links);
    expect(linked.filter((p) => p.ids.preprint.length > 0).length).toBe(new Set(l.links.map((x) => x.paperId)).size);
  });

  it('reports shared titles and never merges them', () => {
    const titles = new Map<string, number>();
    for (const r of rawRows) {
      const t = r.cells[col('title')].replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim().toLowerCase();
      titles.set(t, (titles.get(t) ?? 0) + 1);
    }
    const shared = [...titles.values()].filter((n) => n > 1);
    const i = parsed.issues.find((x) => x.code === 'duplicate_row' && x.column === 'title');
    expect(i?.message).toContain(`${shared.length} titles are shared by ${shared.reduce((a, b) => a + b, 0)} preprints`);
  });
});

describe('preprints fixtures', () => {
  const small = fixture('small.csv');
  const [, ...smallRows] = independentCsv(fixtureText('small.csv'));

  it('reads every row, JATS and HTML stripped', () => {
    expect(small.preprints.length).toBe(8);
    expect(small.preprints.map((p) => p.line)).toEqual(smallRows.map((r) => r.line));
    const [jats, arxiv, jmir, escaped] = small.preprints;
    expect(jats.abstract).toMatch(/^The outbreak of pneumonia originating in Wuhan/);
    expect(arxiv.id).toBe('arXiv:2001.10530v2');
    expect(arxiv.title).toBe('Preliminary prediction of the basic reproduction number of the Wuhan novel coronavirus 2019-nCoV');
    expect(jmir.abstract).toMatch(/^UNSTRUCTURED The COVID-19 outbreak/);
    expect(escaped.abstract).toMatch(/^The 2019 novel coronavirus/);
    expect(small.preprints[6].abstract).toBeNull();
    expect(small.preprints[7].title).toMatch(/^In silico Comparative Genomics/);
    for (const p of small.preprints) expect(`${p.title} ${p.abstract}`).not.toMatch(MARKUP);
  });

  it('reports the title posted on two servers and keeps both', () => {
    const t = small.preprints.filter((p) => p.title?.startsWith('Tilorone'));
    expect(t.map((p) => p.server)).toEqual(['bioRxiv', 'OSF Preprints']);
    expect(small.issues.find((i) => i.column === 'title' && i.code === 'duplicate_row')?.message).toContain('1 titles are shared by 2 preprints');
  });

  it('reads a BOM file like the plain one', () => {
    expect(fixture('bom.csv').preprints).toEqual(small.preprints.map((p) => ({ ...p, file: 'bom.csv' })));
  });

  it('refuses a changed header and a truncated file, naming file, line and column', () => {
    const h = fixtureError('changed-header.csv');
    expect([h.file, h.line, h.column]).toEqual(['changed-header.csv', 1, 'posted_date']);
    const t = fixtureError('truncated.csv');
    expect([t.file, t.line, t.column]).toEqual(['truncated.csv', smallRows[2].line, 'abstract']);
  });
});

describe('linkPreprints', () => {
  const paper = (id: string, dois: string[], title: string): Paper => ({
    ...cord.papers[0],
    id,
    title,
    doi: dois[0] ?? null,
    ids: { ...cord.papers[0].ids, cordUid: [id], doi: dois, preprint: [] },
    preprintServer: null,
  });
  const pre = (id: string, doi: string | null, title: string): Preprint => ({ id, server: 'medRxiv', doi, doiRaw: doi, doiMalformed: false, arxivId: null, postedDate: null, title, abstract: null, file: 'x', line: 2 });

  it('joins on any DOI of a paper and never on a title', () => {
    const papers = [paper('a', ['10.1101/2020.01.01.000001'], 'Same title'), paper('b', ['10.1000/x', '10.1101/2020.01.02.000002'], 'Other')];
    const pres = [pre('10.1101/2020.01.01.000001', '10.1101/2020.01.01.000001', 'Unrelated'), pre('10.1101/2020.01.02.000002', '10.1101/2020.01.02.000002', 'Other'), pre('p3', '10.1101/2020.09.09.999999', 'Same title'), pre('arXiv:2001.1', null, 'Same title')];
    const l = linkPreprints(papers, pres);
    expect(l.links.map((x) => [x.preprintId, x.paperId])).toEqual([
      ['10.1101/2020.01.01.000001', 'a'],
      ['10.1101/2020.01.02.000002', 'b'],
    ]);
    expect(l.unmatched).toBe(2);
    expect(l.withoutDoi).toBe(1);
    const applied = applyPreprintLinks(papers, l.links);
    expect(applied[0].ids.preprint).toEqual(['10.1101/2020.01.01.000001']);
    expect(applied[0].preprintServer).toBe('medRxiv');
    expect(papers[0].ids.preprint).toEqual([]);
  });
});
