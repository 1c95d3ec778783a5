import { describe, expect, it } from 'vitest';
import { AlignmentError, alignToReference, indexReference } from './align.js';
import { callNucChanges } from './mutations.js';
import { deleteAt, insertAfter, randomGenome, substitute } from './test-helpers.js';

const REF = randomGenome(6000, 7);
const index = indexReference(REF);

function changes(query: string) {
  const al = alignToReference(query, index);
  return { al, ...callNucChanges(al, index.codes) };
}

/** A position from `near` on where a deletion of `len` bases has one placement only (its flanks differ from the bases it removes). */
function unambiguousDeletion(near: number, len: number): number {
  for (let s = near; ; s++) if (REF[s - 2] !== REF[s + len - 2] && REF[s - 1] !== REF[s + len - 1]) return s;
}

describe('alignToReference + callNucChanges', () => {
  it('an identical genome: no changes, everything covered', () => {
    const r = changes(REF);
    expect(r.al.start).toBe(1);
    expect(r.al.end).toBe(6000);
    expect(r.substitutions).toEqual([]);
    expect(r.deletions).toEqual([]);
    expect(r.al.insertions).toEqual([]);
    expect(r.missing).toEqual([]);
  });

  it('a substitution is called at its reference position', () => {
    const alt = REF[1233] === 'A' ? 'G' : 'A';
    const r = changes(substitute(REF, 1234, alt));
    expect(r.substitutions).toEqual([{ pos: 1234, ref: REF[1233], alt }]);
    expect(r.deletions).toEqual([]);
  });

  it('a deletion is one event with its start and length', () => {
    const s = unambiguousDeletion(2001, 6);
    const r = changes(deleteAt(REF, s, 6));
    expect(r.deletions).toEqual([{ start: s, length: 6 }]);
    expect(r.substitutions).toEqual([]);
    expect(r.al.insertions).toEqual([]);
  });

  it('an insertion is reported after its reference position', () => {
    const pos = 3000;
    const ins = REF[pos - 1] === 'T' || REF[pos] === 'T' ? 'CCCCC' : 'TTTTT';
    // Make sure the inserted letter differs from both flanks, so there is a single placement.
    expect(REF[pos - 1]).not.toBe(ins[0]);
    expect(REF[pos]).not.toBe(ins[0]);
    const r = changes(insertAfter(REF, pos, ins));
    expect(r.al.insertions).toEqual([{ pos, seq: ins }]);
    expect(r.deletions).toEqual([]);
    expect(r.substitutions).toEqual([]);
  });

  it('substitution, deletion and insertion together, with ends unsequenced', () => {
    const d = unambiguousDeletion(4000, 3);
    let q = deleteAt(REF, d, 3);
    q = substitute(q, 2500, REF[2499] === 'C' ? 'T' : 'C');
    q = insertAfter(q, 1500, REF[1499] === 'G' || REF[1500] === 'G' ? 'AAA' : 'GGG');
    q = q.slice(120, q.length - 80); // query starts at reference base 121 and stops 80 bases early
    const r = changes(q);
    expect(r.al.start).toBe(121);
    expect(r.al.end).toBe(6000 - 80);
    expect(r.missing).toEqual([
      { start: 1, end: 120 },
      { start: 6000 - 80 + 1, end: 6000 },
    ]);
    expect(r.deletions).toEqual([{ start: d, length: 3 }]);
    expect(r.substitutions.map((s) => s.pos)).toEqual([2500]);
    expect(r.al.insertions.map((i) => [i.pos, i.seq.length])).toEqual([[1500, 3]]);
  });

  it('leading Ns are missing data, not deletions; N and ambiguity codes are never substitutions', () => {
    let q = 'N'.repeat(50) + REF.slice(50);
    q = substitute(q, 700, 'N');
    const amb = REF[899] === 'A' || REF[899] === 'G' ? 'R' : 'Y';
    q = substitute(q, 900, amb);
    const r = changes(q);
    expect(r.deletions).toEqual([]);
    expect(r.substitutions).toEqual([]);
    expect(r.missing).toEqual([
      { start: 1, end: 50 },
      { start: 700, end: 700 },
    ]);
    expect(r.mixedSites).toEqual([{ pos: 900, code: amb }]);
    expect(r.nInAlignment).toBe(51);
  });

  it('a sequence sharing no seed with the reference is refused', () => {
    expect(() => alignToReference(randomGenome(3000, 99), index)).toThrow(AlignmentError);
  });
});

describe('alignment edge cases', () => {
  it('query bases before the reference start are overhang, not insertions', () => {
    const extra = 'GATTACAGATTACA';
    const al = alignToReference(extra + REF.slice(0, 5000), index);
    expect(al.start).toBe(1);
    expect(al.end).toBe(5000);
    expect(al.overhang).toBe(extra.length);
    expect(al.insertions).toEqual([]);
  });

  it('a long N run with a deletion hidden in it: no anchor inside, still aligned without spurious changes', () => {
    const d = unambiguousDeletion(3000, 4);
    let q = deleteAt(REF, d, 4);
    q = q.slice(0, 2500) + 'N'.repeat(1000) + q.slice(3500);
    const r = changes(q);
    expect(r.substitutions).toEqual([]);
    expect(r.deletions.reduce((s, x) => s + x.length, 0)).toBe(4);
    // 1000 Ns stand for 1004 reference bases: the 4-base deletion falls somewhere inside the N run.
    expect(r.missing.reduce((s, x) => s + x.end - x.start + 1, 0)).toBe(1000);
    expect(r.deletions[0]!.start).toBeGreaterThanOrEqual(2501);
    expect(r.deletions[0]!.start + 3).toBeLessThanOrEqual(3504);
  });
});
