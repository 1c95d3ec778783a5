import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { nextstrainConnector } from './index.js';
import { manifest } from './manifest.js';
import { parseNextstrain } from './parse.js';

const FIX = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

function fixture(fileId: string, name: string): SourceInputFile {
  const p = path.join(FIX, name);
  return { fileId, name: p, text: readFileSync(p, 'utf8') };
}

/** The real files as the runner gives them: bytes gunzipped, text decoded. */
function realFiles(): SourceInputFile[] {
  return manifest.files.map((f) => {
    const p = dataPath(f.mirror[0]!);
    const raw = readFileSync(p);
    const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
    return { fileId: f.id, name: p, text: bytes.toString('utf8'), bytes };
  });
}

const fixtures = (over: Partial<Record<string, string>> = {}): SourceInputFile[] => {
  const names: Record<string, string> = { sequences: 'sequences.fasta', metadata: 'metadata.tsv', reference: 'reference.fasta', annotation: 'annotation.gff', clades: 'clades.tsv', 'lat-longs': 'lat_longs.tsv', ...over };
  return Object.entries(names).map(([id, n]) => fixture(id, n!));
};

describe('nextstrain-ncov on the real files (counts from an independent reader)', () => {
  const files = realFiles();
  const parsed = nextstrainConnector.parse(files);
  const text = (id: string) => files.find((f) => f.fileId === id)!.text;
  const dataLines = (t: string) => t.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));

  it('every FASTA record, every metadata row, joined by strain', () => {
    const headers = text('sequences').split('\n').filter((l) => l.startsWith('>'));
    expect(headers).toHaveLength(418);
    expect(parsed.sequences.size).toBe(headers.length);
    const metaRows = dataLines(text('metadata')).slice(1);
    expect(metaRows).toHaveLength(418);
    expect(parsed.records).toHaveLength(metaRows.length);
    expect(parsed.records.every((r) => r.hasSequence)).toBe(true);
    expect(new Set(parsed.records.map((r) => r.strain))).toEqual(new Set(headers.map((h) => h.slice(1).trim())));
    // Total bases: the FASTA's non-header characters.
    const bases = text('sequences').split('\n').filter((l) => !l.startsWith('>')).join('').trim().length;
    expect([...parsed.sequences.values()].reduce((s, x) => s + x.length, 0)).toBe(bases);
  });

  it('metadata values: hosts normalised, dates, accessions, missing markers', () => {
    const cells = dataLines(text('metadata')).map((l) => l.split('\t'));
    const h = cells[0]!;
    const col = (name: string) => h.indexOf(name);
    const humanRows = cells.slice(1).filter((c) => c[col('host')] === 'Human').length;
    expect(humanRows).toBe(2);
    const homo = cells.slice(1).filter((c) => c[col('host')] === 'Homo sapiens').length;
    expect(parsed.records.filter((r) => r.host === 'Homo sapiens')).toHaveLength(homo + humanRows);
    expect(parsed.records.filter((r) => r.hostRaw === 'Human')).toHaveLength(humanRows);
    const repaired = parsed.issues.find((i) => i.code === 'repaired' && i.column === 'host');
    expect(repaired?.count).toBe(humanRows);
    const first = parsed.records[0]!;
    expect(first).toMatchObject({ strain: cells[1]![0], date: cells[1]![col('date')], datePrecision: 'day', accessions: { genbank: cells[1]![col('genbank_accession')], gisaid: null }, age: null, sex: null });
    expect(parsed.records.filter((r) => r.datePrecision === 'day')).toHaveLength(cells.slice(1).filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c[col('date')]!)).length);
    const withAge = cells.slice(1).filter((c) => c[col('age')] !== '?');
    expect(parsed.records.filter((r) => r.age !== null).map((r) => r.age)).toEqual(withAge.map((c) => Number(c[col('age')])));
  });

  it('reference, annotation, clades and lat-longs', () => {
    const ref = text('reference').split('\n').filter((l) => !l.startsWith('>')).join('').trim();
    expect(parsed.reference.name).toBe('MN908947');
    expect(parsed.reference.sequence).toBe(ref);
    expect(parsed.reference.sequence).toHaveLength(29903);
    const gffGenes = dataLines(text('annotation')).filter((l) => l.split('\t')[2] === 'gene');
    expect(parsed.annotation).toHaveLength(gffGenes.length);
    expect(parsed.annotation.find((g) => g.name === 'S')).toMatchObject({ start: 21563, end: 25384, strand: '+' });
    const cladeRows = dataLines(text('clades')).slice(1).map((l) => l.split('\t'));
    expect(parsed.clades.map((c) => c.name)).toEqual([...new Set(cladeRows.map((c) => c[0]))]);
    const ownCount = cladeRows.filter((c) => c[1] !== 'clade').length;
    expect(parsed.clades.reduce((s, c) => s + c.own.length, 0)).toBe(ownCount);
    expect(parsed.clades.find((c) => c.name === '20A')).toMatchObject({ parent: '19A', depth: 1 });
    // 20A: 19A's 8782C kept, 14408 overridden to T, 23403G added.
    expect(parsed.clades.find((c) => c.name === '20A')!.sites.map((s) => `${s.pos}${s.alt}`).sort()).toEqual(['14408T', '23403G', '8782C']);
    const ll = dataLines(text('lat-longs')).map((l) => l.split('\t'));
    const distinct = new Set(ll.map((c) => `${c[0]}|${c[1]}`));
    expect(parsed.places).toHaveLength(distinct.size);
    expect(parsed.issues.filter((i) => i.code === 'duplicate_row')).toHaveLength(ll.length - distinct.size);
  });

  it('the manifest names the upstream files at the pinned commit and their mirror paths', () => {
    for (const f of manifest.files) {
      expect(f.url).toMatch(/^https:\/\/raw\.githubusercontent\.com\/nextstrain\/ncov\/5993a7421ea707d4ca5262adcfe944027dc8620c\//);
      expect(f.mirror[0]!.startsWith('sequences/nextstrain-ncov/')).toBe(true);
    }
    expect(nextstrainConnector.kind).toBe('sequences');
    expect(manifest.metrics).toEqual([]);
  });

  it('the metadata has no clade column (no published clade to compare with)', () => {
    expect(text('metadata').split('\n')[0]!.split('\t').some((c) => /clade/i.test(c))).toBe(false);
  });
});

