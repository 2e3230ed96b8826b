import os from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { LATENCY_FILES, OWN_PROCESS_FILES } from './test/run-groups.ts';
import { LongestFirst } from './test/run-order.ts';

// Much of a file's time is spent waiting (servers, child processes, long-polls, browsers): with one
// file per core a 2-core machine kept 1.27 cores busy (568 s of CPU in a 447 s run); one more file
// than cores, 1.38 (565 s in 409 s), and every test kept well inside its time limit (2026-12-07,
// README "Tests"). The projects of group 1 run side by side within that limit.
const ONE_MORE_FILE_THAN_CORES = { maxWorkers: os.availableParallelism() + 1, sequence: { groupOrder: 1 } };

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/helpers/bundle-global-setup.ts', 'test/helpers/postgres-global-setup.ts'],
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'latency', include: LATENCY_FILES, maxWorkers: 2, sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'parallel',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...LATENCY_FILES, ...OWN_PROCESS_FILES],
          isolate: false,
          ...ONE_MORE_FILE_THAN_CORES,
        },
      },
      { extends: true, test: { name: 'own-process', include: OWN_PROCESS_FILES, ...ONE_MORE_FILE_THAN_CORES } },
    ],
  },
});
