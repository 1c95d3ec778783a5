import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Big ingests are CPU-bound; two cores, so two workers (for both projects together).
    maxWorkers: 2,
    projects: [
      {
        // The unit tests of src/ and web/src/ run unisolated: one module graph per worker, not one
        // per file. They pass and fail the same tests either way, with about a third less CPU
        // (user+sys 185 s against 268 s for the 114 files on 2026-12-07, load 5-14).
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'], isolate: false },
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
