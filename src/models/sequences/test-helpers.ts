import type { GeneAnnotation } from '../../domain/sequences.js';

/** Deterministic pseudo-random genome (mulberry32), for tests with known answers. */
export function randomGenome(length: number, seed: number): string {
  let a = seed >>> 0;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let s = '';
  for (let i = 0; i < length; i++) s += 'ACGT'[Math.floor(rnd() * 4)];
  return s;
}

/** Replaces the base at 1-based `pos`. */
export function substitute(seq: string, pos: number, base: string): string {
  return seq.slice(0, pos - 1) + base + seq.slice(pos);
}

/** Removes `length` bases from 1-based `start`. */
export function deleteAt(seq: string, start: number, length: number): string {
  return seq.slice(0, start - 1) + seq.slice(start - 1 + length);
}

/** Inserts `ins` after 1-based position `pos`. */
export function insertAfter(seq: string, pos: number, ins: string): string {
  return seq.slice(0, pos) + ins + seq.slice(pos);
}

export function gene(name: string, start: number, end: number): GeneAnnotation {
  return { name, start, end, strand: '+', segments: [{ start, end }], line: 1 };
}
