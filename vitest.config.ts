import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most of a test file's time is spent waiting (servers, child processes, long-polls, browsers)
    // rather than computing, yet vitest's default (cores − 1) runs a 2-core machine one file at a
    // time: one file more than there are cores keeps both busy. VITEST_MAX_WORKERS overrides it.
    maxWorkers: os.availableParallelism() + 1,
  },
});
