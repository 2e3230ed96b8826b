/**
 * `task` with at most one run at a time: calls made while it runs share one more run after it, which
 * sees everything that changed meanwhile. A burst of change events (a folder import announces each
 * photo) then costs two fetches instead of one per event, and an answer read before a change can
 * never land after one read after it. Every store's load runs this way (stores/loaders.ts).
 */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const run = (): Promise<void> => {
    if (!running) {
      running = task().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running.catch(() => undefined).then(() => {
      queued = null;
      return run();
    });
    return queued;
  };
  return run;
}
