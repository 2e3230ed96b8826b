import { describe, expect, it, vi } from 'vitest';
import type { Electron } from '../../main/desktop/electron-types.ts';
import { trayMenuTemplate, type TrayActions } from '../../main/desktop/tray-menu.ts';

type Item = Electron.MenuItemConstructorOptions;

function actions(): TrayActions & Record<string, ReturnType<typeof vi.fn>> {
  return { refreshAll: vi.fn(), nextPhotoEverywhere: vi.fn(), dashboardEverywhere: vi.fn(), showEverywhere: vi.fn(), togglePairing: vi.fn(), runJob: vi.fn(), open: vi.fn(), quit: vi.fn() };
}
const click = (item: Item | undefined) => (item!.click as () => void)();
const byLabel = (items: Item[], label: string | RegExp) => items.find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label ?? '')));

describe('tray menu template', () => {
  it('lists the quick actions, the jobs, Open and Quit, in that order', () => {
    const template = trayMenuTemplate({ jobs: ['classify', 'cleanup'], items: [], pairingUntil: null }, actions());
    expect(template.map((i) => i.label ?? i.type)).toEqual([
      'Refresh all screens',
      'Next photo everywhere',
      'Dashboard everywhere for 30 min',
      'Show everywhere for 30 min',
      'Pair new displays (10 min)',
      'separator',
      'Run job',
      'separator',
      'Open Inkstand',
      'Quit Inkstand',
    ]);
    expect((byLabel(template, 'Run job')!.submenu as Item[]).map((i) => i.label)).toEqual(['classify', 'cleanup']);
  });

  it('each item calls its action', () => {
    const a = actions();
    const template = trayMenuTemplate({ jobs: ['classify'], items: [], pairingUntil: null }, a);
    click(byLabel(template, 'Refresh all screens'));
    click(byLabel(template, 'Next photo everywhere'));
    click(byLabel(template, 'Dashboard everywhere for 30 min'));
    click(byLabel(template, /^Pair new displays/));
    click((byLabel(template, 'Run job')!.submenu as Item[])[0]);
    click(byLabel(template, 'Open Inkstand'));
    click(byLabel(template, 'Quit Inkstand'));
    expect(a.refreshAll).toHaveBeenCalledOnce();
    expect(a.nextPhotoEverywhere).toHaveBeenCalledOnce();
    expect(a.dashboardEverywhere).toHaveBeenCalledOnce();
    expect(a.togglePairing).toHaveBeenCalledWith(true);
    expect(a.runJob).toHaveBeenCalledWith('classify');
    expect(a.open).toHaveBeenCalledOnce();
    expect(a.quit).toHaveBeenCalledOnce();
  });

  it('shows an open pairing window as checked with its end, and unchecking closes it', () => {
    const a = actions();
    const until = new Date('2026-05-01T10:40:00');
    const pairing = byLabel(trayMenuTemplate({ jobs: [], items: [], pairingUntil: until }, a), /^Pair new displays/)!;
    expect(pairing).toMatchObject({ type: 'checkbox', checked: true });
    expect(pairing.label).toContain(until.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    click(pairing);
    expect(a.togglePairing).toHaveBeenCalledWith(false);
  });

  it('offers every screen, mashup and playlist to show everywhere, and says so when there is none', () => {
    const a = actions();
    const items = [{ mode: 'screen' as const, id: 3, name: 'Bus' }, { mode: 'playlist' as const, id: 1, name: 'Morning' }];
    const submenu = byLabel(trayMenuTemplate({ jobs: [], items, pairingUntil: null }, a), 'Show everywhere for 30 min')!.submenu as Item[];
    expect(submenu.map((i) => i.label)).toEqual(['Bus (screen)', 'Morning (playlist)']);
    click(submenu[1]);
    expect(a.showEverywhere).toHaveBeenCalledWith(items[1]);
    const none = byLabel(trayMenuTemplate({ jobs: [], items: [], pairingUntil: null }, a), 'Show everywhere for 30 min')!.submenu as Item[];
    expect(none).toEqual([{ label: 'No screens yet', enabled: false }]);
  });

  it('says so when there are no jobs', () => {
    const submenu = byLabel(trayMenuTemplate({ jobs: [], items: [], pairingUntil: null }, actions()), 'Run job')!.submenu as Item[];
    expect(submenu).toEqual([{ label: 'No jobs', enabled: false }]);
  });
});
