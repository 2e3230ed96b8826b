import { beforeEach, describe, expect, it } from 'vitest';
import { everyDisplayActions } from '../../../renderer/stores/every-display-actions.ts';
import { useToasts } from '../../../renderer/stores/toast-store.ts';
import { refused, resetStore, useFakeClient } from '../fake-client.ts';

const toasts = () => useToasts.getState().toasts.map((t) => `${t.kind}: ${t.text}`);

describe('every-display actions', () => {
  beforeEach(() => resetStore(useToasts));

  it('says how many displays each action reached', async () => {
    const { call } = useFakeClient({
      'displays.refreshAll': () => ({ refreshed: 1 }),
      'displays.nextPhotoEverywhere': () => ({ refreshed: 3 }),
      'displays.dashboardEverywhere': ({ minutes }) => ({ refreshed: minutes === 45 ? 2 : 0 }),
    });
    await everyDisplayActions.refreshAll();
    await everyDisplayActions.nextPhotoEverywhere();
    await everyDisplayActions.dashboardEverywhere(45);
    expect(toasts()).toEqual(['info: Refreshed 1 display', 'info: Next photo on 3 displays', 'info: Dashboard on 2 displays for 45 minutes']);
    expect(call).toHaveBeenCalledWith('displays.dashboardEverywhere', { minutes: 45 });
  });

  it('a refusal is an error toast, not a count', async () => {
    useFakeClient({ 'displays.refreshAll': () => refused('the server is shutting down', 503) });
    await everyDisplayActions.refreshAll();
    expect(toasts()).toEqual(['error: the server is shutting down']);
  });
});
