import { beforeEach, describe, expect, it } from 'vitest';
import { screensActions } from '../../../renderer/stores/screens-actions.ts';
import { useToasts } from '../../../renderer/stores/toast-store.ts';
import { refused, resetStore, useFakeClient } from '../fake-client.ts';

const toasts = () => useToasts.getState().toasts.map((t) => `${t.kind}: ${t.text}`);

describe('screens actions (every display at once)', () => {
  beforeEach(() => resetStore(useToasts));

  it('says how many displays each action reached', async () => {
    const { call } = useFakeClient({
      'screens.refreshAll': () => ({ refreshed: 1 }),
      'screens.nextPhotoEverywhere': () => ({ refreshed: 3 }),
      'screens.dashboardEverywhere': ({ minutes }) => ({ refreshed: minutes === 45 ? 2 : 0 }),
    });
    await screensActions.refreshAll();
    await screensActions.nextPhotoEverywhere();
    await screensActions.dashboardEverywhere(45);
    expect(toasts()).toEqual(['info: Refreshed 1 display', 'info: Next photo on 3 displays', 'info: Dashboard on 2 displays for 45 minutes']);
    expect(call).toHaveBeenCalledWith('screens.dashboardEverywhere', { minutes: 45 });
  });

  it('a refusal is an error toast, not a count', async () => {
    useFakeClient({ 'screens.refreshAll': () => refused('the server is shutting down', 503) });
    await screensActions.refreshAll();
    expect(toasts()).toEqual(['error: the server is shutting down']);
  });
});
