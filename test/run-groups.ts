// Which test files run how (vitest.config.ts).

/**
 * Files that hold the product to wall-clock times (a long-poll woken within a second, a live update
 * within two, a revoked token refused within the next half second of requests, a button press told
 * from a long press by how long it was held) or give real work a short timeout (1–1.5 s, so that
 * their hanging stand-ins end quickly). They run by themselves before the rest, one more at a time
 * than there are cores (most of their time is waiting): a busy neighbour would make them late.
 */
export const LATENCY_FILES = [
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
 * process's children (test/architecture/own-process-files.test.ts finds them). Every other file
 * runs in one of a few long-lived processes (the latency files in processes of their own) that keep the
 * modules they imported (isolate: false), so the server, the stores and the drawing code load once
 * per process rather than once per file.
 */
export const OWN_PROCESS_FILES = [
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
  'test/screens/browser-pictures.test.ts',
  'test/screens/screen-library.test.ts',
  'test/stats/collector.test.ts',
];
