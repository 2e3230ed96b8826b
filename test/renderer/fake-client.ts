import { vi } from 'vitest';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { AdminArgs, AdminEventName, AdminOperationName, AdminResult } from '../../contract/admin.ts';
import { ApiError, type InkstandClient, type UploadResult } from '../../renderer/api/client.ts';
import { startSession } from '../../renderer/stores/session-store.ts';

type Handlers = { [K in AdminOperationName]?: (args: AdminArgs<K>) => AdminResult<K> | Promise<AdminResult<K>> };
type Upload = (file: File, onProgress: (fraction: number) => void) => Promise<UploadResult>;

/** A client whose operations answer from the given handlers, and whose events the test fires. */
export function fakeClient(handlers: Handlers, upload?: Upload) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const resyncListeners = new Set<() => void>();
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
    onResync: (listener: () => void) => {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    uploadPhoto: vi.fn(upload ?? (() => Promise.reject(new Error('no fake upload')))),
  } as unknown as InkstandClient;
  const fire = (event: AdminEventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  const resync = () => resyncListeners.forEach((l) => l());
  return { client, call, fire, resync };
}

/** A fake client made the client of every store, as main.tsx does with the real one. */
export function useFakeClient(handlers: Handlers, upload?: Upload) {
  const fake = fakeClient(handlers, upload);
  startSession(fake.client);
  return fake;
}

/** The server refusing: an error with the server's message and status, as the HTTP client throws it. */
export const refused = (message: string, status = 400) => Promise.reject(new ApiError(message, status));

/** Puts a store back as it was when the app started. */
export function resetStore<S>(store: UseBoundStore<StoreApi<S>>): void {
  store.setState(store.getInitialState(), true);
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
