import { describe, expect, it, vi } from 'vitest';
import type { AdminApi } from '../../contract/admin.ts';
import type { Electron } from '../../main/desktop/electron-types.ts';
import { TrayController } from '../../main/desktop/tray.ts';
import { electronFakes, FakeTray } from './electron-fakes.ts';

type Item = Electron.MenuItemConstructorOptions;

function fakeAdmin() {
  let pairingUntil: string | null = null;
  return {
    'jobs.list': vi.fn(async () => [{ name: 'classify' }, { name: 'cleanup' }]),
    'pairing.get': vi.fn(async () => ({ open: pairingUntil !== null, until: pairingUntil })),
    'pairing.open': vi.fn(async () => {
      pairingUntil = new Date(Date.now() + 600_000).toISOString();
      return { open: true, until: pairingUntil };
    }),
    'pairing.close': vi.fn(async () => ({ open: false, until: (pairingUntil = null) })),
    'displays.refreshAll': vi.fn(async () => ({ refreshed: 2 })),
    'displays.nextPhotoEverywhere': vi.fn(async () => ({ refreshed: 2 })),
    'displays.dashboardEverywhere': vi.fn(async () => ({ refreshed: 2 })),
    'displays.showEverywhere': vi.fn(async () => ({ refreshed: 2 })),
    'screens.list': vi.fn(async () => [{ id: 4, name: 'Bus' }]),
    'mashups.list': vi.fn(async () => []),
    'playlists.list': vi.fn(async () => [{ id: 1, name: 'Morning' }]),
    'jobs.run': vi.fn(async () => ({})),
  };
}

async function trayWith(admin: ReturnType<typeof fakeAdmin>) {
  const { deps } = electronFakes();
  const open = vi.fn();
  const quit = vi.fn();
  const tray = new TrayController({ electron: deps, icon: '/icons/tray.png', admin: admin as unknown as AdminApi, log: { error: vi.fn() } as never, open, quit });
  await tray.refresh();
  const fake = FakeTray.instances[0];
  const menu = () => (fake.menu as { template: Item[] }).template;
  const item = (label: RegExp) => {
    const all = menu().flatMap((i) => [i, ...((i.submenu as Item[] | undefined) ?? [])]);
    return all.find((i) => label.test(i.label ?? ''))!;
  };
  return { tray, fake, menu, item, open, quit };
}

describe('TrayController', () => {
  it('builds its menu from the jobs and the pairing window, and opens the window on click', async () => {
    const admin = fakeAdmin();
    const { fake, item, open, tray } = await trayWith(admin);
    expect(fake.tooltip).toBe('Inkstand');
    expect(item(/^cleanup$/)).toBeTruthy();
    fake.emit('click');
    expect(open).toHaveBeenCalledOnce();
    tray.destroy();
    expect(fake.destroyed).toBe(true);
  });

  it('its items call the admin operations, then redraw the menu', async () => {
    const admin = fakeAdmin();
    const { item, menu, quit } = await trayWith(admin);
    (item(/^Refresh all screens/).click as () => void)();
    (item(/^Next photo everywhere/).click as () => void)();
    (item(/^Dashboard everywhere/).click as () => void)();
    (item(/^classify$/).click as () => void)();
    (item(/^Pair new displays/).click as () => void)();
    await vi.waitFor(() => expect(item(/^Pair new displays/).checked).toBe(true));
    expect(admin['displays.refreshAll']).toHaveBeenCalledOnce();
    expect(admin['displays.nextPhotoEverywhere']).toHaveBeenCalledOnce();
    expect(admin['displays.dashboardEverywhere']).toHaveBeenCalledWith({ minutes: 30 });
    expect(admin['jobs.run']).toHaveBeenCalledWith({ name: 'classify' });
    expect(admin['pairing.open']).toHaveBeenCalledWith({ minutes: 10 });

    (item(/^Pair new displays/).click as () => void)();
    await vi.waitFor(() => expect(admin['pairing.close']).toHaveBeenCalledOnce());
    (item(/^Quit/).click as () => void)();
    expect(quit).toHaveBeenCalledOnce();
    expect(menu().length).toBeGreaterThan(0);
  });
});
