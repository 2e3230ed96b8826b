import os from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

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

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/helpers/postgres-global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'latency', include: LATENCY_FILES, maxWorkers: 2, sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'parallel',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...LATENCY_FILES],
          // Much of a file's time is spent waiting (servers, child processes, long-polls, browsers),
          // yet vitest's default (cores − 1) runs a 2-core machine one file at a time. One file per
          // core: a third on 2 cores ran out of CPU on a busy machine (tests timed out at 30 s).
          maxWorkers: os.availableParallelism(),
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
