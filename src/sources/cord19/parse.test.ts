import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import type { ParsedLiterature, Paper } from '../../domain/literature.js';
import { SourceFormatError } from '../../domain/validation.js';
import { independentCsv } from '../imaging-kit/independent-reader.js';
import { cord19 } from './index.js';
import { manifest } from './manifest.js';
import { parseCord19 } from './parse.js';
import { normalizeDoi, parsePublishDate, stripMarkup } from './text.js';

const META = 'cord19/metadata_sample_1000rows_2020-04.csv';
const V8 = 'cord19/CORD19id_date_v8.csv';
const gz = (p: string) => gunzipSync(readFileSync(dataPath(`${p}.gz`))).toString('utf8');
const metaText = gz(META);
const v8Text = gz(V8);
const parsed = parseCord19([
  { fileId: 'metadata', name: META, text: metaText },
  { fileId: 'id-date', name: V8, text: v8Text },
]);
const byId = new Map(parsed.papers.map((p) => [p.id, p]));

// The independent reading: imaging-kit's character-by-character CSV reader, and the test's own rules.
const table = (text: string) => {
  const [head, ...rows] = independentCsv(text);
  return { header: head.cells, rows: rows.map((r) => ({ line: r.line, get: (c: string) => r.cells[head.cells.indexOf(c)] ?? '' })) };
};
const meta = table(metaText);
const v8 = table(v8Text);
/** The test's own DOI reading: lower case, resolver prefix dropped; null unless 10.NNNN+/suffix. */
const doiOf = (cell: string): string | null => {
  const d = cell.trim().toLowerCase().replace(/^https?:\/\/(dx\.)?doi\.org\//, '').replace(/^doi:/, '');
  return d === '' || d === 'na' || !/^10\.[0-9]{4,}[0-9.]*\/./.test(d) ? null : d;
};

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtureText = (name: string) => readFileSync(path.join(fixtureDir, name), 'utf8');
const fixture = (name: string, fileId = 'metadata'): ParsedLiterature => parseCord19([{ fileId, name, text: fixtureText(name) }]);
const fixtureError = (name: string, fileId = 'metadata'): SourceFormatError => {
  try {
    fixture(name, fileId);
  } catch (e) {
    if (e instanceof SourceFormatError) return e;
    throw e;
  }
  throw new Error(`${name} parsed without error`);
};
const issue = (p: ParsedLiterature, code: string, column?: string) => p.issues.find((i) => i.code === code && (column === undefined || i.column === column));
const paper = (p: ParsedLiterature, id: string): Paper => {
  const x = p.papers.find((q) => q.id === id);
  if (!x) throw new Error(`no paper ${id}`);
  return x;
};

describe('cord19 on the real files', () => {
  it('is a literature connector whose manifest names both files', () => {
    expect(cord19.kind).toBe('literature');
    expect(manifest.files.map((f) => f.id)).toEqual(['metadata', 'id-date']);
    expect(manifest.metrics).toEqual([]);
  });

  it('reads one paper per distinct cord_uid across both files (no two uids share a DOI here)', () => {
    expect(meta.rows.length).toBe(1000);
    expect(v8.rows.length).toBeGreaterThan(52000);
    const uids = new Set([...meta.rows, ...v8.rows].map((r) => r.get('cord_uid')));
    // DOI merges the test expects: uids whose DOI an earlier uid already had.
    const firstUid = new Map<string, string>();
    let doiMerges = 0;
    for (const r of [...meta.rows, ...v8.rows]) {
      const d = doiOf(r.get('doi'));
      if (d === null) continue;
      const u = firstUid.get(d);
      if (u === undefined) firstUid.set(d, r.get('cord_uid'));
      else if (u !== r.get('cord_uid')) doiMerges++;
    }
    expect(doiMerges).toBe(0);
    expect(parsed.papers.length).toBe(uids.size);
    expect(new Set(parsed.papers.map((p) => p.id)).size).toBe(parsed.papers.length);
    for (const r of meta.rows) expect(byId.has(r.get('cord_uid'))).toBe(true);
    // Every row is read once: the papers' provenance lists each row of both files.
    const lines = parsed.papers.flatMap((p) => p.provenance.map((x) => `${x.file}:${x.line}`));
    expect(lines.length).toBe(meta.rows.length + v8.rows.length);
    expect(new Set(lines)).toEqual(new Set([...meta.rows.map((r) => `${META}:${r.line}`), ...v8.rows.map((r) => `${V8}:${r.line}`)]));
  });

  it('merges rows repeating a cord_uid, keeping every source id (v8 repeats 33 uids)', () => {
    const count = new Map<string, number>();
    for (const r of v8.rows) count.set(r.get('cord_uid'), (count.get(r.get('cord_uid')) ?? 0) + 1);
    const repeated = [...count].filter(([, n]) => n > 1);
    expect(issue(parsed, 'duplicate_row', 'cord_uid')?.count).toBe(repeated.reduce((s, [, n]) => s + n - 1, 0));
    for (const [uid] of repeated) {
      const rows = v8.rows.filter((r) => r.get('cord_uid') === uid);
      const p = byId.get(uid)!;
      const pubmed = [...new Set(rows.map((r) => r.get('pubmed_id')).filter((x) => x !== 'NA'))].map(Number);
      for (const x of pubmed) expect(p.ids.pubmed).toContain(x);
      for (const r of rows) expect(p.sources).toContain(r.get('source_x'));
      for (const r of rows) if (r.get('pmcid') !== 'NA') expect(p.ids.pmcid).toContain(r.get('pmcid'));
      expect(p.provenance.filter((x) => x.file === V8).length).toBe(rows.length);
    }
    const p = byId.get('4fbr8fx8')!;
    expect(p.ids.pubmed).toEqual([15571999, 15753006]);
    expect(p.pubmedId).toBe(15571999);
    expect(p.sources).toEqual(['PMC', 'Elsevier']);
  });

  it('counts the papers with a DOI and keeps the malformed ones raw', () => {
    const withDoi = new Set<string>();
    const malformed: { uid: string; raw: string }[] = [];
    for (const r of [...meta.rows, ...v8.rows]) {
      const raw = r.get('doi').trim();
      if (doiOf(raw) !== null) withDoi.add(r.get('cord_uid'));
      else if (raw !== '' && raw !== 'NA') malformed.push({ uid: r.get('cord_uid'), raw });
    }
    expect(parsed.papers.filter((p) => p.doi !== null).length).toBe(withDoi.size);
    expect(malformed.map((m) => m.raw)).toEqual(['10.231/jim.0b013e318250871d', '0.1126/science.abb7331']);
    for (const m of malformed) {
      const p = byId.get(m.uid)!;
      expect(p.doi).toBeNull();
      expect(p.doiRaw).toBe(m.raw);
      expect(p.doiMalformed).toBe(true);
    }
    expect(issue(parsed, 'unparseable_cell', 'doi')?.count).toBe(malformed.length);
  });

  it('reads pubmed_id "4361535.0" as the integer 4361535, every float spelling counted', () => {
    const floats = meta.rows.filter((r) => /^\d+\.0$/.test(r.get('pubmed_id')));
    expect(floats.length).toBeGreaterThan(600);
    expect(issue(parsed, 'repaired', 'pubmed_id')?.count).toBe(floats.length);
    expect(meta.rows[0].get('pubmed_id')).toBe('4361535.0');
    expect(byId.get('8q5ondtn')!.pubmedId).toBe(4361535);
    for (const r of floats) expect(byId.get(r.get('cord_uid'))!.ids.pubmed).toContain(Number(r.get('pubmed_id').slice(0, -2)));
    expect(parsed.papers.every((p) => p.ids.pubmed.every(Number.isInteger))).toBe(true);
  });

  it('adds the ids the v8 table gives to the sample\'s papers (27 PubMed ids the sample lacks)', () => {
    const v8Pubmed = new Map<string, string[]>();
    for (const r of v8.rows) if (r.get('pubmed_id') !== 'NA') v8Pubmed.set(r.get('cord_uid'), [...(v8Pubmed.get(r.get('cord_uid')) ?? []), r.get('pubmed_id')]);
    const filled = meta.rows.filter((r) => r.get('pubmed_id') === '' && v8Pubmed.has(r.get('cord_uid')));
    expect(filled.length).toBe(27);
    for (const r of filled) expect(byId.get(r.get('cord_uid'))!.ids.pubmed).toEqual(v8Pubmed.get(r.get('cord_uid'))!.map(Number));
    for (const r of meta.rows) expect(byId.get(r.get('cord_uid'))!.provenance.map((x) => x.file)).toEqual([META, V8]);
  });

  it('flags 31 December and year-only dates as placeholders, counted from the raw dates', () => {
    // The first date of each uid, in file order (metadata first), as the parser keeps it.
    const first = new Map<string, string>();
    for (const r of meta.rows) if (r.get('publish_time') !== '') first.set(r.get('cord_uid'), r.get('publish_time'));
    for (const r of v8.rows) if (!first.has(r.get('cord_uid')) && r.get('date') !== 'NA') first.set(r.get('cord_uid'), r.get('date'));
    const placeholders = [...first.values()].filter((d) => /^\d{4}$/.test(d) || d.endsWith('-12-31')).length;
    expect(placeholders).toBeGreaterThan(4000);
    expect(parsed.papers.filter((p) => p.placeholderDate).length).toBe(placeholders);
    expect(parsed.papers.filter((p) => p.published !== null).length).toBe(first.size);
    expect(byId.get('8q5ondtn')!.published).toEqual({ iso: '1972-12-31', precision: 'day', raw: '1972-12-31' });
    expect(byId.get('8q5ondtn')!.placeholderDate).toBe(true);
  });

  it('never merges papers on a title: the five "Patent reports" stay five papers', () => {
    const rows = meta.rows.filter((r) => r.get('title') === 'Patent reports');
    expect(rows.length).toBe(5);
    const papers = parsed.papers.filter((p) => p.title === 'Patent reports');
    expect(papers.map((p) => p.id).sort()).toEqual(rows.map((r) => r.get('cord_uid')).sort());
    expect(new Set(papers.map((p) => p.doi)).size).toBe(5);
    expect(issue(parsed, 'duplicate_row', 'title')?.message).toContain('"Patent reports" ×5');
  });

  it('marks medRxiv and bioRxiv papers as preprints and reads "Unknown" abstracts as none', () => {
    const servers = new Map<string, string>();
    for (const r of v8.rows) if (['medrxiv', 'biorxiv'].includes(r.get('source_x'))) servers.set(r.get('cord_uid'), r.get('source_x'));
    expect(parsed.papers.filter((p) => p.preprintServer !== null).length).toBe(servers.size);
    expect(parsed.papers.filter((p) => p.preprintServer === 'medRxiv').length).toBe([...servers.values()].filter((s) => s === 'medrxiv').length);
    const unknown = meta.rows.filter((r) => r.get('abstract') === 'Unknown');
    expect(unknown.length).toBe(3);
    for (const r of unknown) expect(byId.get(r.get('cord_uid'))!.abstract).toBeNull();
  });

  it("documents the quirks with the counts the files have", () => {
    const notes = manifest.notes.join('\n');
    const v8Uids = new Set(v8.rows.map((r) => r.get('cord_uid')));
    const fmt = (n: number) => n.toLocaleString('en-US');
    expect(notes).toContain(`${fmt(v8.rows.length)} rows`);
    expect(notes).toContain(`${fmt(v8Uids.size)} distinct cord_uids`);
    expect(notes).toContain(`${fmt(parsed.papers.length)} papers`);
    expect(notes).toContain(`${fmt(parsed.papers.filter((p) => p.placeholderDate).length)} papers have a placeholder date`);
    expect(notes).toContain(`${fmt(issue(parsed, 'repaired', 'pubmed_id')!.count!)} pubmed_id cells`);
  });
});

describe('cord19 fixtures', () => {
  const small = fixture('metadata-small.csv');

  it('merges two rows with one cord_uid (every id kept) and two uids with one DOI (reported)', () => {
    expect(small.papers.map((p) => p.id)).toEqual(['8q5ondtn', 'fhqm1y9h', 'ctqysw59', 'sxqahccs', 'pzfd0e50', '22bka3gi', 'zp9k1k3z']);
    const f = paper(small, 'fhqm1y9h');
    expect(f.provenance.map((x) => x.line)).toEqual([3, 9]);
    expect(f.sources).toEqual(['Elsevier', 'PMC']);
    expect(f.ids.pmcid).toEqual(['PMC0000001']);
    expect(f.ids.pubmed).toEqual([99999999]);
    expect(f.ids.sha).toEqual(['deadbeef'.repeat(5)]);
    expect(issue(small, 'duplicate_row', 'cord_uid')?.count).toBe(1);
    const a = paper(small, '8q5ondtn');
    expect(a.ids.cordUid).toEqual(['8q5ondtn', 'zz000doi']);
    expect(a.provenance.map((x) => x.line)).toEqual([2, 10]);
    expect(a.title).toBe('Intrauterine virus infections and congenital heart disease');
    const doiMerge = small.issues.find((i) => i.code === 'duplicate_row' && i.column === 'doi');
    expect(doiMerge?.message).toContain('cord_uid zz000doi');
    expect(doiMerge?.message).toContain('merged into 8q5ondtn');
    expect(issue(small, 'conflicting_rows', 'title')?.count).toBe(1);
  });

  it('keeps the three "Patent reports" apart', () => {
    expect(small.papers.filter((p) => p.title === 'Patent reports').map((p) => p.id)).toEqual(['fhqm1y9h', 'ctqysw59', 'sxqahccs']);
  });

  it('reads "4361535.0" as 4361535', () => {
    expect(paper(small, '8q5ondtn').pubmedId).toBe(4361535);
    expect(paper(small, 'ctqysw59').ids.pubmed).toEqual([1366517]);
  });

  it('strips JATS from an abstract (tags, entities, escaped tags, the "Abstract" title)', () => {
    expect(paper(small, 'pzfd0e50').abstract).toBe('Remdesivir inhibited the virus in vitro (IC50 < 10 μM & low toxicity). Escaped second paragraph.');
    expect(issue(small, 'repaired', 'abstract')?.count).toBe(1);
  });

  it('keeps a malformed DOI raw and normalises a prefixed, capitalised one', () => {
    const bad = paper(small, '22bka3gi');
    expect(bad).toMatchObject({ doi: null, doiRaw: '0.1126/science.abb7331', doiMalformed: true });
    const pre = paper(small, 'zp9k1k3z');
    expect(pre).toMatchObject({ doi: '10.1016/0166-0934(91)90029-a', doiRaw: 'https://doi.org/10.1016/0166-0934(91)90029-A', doiMalformed: false });
    expect(issue(small, 'unparseable_cell', 'doi')?.message).toContain('"0.1126/science.abb7331"');
  });

  it('reads a file with a BOM exactly like one without', () => {
    const bom = fixture('bom.csv');
    expect(fixtureText('bom.csv').charCodeAt(0)).toBe(0xfeff);
    expect(bom.papers).toEqual(small.papers.map((p) => ({ ...p, provenance: p.provenance.map((x) => ({ ...x, file: 'bom.csv' })) })));
  });

  it('refuses a changed header, naming file, line 1 and the column', () => {
    const e = fixtureError('changed-header.csv');
    expect(e.file).toBe('changed-header.csv');
    expect(e.line).toBe(1);
    expect(e.column).toBe('publish_time');
    expect(e.message).toContain('no column "publish_time"');
  });

  it('refuses a truncated file, naming the line of the cut row', () => {
    const e = fixtureError('truncated.csv');
    expect([e.file, e.line, e.column]).toEqual(['truncated.csv', 4, 'abstract']);
    expect(e.message).toContain('truncated file');
  });

  it('reads the id/date table: NA as missing, repeats merged, conflicting dates reported', () => {
    const t = fixture('id-date-small.csv', 'id-date');
    expect(t.papers.map((p) => p.id)).toEqual(['8q5ondtn', '4fbr8fx8', 'm6q8kbjg', '4atteo5z', '5zukxemu', 'f21dknmb']);
    expect(paper(t, '4fbr8fx8')).toMatchObject({ pubmedId: 15571999, published: { iso: '2005-02-08' } });
    expect(paper(t, '4fbr8fx8').ids.pubmed).toEqual([15571999, 15753006]);
    expect(issue(t, 'conflicting_rows', 'date')?.count).toBe(1);
    expect(paper(t, 'm6q8kbjg')).toMatchObject({ doi: '10.3947/ic.2020.52.1.105', sources: ['PMC', 'WHO'] });
    expect(paper(t, '5zukxemu')).toMatchObject({ doi: null, doiMalformed: true, published: null });
    expect(paper(t, 'f21dknmb').preprintServer).toBe('medRxiv');
    expect(issue(t, 'missing_marker', 'doi')?.count).toBe(1);
  });
});

describe('literature text helpers', () => {
  it('normalises DOIs', () => {
    expect(normalizeDoi('https://doi.org/10.1101/2020.03.09.984856').doi).toBe('10.1101/2020.03.09.984856');
    expect(normalizeDoi('doi: 10.1016/S0140-6736(20)30183-5').doi).toBe('10.1016/s0140-6736(20)30183-5');
    expect(normalizeDoi('10.1016/ j.jcv .2004').doi).toBe('10.1016/j.jcv.2004');
    expect(normalizeDoi('10.231/jim.0b013e318250871d')).toMatchObject({ doi: null, malformed: true });
    expect(normalizeDoi('  ')).toMatchObject({ doi: null, raw: null, malformed: false });
  });

  it('reads publish dates with their precision', () => {
    expect(parsePublishDate('2020')).toEqual({ iso: '2020', precision: 'year', raw: '2020' });
    expect(parsePublishDate('2020 Mar 12')).toEqual({ iso: '2020-03-12', precision: 'day', raw: '2020 Mar 12' });
    expect(parsePublishDate('2020 Mar')?.iso).toBe('2020-03');
    expect(parsePublishDate('2020-02-30')).toBeNull();
    expect(parsePublishDate('spring 2020')).toBeNull();
  });

  it('leaves a "<" that opens no tag alone', () => {
    expect(stripMarkup('p<0.05 and a <b>bold</b> claim, <unknown> kept').value).toBe('p<0.05 and a bold claim, <unknown> kept');
    expect(stripMarkup('<jats:p>One</jats:p><jats:p>two</jats:p>').value).toBe('One two');
  });
});

describe('cord19 short rows', () => {
  it('refuses a row cut short, naming its line and the first missing column', () => {
    const text = fixtureText('id-date-small.csv');
    const cut = text.slice(0, text.length - 30);
    let err: unknown;
    try {
      parseCord19([{ fileId: 'id-date', name: 'cut.csv', text: cut }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SourceFormatError);
    const e = err as SourceFormatError;
    expect([e.file, e.line, e.column]).toEqual(['cut.csv', 9, 'pmcid']);
  });
});
