import { heldV8Flag } from '../lib/v8-flag.js';

/**
 * V8 13.x to 14.5 (Node 24 and 25; not Node 22's 12.4, nor Node 26's 14.6) optimize PostgreSQL's
 * SQL parser in PGlite's WebAssembly (`raw_parser`, 105 KB of code: bison's parser with the
 * grammar's actions inlined) with about 600 MB of compiler memory: `--turbo-stats-wasm` puts
 * 598 MB in Turboshaft's first phase, against 25 MB on Node 22 and 27 MB on Node 26. The
 * parser becomes hot as the database opens, so on Node 24 any process that opens PGlite peaked
 * at 812 MB RSS, doing nothing else (PGlite 0.5.16, 0.5.17 and 0.6.1 alike); Node 22: 315 MB.
 * Measured on 13.6 and 14.1 (costly) and 12.4 and 14.6 (not); the versions between are assumed.
 * src/store/README.md, "PGlite on Node 24".
 */
export function parserTierUpCostly(v8Version: string = process.versions.v8): boolean {
  const [major, minor] = v8Version.split('.').map(Number);
  return major === 13 || (major === 14 && minor < 6);
}

/** A function index no module has: with `--wasm-tier-up-filter` set to it, no function compiled meanwhile will tier up. */
const NO_FUNCTION = 2 ** 31 - 1;

/**
 * Runs `work` with V8's wasm tier-up held back from every function first called meanwhile: V8
 * compiles a function's baseline code (Liftoff) at its first call, with the check that later
 * optimizes it only if `--wasm-tier-up-filter` is then -1 (every function) or that function. So
 * around the first SQL statement an opened PGlite runs, the parser (and the few functions only
 * that statement calls first) keeps its baseline code for good, and every function first called
 * later is optimized as usual. The flag is process-wide: another PGlite in this process that
 * calls a function for the first time meanwhile leaves it unoptimized too (it is only slower).
 */
export const withoutTierUp = heldV8Flag(`--wasm-tier-up-filter=${NO_FUNCTION}`, '--wasm-tier-up-filter=-1').run;
