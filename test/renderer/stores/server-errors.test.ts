import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/api/client.ts';
import { attempt, toastProblem, tryCall } from '../../../renderer/stores/server-errors.ts';
import { useToasts } from '../../../renderer/stores/toast-store.ts';
import { resetStore } from '../fake-client.ts';

const errorToasts = () => useToasts.getState().toasts.filter((t) => t.kind === 'error').map((t) => t.text);

describe('the one policy for failed calls', () => {
  beforeEach(() => resetStore(useToasts));

  it('attempt: the value, or the server’s message as a toast and undefined', async () => {
    expect(await attempt(() => Promise.resolve(42))).toBe(42);
    expect(await attempt(() => Promise.reject(new ApiError('photo 9 not found', 404)))).toBeUndefined();
    expect(errorToasts()).toEqual(['photo 9 not found']);
  });

  it('attempt: no toast for a refused token (the token screen replaces the page)', async () => {
    expect(await attempt(() => Promise.reject(new ApiError('admin token required', 401)))).toBeUndefined();
    expect(errorToasts()).toEqual([]);
  });

  it('tryCall: the message comes back for the caller to show in place, with no toast', async () => {
    expect(await tryCall(() => Promise.resolve('saved'))).toEqual({ ok: true, value: 'saved' });
    expect(await tryCall(() => Promise.reject(new ApiError('cron: not a cron expression', 400)))).toEqual({ ok: false, message: 'cron: not a cron expression' });
    expect(await tryCall(() => Promise.reject('plain text'))).toEqual({ ok: false, message: 'plain text' });
    expect(errorToasts()).toEqual([]);
  });

  it('toastProblem: a returned message becomes a toast, null none', () => {
    toastProblem(null);
    toastProblem('value must be a number');
    expect(errorToasts()).toEqual(['value must be a number']);
  });
});
