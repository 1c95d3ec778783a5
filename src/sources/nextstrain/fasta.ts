import { SourceFormatError } from '../../domain/validation.js';

/** One FASTA record: name = the header's first word. */
export interface FastaRecord {
  name: string;
  /** The full header line without `>`. */
  header: string;
  /** Upper case, whitespace removed. */
  sequence: string;
  /** Line of the header (1-based). */
  line: number;
  /** The first character outside `alphabet`, if any: its line, column (1-based) and the character. */
  invalid: { line: number; column: number; char: string } | null;
}

const IUPAC = new Uint8Array(128);
for (const ch of 'ACGTURYKMSWBDHVN-') IUPAC[ch.charCodeAt(0)] = 1;

/**
 * Reads FASTA text. A first non-blank line that is not a header, a header without a name, or a
 * record without sequence (two headers in a row, or a header at the end of a cut file) throws
 * SourceFormatError naming the line. Characters outside IUPAC nucleotide codes and `-` do not
 * throw: the record carries the first one in `invalid` (the caller decides).
 */
export function parseFasta(text: string, file: string): FastaRecord[] {
  const lines = text.split('\n');
  const out: FastaRecord[] = [];
  let cur: { name: string; header: string; line: number; parts: string[]; invalid: FastaRecord['invalid'] } | null = null;
  const finish = (): void => {
    if (!cur) return;
    const sequence = cur.parts.join('');
    if (sequence.length === 0) throw new SourceFormatError(`record "${cur.name}" has no sequence (file cut after its header, or two headers in a row)`, file, cur.line);
    out.push({ name: cur.name, header: cur.header, sequence, line: cur.line, invalid: cur.invalid });
  };
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    if (l.endsWith('\r')) l = l.slice(0, -1);
    if (i === 0 && l.charCodeAt(0) === 0xfeff) l = l.slice(1);
    if (l.startsWith('>')) {
      finish();
      const header = l.slice(1).trim();
      const name = header.split(/\s+/)[0] ?? '';
      if (name === '') throw new SourceFormatError('FASTA header without a name', file, i + 1);
      cur = { name, header, line: i + 1, parts: [], invalid: null };
      continue;
    }
    const t = l.trim();
    if (t === '') continue;
    if (!cur) throw new SourceFormatError('not FASTA: the first line is not a ">" header', file, i + 1);
    const up = t.toUpperCase();
    if (!cur.invalid) {
      for (let k = 0; k < up.length; k++) {
        const c = up.charCodeAt(k);
        if (c >= 128 || IUPAC[c] === 0) {
          cur.invalid = { line: i + 1, column: l.indexOf(t) + k + 1, char: t[k]! };
          break;
        }
      }
    }
    cur.parts.push(up.replace(/\s+/g, ''));
  }
  finish();
  return out;
}
