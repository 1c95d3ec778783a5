import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores, three workers (for both projects together): a worker waiting on another's fixture
    // build, on PostgreSQL, Chromium or a child process leaves its core to the others. Whole suite,
    // Node 24, fresh fixtures, under others' load 6-9 (2026-12-07): 596 s with three workers against
    // 772 s with two (that run also without the lazy CLI commands and the shared research fixture:
    // 735 s of CPU against 700 s), all passed both times.
    maxWorkers: 3,
    projects: [
      {
        // The unit tests of src/ and web/src/ run unisolated: one module graph per worker, not one
        // per file. They pass and fail the same tests either way, with about a third less CPU
        // (user+sys 185 s against 268 s for the 114 files on 2026-12-07, load 5-14). The global
        // setup gives their empty PGlite databases too as copies of one (test/databases.ts).
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'], isolate: false, globalSetup: ['test/global-setup.ts'] },
      },
      {
        // The cross-module suites, each file in its own module graph (they set module state:
        // limits, clocks). Fixtures several of them share are built once per run (test/fixture-cache.ts).
        extends: true,
        test: { name: 'suites', include: ['test/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] },
      },
    ],
  },
});
