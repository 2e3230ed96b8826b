import { describe, expect, it } from 'vitest';
import { useJobs } from '../../../renderer/stores/jobs-store.ts';
import { LOADERS } from '../../../renderer/stores/loaders.ts';
import { useFakeClient } from '../fake-client.ts';

/** What an empty server answers, by operation: enough for every loader to run to its end. */
const EMPTY: Record<string, unknown> = {
  'photos.list': { photos: [], total: 0 },
  'pairing.get': { open: false, until: null },
  'system.info': {},
  'integrations.getKey': null,
  'integrations.getControlKey': null,
  'weather.current': null,
};

/**
 * The loaders run at start, on every open of the event stream and on change events, so they are
 * often asked again while they run. Each runs one fetch of an operation at a time: an answer read
 * before a change can never arrive after one read after it.
 */
describe.each(Object.entries(LOADERS))('the %s loader', (_name, loader) => {
  it('asked again while it runs, fetches again after it, never beside it', async () => {
    const inFlight = new Map<string, number>();
    const most = new Map<string, number>();
    const waiting: (() => void)[] = [];
    const handlers = new Proxy({}, {
      get: (_target, operation: string) => () => {
        const now = (inFlight.get(operation) ?? 0) + 1;
        inFlight.set(operation, now);
        most.set(operation, Math.max(most.get(operation) ?? 0, now));
        return new Promise((resolve) => waiting.push(() => {
          inFlight.set(operation, inFlight.get(operation)! - 1);
          resolve(EMPTY[operation] ?? []);
        }));
      },
    });
    const { call } = useFakeClient(handlers);
    useJobs.setState({ openExecution: 1 }); // a run whose log is open, for the jobLog loader to fetch
    let settled = false;
    const both = Promise.all([loader(), loader()]).then(() => (settled = true));
    while (!settled) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      waiting.splice(0).forEach((answer) => answer());
    }
    await both;
    expect(Math.max(...most.values())).toBe(1);
    expect(call.mock.calls.length).toBe(2 * most.size);
  });
});
