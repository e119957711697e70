import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `kd-verify` imported by the examples and fixtures resolves to the sources (the package's
  // "kd-verify-source" export condition), never to a build in dist/; then vite's defaults.
  ssr: { resolve: { conditions: ['kd-verify-source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    setupFiles: ['./test/setup-mpfr.ts'],
    // the CLI the tests spawn runs compiled (dist/, built here when the sources changed)
    globalSetup: ['./test/compile-cli.ts'],
    // Property runs are CPU-bound: one fork per core (vitest's own default leaves one core idle),
    // generous timeouts, no timing assertions.
    pool: 'forks',
    maxWorkers: Math.max(1, availableParallelism()),
    isolate: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
