// Test runner configuration. fast-check gets a fixed seed (FC_SEED overrides it) in test/setup.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts', 'vectors/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/build-once.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest defaults to cores − 1 workers: one on the 2-core machines this runs on.
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