describe('nextstrain-ncov fixtures', () => {
  it('a valid small set: join both ways reported, not fatal', () => {
    const p = parseNextstrain(fixtures());
    expect([...p.sequences.keys()]).toEqual(['s1', 's2', 's4']);
    expect(p.sequences.get('s2')![50]).toBe('T'); // upper-cased
    expect(p.records.map((r) => [r.strain, r.hasSequence, r.date, r.datePrecision, r.host])).toEqual([
      ['s1', true, '2020-03-05', 'day', 'Homo sapiens'],
      ['s2', true, '2020-03-01', 'month', 'Homo sapiens'],
      ['s3', false, '2020-01-01', 'year', 'Mustela lutreola'],
    ]);
    const skipped = p.issues.filter((i) => i.code === 'row_skipped');
    expect(skipped.map((i) => [path.basename(i.file!), i.count])).toEqual([
      ['sequences.fasta', 1],
      ['metadata.tsv', 1],
    ]);
    expect(skipped[0]!.message).toContain('s4');
    expect(skipped[1]!.message).toContain('s3');
    expect(p.clades.map((c) => [c.name, c.depth, c.sites.length])).toEqual([
      ['A', 0, 1],
      ['B', 1, 2],
    ]);
    expect(p.annotation).toEqual([{ name: 'G1', start: 31, end: 60, strand: '+', segments: [{ start: 31, end: 60 }], line: 2 }]);
    expect(p.places.map((x) => x.name)).toEqual(['France', 'China']);
    expect(p.issues.some((i) => i.code === 'unparseable_cell' && i.file!.endsWith('lat_longs.tsv'))).toBe(true);
  });

  it('a FASTA cut after a header refuses the file, naming file and line', () => {
    expect(() => parseNextstrain(fixtures({ sequences: 'truncated.fasta' }))).toThrow(SourceFormatError);
    expect(() => parseNextstrain(fixtures({ sequences: 'truncated.fasta' }))).toThrow(/truncated\.fasta, line 5: record "s3" has no sequence/);
    expect(() => parseNextstrain(fixtures({ sequences: 'two-headers.fasta' }))).toThrow(/two-headers\.fasta, line 1: record "s1" has no sequence/);
  });

  it('a sequence with a character outside IUPAC is left out with a warning naming line and column', () => {
    const p = parseNextstrain(fixtures({ sequences: 'non-iupac.fasta' }));
    expect([...p.sequences.keys()]).toEqual(['s1']);
    const w = p.issues.find((i) => i.code === 'unparseable_cell' && i.file!.endsWith('non-iupac.fasta'))!;
    expect(w.message).toMatch(/sequence s2 holds "X" \(line 4, column 31\)/);
    expect(w.line).toBe(4);
    expect(p.records.find((r) => r.strain === 's2')!.hasSequence).toBe(false);
  });

  it('clades with a cycle or an unknown parent refuse the file, naming file and line', () => {
    expect(() => parseNextstrain(fixtures({ clades: 'clades-cycle.tsv' }))).toThrow(/clades-cycle\.tsv, line \d+, column "site": clade parents form a cycle/);
    expect(() => parseNextstrain(fixtures({ clades: 'clades-unknown-parent.tsv' }))).toThrow(/clades-unknown-parent\.tsv, line 5, column "site": clade B: unknown parent clade "X9"/);
  });

  it('a cut metadata row refuses the file; required files must be there', () => {
    expect(() => parseNextstrain(fixtures({ metadata: 'metadata-short-row.tsv' }))).toThrow(/metadata-short-row\.tsv, line 3: row has 3 cells, the header 13/);
    expect(() => parseNextstrain(fixtures().filter((f) => f.fileId !== 'reference'))).toThrow(/"reference" file is required/);
  });

  it('gzip bytes are read even when the runner has not decoded them', () => {
    const real = dataPath('sequences/nextstrain-ncov/data/example_sequences.fasta.gz');
    const files = fixtures().map((f) => (f.fileId === 'sequences' ? { fileId: 'sequences', name: real, text: '', bytes: readFileSync(real) } : f));
    expect(parseNextstrain(files).sequences.size).toBe(418);
  });
});
