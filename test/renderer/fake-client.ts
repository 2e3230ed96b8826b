import { vi } from 'vitest';
import type { AdminArgs, AdminEventName, AdminOperationName, AdminResult } from '../../contract/admin.ts';
import type { InkstandClient } from '../../renderer/api/client.ts';

type Handlers = { [K in AdminOperationName]?: (args: AdminArgs<K>) => AdminResult<K> | Promise<AdminResult<K>> };

/** A client whose operations answer from the given handlers, and whose events the test fires. */
export function fakeClient(handlers: Handlers) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const call = vi.fn(async (name: AdminOperationName, args: unknown) => {
    const handler = handlers[name] as ((a: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`no fake for ${name}`);
    return handler(args);
  });
  const client = {
    transport: 'http',
    call,
    on: (event: AdminEventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => set.delete(listener);
    },
    onResync: () => () => {},
    uploadPhoto: vi.fn(),
  } as unknown as InkstandClient;
  const fire = (event: AdminEventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { client, call, fire };
}
