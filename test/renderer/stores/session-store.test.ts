import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, client } from '../../../renderer/api/client.ts';
import { useSession } from '../../../renderer/stores/session-store.ts';
import { refused, resetStore, useFakeClient } from '../fake-client.ts';

describe('session store: a refused admin token reaches the token screen from any call', () => {
  beforeEach(() => resetStore(useSession));

  it('a 401 from an operation sets unauthorized, and the caller still gets the error', async () => {
    useFakeClient({ 'providers.test': () => refused('admin token required', 401) });
    await expect(client().call('providers.test', { provider: 'openai' })).rejects.toThrow('admin token required');
    expect(useSession.getState().unauthorized).toBe(true);
  });

  it('a 401 from an upload sets unauthorized too (uploads do not go through call)', async () => {
    useFakeClient({}, () => Promise.reject(new ApiError('admin token required', 401)));
    await expect(client().uploadPhoto(new File(['x'], 'a.jpg'), () => {})).rejects.toThrow();
    expect(useSession.getState().unauthorized).toBe(true);
  });

  it('other failures and successes leave the session alone; a new client starts authorised', async () => {
    useFakeClient({ 'photos.list': () => refused('bad filter', 400), 'pairing.get': () => ({ open: false, until: null }) });
    await expect(client().call('photos.list', {})).rejects.toThrow('bad filter');
    await client().call('pairing.get', {});
    expect(useSession.getState().unauthorized).toBe(false);

    useSession.setState({ unauthorized: true });
    useFakeClient({});
    expect(useSession.getState().unauthorized).toBe(false);
  });
});
