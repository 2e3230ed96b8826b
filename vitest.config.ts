import os from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { LATENCY_FILES, OWN_PROCESS_FILES } from './test/run-groups.ts';
import { LongestFirst } from './test/run-order.ts';

// Much of a file's time is spent waiting (servers, child processes, long-polls, browsers), so more
// files run at once than there are cores. On a 2-core machine (2026-12-08, README "Tests"): the
// latency files took 66 s two at a time, 53 s three at a time (in shared processes; 83 s in one
// each); the whole run 352 s with the rest three files at once, 323 s four at once, 341 s five at
// once (its CPU up by contention), and every test stayed well inside its time limit at four. The
// projects of group 1 run side by side within that limit.
const TWO_MORE_FILES_THAN_CORES = { maxWorkers: os.availableParallelism() + 2, sequence: { groupOrder: 1 } };

/** Files run one after another in long-lived processes that keep their modules and image processes (test/run-groups.ts). */
const SHARED_PROCESSES = { isolate: false, setupFiles: ['test/helpers/shared-image-pool.ts'] };

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/helpers/bundle-global-setup.ts', 'test/helpers/postgres-global-setup.ts'],
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'latency', include: LATENCY_FILES, ...SHARED_PROCESSES, maxWorkers: os.availableParallelism() + 1, sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'parallel',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...LATENCY_FILES, ...OWN_PROCESS_FILES],
          ...SHARED_PROCESSES,
          ...TWO_MORE_FILES_THAN_CORES,
        },
      },
      { extends: true, test: { name: 'own-process', include: OWN_PROCESS_FILES, ...TWO_MORE_FILES_THAN_CORES } },
    ],
  },
});
