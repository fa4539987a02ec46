import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Integration tests spawn processes and open real SQLite files; two cores here.
    pool: 'forks',
    // Vitest's default is one worker per core less one: a single worker here, and most of a
    // file's time is spent waiting on child processes, SQLite fsyncs and loopback servers.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
