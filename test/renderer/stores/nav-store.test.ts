import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** Just enough of a browser window for the address hash. */
function fakeWindow(hash: string) {
  const listeners = new Set<() => void>();
  return {
    location: { hash },
    addEventListener: (_: 'hashchange', listener: () => void) => listeners.add(listener),
    removeEventListener: (_: 'hashchange', listener: () => void) => listeners.delete(listener),
    /** The user goes back, or types an address. */
    navigate(next: string) {
      this.location.hash = next;
      listeners.forEach((l) => l());
    },
  };
}

describe('nav store: the view lives in the address hash', () => {
  const win = fakeWindow('#/photos');
  beforeAll(() => vi.stubGlobal('window', win));
  afterAll(() => vi.unstubAllGlobals());
  // Imported after the window exists: the store reads the address when it is made.
  const nav = () => import('../../../renderer/stores/nav-store.ts');

  it('starts on the view the address names (a reload stays where the user was)', async () => {
    expect((await nav()).useNav.getState().view).toBe('photos');
  });

  it('going to a view writes the address', async () => {
    const { useNav } = await nav();
    useNav.getState().go('jobs');
    expect([useNav.getState().view, win.location.hash]).toEqual(['jobs', '/jobs']);
  });

  it('follows back/forward while followed, and stops after the unsubscribe', async () => {
    const { followAddress, useNav } = await nav();
    const unfollow = followAddress();
    win.navigate('#/settings');
    expect(useNav.getState().view).toBe('settings');
    unfollow();
    win.navigate('#/dashboard');
    expect(useNav.getState().view).toBe('settings');
  });
});
