import os from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { LongestFirst } from './test/run-order.ts';

/**
 * Files that hold the product to wall-clock times (a long-poll woken within a second, a live update
 * within two, a revoked token refused within the next half second of requests, a button press told
 * from a long press by how long it was held) or give real work a short timeout (1–1.5 s, so that
 * their hanging stand-ins end quickly). They run by themselves, two at a time, before the rest: a
 * busy neighbour would make them late.
 */
const LATENCY_FILES = [
  'test/ai/classify.test.ts',
  'test/ai/variants.test.ts',
  'test/e2e/displays.test.ts',
  'test/integration/device-security.test.ts',
  'test/integration/frame-buttons.test.ts',
  'test/integration/frame-program.test.ts',
  'test/integration/integration-control.test.ts',
  'test/integration/screens-home-assistant-live.test.ts',
  'test/integration/screens-webhook.test.ts',
  'test/integration/state-polling.test.ts',
  'test/integration/two-nodes-postgres.test.ts',
  'test/jobs/queue.test.ts',
  'test/recipes/data.test.ts',
  'test/recipes/transform.test.ts',
  'test/sources/home-assistant.test.ts',
  'test/storage/postgres-change-feed.test.ts',
];

/**
 * Files that need a process of their own: they mock modules or timers, stub globals or process.env,
 * spy on shared objects, choose the process's markup browser (setMarkupBrowser), or count the test
 * process's children. Every other file outside the latency group runs in one of two long-lived
 * processes that keep the modules they imported (isolate: false), so the server, the stores and the
 * drawing code load once per process rather than once per file.
 */
const OWN_PROCESS_FILES = [
  'test/admin/contract.test.ts',
  'test/builtin-screens/web-page.test.ts',
  'test/calendar/calendar-job.test.ts',
  'test/core/create-file-once.test.ts',
  'test/desktop/**/*.test.ts',
  'test/imaging/pool.test.ts',
  'test/integration/fleet.test.ts',
  'test/integration/node-caches-postgres.test.ts',
  'test/jobs/scheduler.test.ts',
  'test/markup/api.test.ts',
  'test/recipes/fixtures-drawn.test.ts',
  'test/renderer/stores/nav-store.test.ts',
  'test/renderer/stores/toast-store.test.ts',
  'test/screens/screen-library.test.ts',
  'test/stats/collector.test.ts',
];

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
