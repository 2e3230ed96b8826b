import { beforeEach, describe, expect, it } from 'vitest';
import { useDashboard } from '../../../renderer/stores/dashboard-store.ts';
import { useDisplays } from '../../../renderer/stores/displays-store.ts';
import { useJobs } from '../../../renderer/stores/jobs-store.ts';
import { LOADERS } from '../../../renderer/stores/loaders.ts';
import { usePhotos } from '../../../renderer/stores/photos-store.ts';
import { useScreens } from '../../../renderer/stores/screens-store.ts';
import { useSettings } from '../../../renderer/stores/settings-store.ts';
import { useVariants } from '../../../renderer/stores/variants-store.ts';
import { loadEveryView, VIEWS, viewById } from '../../../renderer/views/registry.ts';
import { resetStore, useFakeClient } from '../fake-client.ts';

describe('view registry', () => {
  // What a loader fetches depends on its store's state (a selected job also loads its executions),
  // and store modules outlive a test file in a shared test process: start from a fresh app.
  beforeEach(() => {
    for (const store of [useDashboard, useDisplays, useJobs, usePhotos, useScreens, useSettings, useVariants]) resetStore(store as unknown as typeof useJobs);
  });

  it('gives every view its own address, and the first view for an unknown one', () => {
    expect(new Set(VIEWS.map((v) => v.id)).size).toBe(VIEWS.length);
    expect(viewById('photos').label).toBe('Photos');
    expect(viewById('no-such-view')).toBe(VIEWS[0]);
    expect(viewById('')).toBe(VIEWS[0]);
  });

  it('the load list (start and reconnect) covers every store loader, each fetched once however many views need it', async () => {
    expect(new Set(VIEWS.flatMap((v) => v.load))).toEqual(new Set(Object.values(LOADERS)));
    const { call } = useFakeClient({
      'displays.list': () => [], 'profiles.list': () => [], 'pairing.get': () => ({ open: false, until: null }),
      'photos.list': () => ({ photos: [], total: 0 }), 'styles.list': () => [], 'jobs.list': () => [],
      'settings.list': () => [], 'system.info': () => ({}) as never, 'integrations.getKey': () => ({ configured: false, createdAt: null }),
      'integrations.getControlKey': () => ({ configured: false, createdAt: null }),
      'weather.current': () => null, 'calendars.list': () => [],
      'screens.list': () => [], 'mashups.list': () => [], 'playlists.list': () => [], 'screens.builtins': () => [],
    });
    await loadEveryView();
    const names = call.mock.calls.map(([name]) => name);
    expect([...names].sort()).toEqual([
      'calendars.list', 'displays.list', 'integrations.getControlKey', 'integrations.getKey', 'jobs.list', 'mashups.list', 'pairing.get', 'photos.list', 'playlists.list',
      'profiles.list', 'screens.builtins', 'screens.list', 'settings.list', 'styles.list', 'system.info', 'weather.current',
    ]);
  });
});
