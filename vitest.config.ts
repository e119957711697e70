import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // Property runs are CPU-bound: one fork per core, generous timeouts, no timing assertions.
    pool: 'forks',
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
