import { parse, type Creator } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import type { DatasetCitation } from '../domain/dataset.js';
import { bibtex, doiUrl, escapeBibtex, protectCase, ris, splitPages } from './citation.js';
import { DATASETS } from './index.js';

const CITATIONS: DatasetCitation[] = [...new Map(DATASETS.filter((e) => e.citation).map((e) => [e.citation!.key, e.citation!])).values()];

/** "Family, Given" as the parser gives it back; an organisation by its name. */
function creatorName(c: Creator): string {
  if (c.name !== undefined) return c.name;
  const family = [c.prefix, c.lastName].filter(Boolean).join(' ');
  return [family, [c.firstName, c.suffix].filter(Boolean).join(', ')].filter(Boolean).join(', ');
}

function parseOne(text: string) {
  const lib = parse(text);
  expect(lib.errors).toEqual([]);
  expect(lib.entries).toHaveLength(1);
  return lib.entries[0];
}

/** A small RIS reader: the records of a file, each a list of [tag, value]. */
function readRis(text: string): [string, string][][] {
  const records: [string, string][][] = [];
  let current: [string, string][] | null = null;
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const m = /^([A-Z][A-Z0-9])  - (.*)$/.exec(line);
    if (!m) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
    const [, tag, value] = m;
    if (tag === 'TY') {
      if (current) throw new Error('TY inside a record');
      current = [];
    }
    if (!current) throw new Error(`${tag} outside a record`);
    current.push([tag, value]);
    if (tag === 'ER') {
      records.push(current);
      current = null;
    }
  }
  if (current) throw new Error('record without ER');
  return records;
}

const TRICKY: DatasetCitation = {
  key: 'tricky2020',
  kind: 'article',
  title: 'Braces {a} and } {, 100% & more_x #1 $5 \\cmd ~ ^: Müller, 中文 and SARS-CoV-2 in Wuhan',
  authors: ['Müller, Hans-Jürgen', 'World Health Organization', "O'Brien, Katelynn", 'de la Cruz, María', 'R&D_Team #1'],
  year: 2020,
  container: 'Journal of Data & Stats_Letters',
  volume: '7',
  issue: 'S1',
  pages: '101–110',
  doi: '10.1000/abc_def(2020)#x',
  url: 'https://example.org/a_b?c=1&d=%20e',
};

