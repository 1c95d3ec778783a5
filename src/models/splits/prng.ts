/**
 * The seeded randomness of the split builder: the 32-bit Mersenne Twister (MT19937) of
 * `@stdlib/random-base-mt19937` (pinned), an unbiased integer draw on top of it, and Fisher–Yates.
 */
import mt19937 from '@stdlib/random-base-mt19937';

const N = 624;
/** Offset of the state words in stdlib's state array: | version | sections | N | ...state | … */
const STATE_SECTION = 3;
/** Offset of the seed section's length: … | other length | state index | seed length | ...seed |. */
const SEED_SECTION = N + 5;

/**
 * A generator of uint32 values seeded as MT19937's reference `init_genrand(seed)`, for any seed in
 * 0 .. 2^32 − 1. stdlib refuses the seed 0 (it wants a positive integer), so for 0 the state
 * `init_genrand(0)` makes is written into a generator directly (stdlib's state array, schema
 * version 1); the test checks the first outputs against the reference values (std::mt19937).
 */
export function seededUint32(seed: number): () => number {
  if (seed !== 0) return mt19937.factory({ seed });
  const rand = mt19937.factory({ seed: 1 });
  const state = rand.state;
  let s = 0;
  state[STATE_SECTION] = 0;
  for (let i = 1; i < N; i++) {
    s = state[STATE_SECTION + i - 1];
    s = (s ^ (s >>> 30)) >>> 0;
    state[STATE_SECTION + i] = (Math.imul(s, 1812433253) + i) >>> 0;
  }
  // The state index (N: twist before the first output) is as a fresh generator has it.
  state[SEED_SECTION + 1] = 0;
  rand.state = state;
  return rand;
}

/**
 * A uniform integer in 0 .. n − 1 (n ≤ 2^32) by rejection: draws at or above the largest multiple
 * of n below 2^32 are redrawn, so that no value is favoured (`floor(u · n)` would be, slightly).
 */
export function uniformInt(next: () => number, n: number): number {
  const limit = Math.floor(4294967296 / n) * n;
  for (;;) {
    const r = next();
    if (r < limit) return r % n;
  }
}

/** Fisher–Yates (Durstenfeld), in place, from the last element down: the same draws give the same order. */
export function shuffleInPlace<T>(a: T[], next: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = uniformInt(next, i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
