import { describe, expect, it } from 'vitest';
import { seededUint32, shuffleInPlace, uniformInt } from './prng.js';

/** A source returning the given values in turn (then fails the test). */
function fixed(values: number[]): () => number {
  let k = 0;
  return () => {
    if (k >= values.length) throw new Error('source exhausted');
    return values[k++];
  };
}

describe('seededUint32 (MT19937, init_genrand seeding)', () => {
  // References, independent of stdlib: numpy's MT19937 with legacy (init_genrand) seeding,
  //   b = np.random.MT19937(); b._legacy_seeding(seed); b.random_raw(3)
  // and C++ std::mt19937, whose default seed 5489 must give 4123659995 as its 10000th output ([rand.predef]).
  it.each([
    [0, [2357136044, 2546248239, 3071714933]],
    [5489, [3499211612, 581869302, 3890346734]],
    [4294967295, [419326371, 479346978, 3918654476]],
  ])('seed %i gives the reference stream', (seed, expected) => {
    const next = seededUint32(seed);
    expect([next(), next(), next()]).toEqual(expected);
  });

  it('10000th output of seed 5489 is 4123659995', () => {
    const next = seededUint32(5489);
    let v = 0;
    for (let i = 0; i < 10000; i++) v = next();
    expect(v).toBe(4123659995);
  });

  it('seed 0 stays right past the first twist (numpy: values 625 and 1000)', () => {
    // b = np.random.MT19937(); b._legacy_seeding(0); r = b.random_raw(1000); r[624], r[999]
    const next = seededUint32(0);
    const xs = Array.from({ length: 1000 }, () => next());
    expect([xs[624], xs[999]]).toEqual([341544762, 3043451800]);
  });
});

describe('uniformInt', () => {
  it('is r mod n below the largest multiple of n under 2^32', () => {
    expect(uniformInt(fixed([10]), 3)).toBe(1);
    expect(uniformInt(fixed([4294967294]), 3)).toBe(4294967294 % 3);
  });

  it('redraws values at or above the largest multiple of n (no bias)', () => {
    // n = 3: floor(2^32 / 3) · 3 = 4294967295, so 4294967295 is redrawn.
    expect(uniformInt(fixed([4294967295, 7]), 3)).toBe(1);
    // n = 5: floor(2^32 / 5) · 5 = 4294967295; n = 2^32 − 1 rejects only 4294967295 too.
    expect(uniformInt(fixed([4294967295, 4294967295, 4]), 5)).toBe(4);
    // n = 2: 2^32 is a multiple, nothing is redrawn.
    expect(uniformInt(fixed([4294967295]), 2)).toBe(1);
  });
});

describe('shuffleInPlace', () => {
  it('is Fisher–Yates from the end (hand-worked)', () => {
    // i = 3: j = 9 mod 4 = 1 → swap 3,1: [a, d, c, b]; i = 2: j = 5 mod 3 = 2 → no swap;
    // i = 1: j = 4 mod 2 = 0 → swap 1,0: [d, a, c, b].
    const a = ['a', 'b', 'c', 'd'];
    shuffleInPlace(a, fixed([9, 5, 4]));
    expect(a).toEqual(['d', 'a', 'c', 'b']);
  });

  it('gives a permutation', () => {
    const next = seededUint32(42);
    for (let n = 0; n < 30; n++) {
      const a = Array.from({ length: n }, (_, i) => i);
      shuffleInPlace(a, next);
      expect(a.slice().sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });
});
