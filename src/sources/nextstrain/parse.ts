import { gunzipSync } from 'node:zlib';
import type { SourceInputFile } from '../../domain/series.js';
import type { ParsedSequences, ReferenceGenome } from '../../domain/sequences.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { IssueLog } from '../kit/issue-log.js';
import { parseClades } from './clades.js';
import { parseFasta } from './fasta.js';
import { parseGff, parseLatLongs, parseMetadata } from './tables.js';

/** The decoded text of a file; gzip bytes are gunzipped here too when the runner has not. */
export function textOf(file: SourceInputFile): string {
  const b = file.bytes;
  if (b && b.length > 2 && b[0] === 0x1f && b[1] === 0x8b) return gunzipSync(b).toString('utf8');
  return file.text;
}

export function parseReference(text: string, file: string): ReferenceGenome {
  const recs = parseFasta(text, file);
  if (recs.length !== 1) throw new SourceFormatError(`reference must hold one FASTA record (found ${recs.length})`, file, recs[1]?.line ?? 1);
  const r = recs[0]!;
  const bad = /[^ACGT]/.exec(r.sequence);
  if (bad) throw new SourceFormatError(`reference ${r.name} holds "${bad[0]}" at base ${bad.index + 1}; only A, C, G, T are accepted`, file, r.line);
  return { name: r.name, sequence: r.sequence };
}

/** Parses every file of the source (by fileId); sequences, metadata and reference are required. */
export function parseNextstrain(files: SourceInputFile[]): ParsedSequences {
  const byId = new Map(files.map((f) => [f.fileId, f]));
  const need = (id: string): SourceInputFile => {
    const f = byId.get(id);
    if (!f) throw new SourceFormatError(`the "${id}" file is required`, id);
    return f;
  };
  const issues: ValidationIssue[] = [];

  const seqFile = need('sequences');
  const seqLog = new IssueLog(seqFile.name);
  const sequences = new Map<string, string>();
  const seqLine = new Map<string, number>();
  for (const rec of parseFasta(textOf(seqFile), seqFile.name)) {
    if (rec.invalid) {
      seqLog.add('unparseable_cell', `sequence ${rec.name} holds "${rec.invalid.char}" (line ${rec.invalid.line}, column ${rec.invalid.column}), not an IUPAC nucleotide code; the sequence is left out`, rec.invalid.line);
      continue;
    }
    const first = seqLine.get(rec.name);
    if (first !== undefined) {
      seqLog.add('duplicate_row', `sequence ${rec.name} is listed again (first at line ${first}); the first is kept`, rec.line);
      continue;
    }
    seqLine.set(rec.name, rec.line);
    sequences.set(rec.name, rec.sequence);
  }

  const metaFile = need('metadata');
  const metaLog = new IssueLog(metaFile.name);
  const records = parseMetadata(textOf(metaFile), metaFile.name, metaLog);
  const inMeta = new Set<string>();
  for (const r of records) {
    inMeta.add(r.strain);
    r.hasSequence = sequences.has(r.strain);
    if (!r.hasSequence) metaLog.tally('row_skipped', 'strain', r.line, r.strain, 'have no sequence in the FASTA file; kept without analysis');
  }
  for (const [name, line] of seqLine) {
    if (!inMeta.has(name)) seqLog.tally('row_skipped', 'strain', line, name, 'are sequences without a metadata row; kept, analysed without metadata');
  }

  const refFile = need('reference');
  const reference = parseReference(textOf(refFile), refFile.name);

  const gff = byId.get('annotation');
  const annotation = gff ? parseGff(textOf(gff), gff.name) : [];
  for (const g of annotation) {
    if (g.end > reference.sequence.length) throw new SourceFormatError(`gene ${g.name} ends at ${g.end}, beyond the reference (${reference.sequence.length} bases)`, gff!.name, g.line);
  }
  const cladeFile = byId.get('clades');
  const clades = cladeFile ? parseClades(textOf(cladeFile), cladeFile.name) : [];
  if (cladeFile) {
    const genes = new Set(annotation.map((g) => g.name));
    const cladeLog = new IssueLog(cladeFile.name);
    for (const c of clades) {
      for (const s of c.own) {
        if (s.kind === 'nuc' && s.pos > reference.sequence.length) throw new SourceFormatError(`clade ${c.name}: site ${s.pos} is beyond the reference (${reference.sequence.length} bases)`, cladeFile.name, c.line, 'site');
        if (s.kind === 'aa' && !genes.has(s.gene)) cladeLog.add('unparseable_cell', `clade ${c.name} names gene ${s.gene}, which the annotation does not have; that site can never match`, c.line, 'gene');
      }
    }
    issues.push(...cladeLog.issues());
  }
  const ll = byId.get('lat-longs');
  const llLog = ll ? new IssueLog(ll.name) : null;
  const places = ll ? parseLatLongs(textOf(ll), ll.name, llLog!) : [];

  issues.push(...seqLog.issues(), ...metaLog.issues(), ...(llLog ? llLog.issues() : []));
  return { records, sequences, reference, annotation, clades, places, issues };
}
