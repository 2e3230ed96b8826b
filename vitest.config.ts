import os from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { LATENCY_FILES, OWN_PROCESS_FILES } from './test/run-groups.ts';
import { LongestFirst } from './test/run-order.ts';

// Much of a file's time is spent waiting (servers, child processes, long-polls, browsers), yet
// vitest's default (cores − 1) runs a 2-core machine one file at a time. One file per core: a third
// on 2 cores ran out of CPU on a busy machine (tests timed out at 30 s). The two projects of group 1
// run side by side within that limit.
const ONE_FILE_PER_CORE = { maxWorkers: os.availableParallelism(), sequence: { groupOrder: 1 } };

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
          ...ONE_FILE_PER_CORE,
        },
      },
      { extends: true, test: { name: 'own-process', include: OWN_PROCESS_FILES, ...ONE_FILE_PER_CORE } },
    ],
  },
});