describe('bibtex', () => {
  it('escapes the BibTeX special characters and keeps UTF-8 text as it is', () => {
    expect(escapeBibtex('{}%&_#$')).toBe('\\{\\}\\%\\&\\_\\#\\$');
    expect(escapeBibtex('a\\b ~ ^')).toBe('a\\textbackslash{}b \\textasciitilde{} \\textasciicircum{}');
    expect(escapeBibtex('Brändle 中文 São Paulo — “x”')).toBe('Brändle 中文 São Paulo — “x”');
    expect(escapeBibtex('two\n  lines\t')).toBe('two lines');
    const out = bibtex(TRICKY);
    expect(out).toContain('Müller, Hans-Jürgen');
    expect(out).toContain('中文');
    expect(out).toContain('100\\%');
    expect(out).toContain('Data \\& Stats\\_Letters');
    // No unescaped special character outside the verbatim fields (doi, url).
    for (const line of out.split('\n').filter((l) => !/^\s+(doi|url) = /.test(l))) expect(line).not.toMatch(/(^|[^\\])[%&#$_]/);
  });

  it('protects words with capitals so styles and importers keep the title as given', () => {
    expect(protectCase('COVID-19 Image Data in the world')).toBe('{COVID-19} {Image} {Data} in the world');
    expect(protectCase('tracking in Wuhan: a_b')).toBe('tracking in {Wuhan:} a\\_b');
  });

  it('round-trips a title, authors, year, DOI and URL full of special characters through a real parser', () => {
    const e = parseOne(bibtex(TRICKY));
    expect(e.type).toBe('article');
    expect(e.key).toBe('tricky2020');
    expect(e.fields.title).toBe(TRICKY.title);
    expect((e.fields.author ?? []).map(creatorName)).toEqual(TRICKY.authors);
    expect(e.fields.journal).toBe(TRICKY.container);
    expect(e.fields.year).toBe('2020');
    expect(e.fields.volume).toBe('7');
    expect(e.fields.number).toBe('S1');
    expect(e.fields.pages).toBe('101–110');
    expect(e.fields.doi).toBe(TRICKY.doi);
    expect(e.fields.url).toBe(TRICKY.url);
  });

  it.each(CITATIONS.map((c) => [c.key, c] as const))('renders %s so that a BibTeX parser reads it back', (_key, c) => {
    const e = parseOne(bibtex(c));
    expect(e.key).toBe(c.key);
    expect(e.type).toBe(c.kind === 'article' || c.kind === 'preprint' ? 'article' : 'misc');
    expect(e.fields.title).toBe(c.title);
    expect((e.fields.author ?? []).map(creatorName)).toEqual(c.authors);
    expect(e.fields.year).toBe(String(c.year));
    expect(e.fields.doi).toBe(c.doi);
    if (c.container) expect(e.fields[c.kind === 'article' || c.kind === 'preprint' ? 'journal' : 'howpublished']).toBe(c.container);
  });

  it('writes page ranges with -- and single pages as they are', () => {
    expect(bibtex({ ...TRICKY, pages: '533-534' })).toContain('pages = {533--534}');
    expect(bibtex({ ...TRICKY, pages: 'D482-D490' })).toContain('pages = {D482--D490}');
    expect(bibtex({ ...TRICKY, pages: 'e3000959' })).toContain('pages = {e3000959}');
  });

  it('braces organisation authors and writes a truncated list as "and others"', () => {
    const out = bibtex({ ...TRICKY, authors: ['Harrison, Peter W.', 'World Health Organization', 'others'] });
    expect(out).toContain('author = {Harrison, Peter W. and {World Health Organization} and others}');
  });

  it('uses @misc with howpublished for datasets and leaves out what the citation lacks', () => {
    const out = bibtex({ key: 'who 2020!', kind: 'dataset', title: 'WHO COVID-19 dashboard', authors: ['World Health Organization'], year: 2020, container: 'WHO' });
    expect(out.startsWith('@misc{who_2020_,\n')).toBe(true);
    expect(out).toContain('howpublished = {WHO}');
    expect(out).not.toMatch(/\b(doi|url|pages|volume|number) =/);
    expect(out.endsWith('}\n')).toBe(true);
    parseOne(out);
  });
});

describe('ris', () => {
  it('writes one TY…ER record with the expected tags, CR LF line ends', () => {
    const out = ris(TRICKY);
    expect(out.endsWith('ER  - \r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [record, ...rest] = readRis(out);
    expect(rest).toEqual([]);
    expect(record.map(([t]) => t)).toEqual(['TY', 'AU', 'AU', 'AU', 'AU', 'AU', 'TI', 'PY', 'JO', 'T2', 'VL', 'IS', 'SP', 'EP', 'DO', 'UR', 'ER']);
    const get = (tag: string) => record.filter(([t]) => t === tag).map(([, v]) => v);
    expect(get('TY')).toEqual(['JOUR']);
    expect(get('AU')).toEqual(TRICKY.authors);
    expect(get('TI')).toEqual([TRICKY.title]);
    expect(get('PY')).toEqual(['2020']);
    expect(get('SP')).toEqual(['101']);
    expect(get('EP')).toEqual(['110']);
    expect(get('DO')).toEqual([TRICKY.doi]);
    expect(get('UR')).toEqual([TRICKY.url]);
  });

  it('maps kinds to RIS types and falls back to the DOI URL', () => {
    const base = { key: 'k', title: 'T', authors: ['A, B', 'others'], year: 2021 };
    const ty = (kind: DatasetCitation['kind']) => readRis(ris({ ...base, kind }))[0][0][1];
    expect([ty('article'), ty('preprint'), ty('dataset'), ty('misc')]).toEqual(['JOUR', 'JOUR', 'DATA', 'GEN']);
    const rec = readRis(ris({ ...base, kind: 'dataset', doi: '10.5281/zenodo.3723939', container: 'Zenodo', pages: '672' }))[0];
    expect(rec.filter(([t]) => t === 'AU')).toEqual([['AU', 'A, B']]);
    expect(rec).toContainEqual(['UR', 'https://doi.org/10.5281/zenodo.3723939']);
    expect(rec).toContainEqual(['T2', 'Zenodo']);
    expect(rec.some(([t]) => t === 'JO')).toBe(false); // JO is for journals
    expect(rec).toContainEqual(['SP', '672']);
    expect(rec.some(([t]) => t === 'EP')).toBe(false);
  });

  it('keeps every value on one line', () => {
    const rec = readRis(ris({ ...TRICKY, title: 'two\nlines\r\nhere' }))[0];
    expect(rec).toContainEqual(['TI', 'two lines here']);
  });

  it.each(CITATIONS.map((c) => [c.key, c] as const))('renders %s as one well-formed record', (_key, c) => {
    const records = readRis(ris(c));
    expect(records).toHaveLength(1);
    const rec = records[0];
    expect(rec[0]).toEqual(['TY', c.kind === 'dataset' ? 'DATA' : c.kind === 'misc' ? 'GEN' : 'JOUR']);
    expect(rec.at(-1)).toEqual(['ER', '']);
    expect(rec.filter(([t]) => t === 'AU').map(([, v]) => v)).toEqual(c.authors.filter((a) => a !== 'others'));
    expect(rec.filter(([t]) => t === 'TI')).toEqual([['TI', c.title]]);
    expect(rec.filter(([t]) => t === 'PY')).toEqual([['PY', String(c.year)]]);
    if (c.doi) expect(rec).toContainEqual(['DO', c.doi]);
    for (const [tag, value] of rec.slice(0, -1)) expect(value, tag).not.toBe('');
  });
});

describe('helpers', () => {
  it('splits page ranges', () => {
    expect(splitPages('533-534')).toEqual({ start: '533', end: '534' });
    expect(splitPages('533--534')).toEqual({ start: '533', end: '534' });
    expect(splitPages('W619–W623')).toEqual({ start: 'W619', end: 'W623' });
    expect(splitPages(' 19549 ')).toEqual({ start: '19549' });
  });

  it('builds DOI URLs', () => {
    expect(doiUrl('10.1016/S1473-3099(20)30120-1')).toBe('https://doi.org/10.1016/S1473-3099(20)30120-1');
    expect(doiUrl('10.1000/a b#c')).toBe('https://doi.org/10.1000/a%20b%23c');
  });
});
