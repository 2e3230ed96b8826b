import type { AdminApi } from '../../contract/admin.ts';
import type { Logger } from '../core/logger.ts';
import type { Electron, ElectronDeps } from './electron-types.ts';
import { DASHBOARD_MINUTES, PAIRING_MINUTES, trayMenuTemplate, type TrayActions, type TrayItem, type TrayState } from './tray-menu.ts';

export interface TrayOptions {
  electron: Pick<ElectronDeps, 'Tray' | 'Menu' | 'nativeImage'>;
  icon: string;
  admin: AdminApi;
  log: Logger;
  open(): void;
  quit(): void;
}

/** The tray icon and its menu; the menu is rebuilt from the current jobs and pairing window whenever something changes. */
export class TrayController {
  private readonly tray: Electron.Tray;
  private readonly actions: TrayActions;
  private expiry: NodeJS.Timeout | null = null;

  constructor(private readonly options: TrayOptions) {
    const { Tray, nativeImage } = options.electron;
    this.tray = new Tray(nativeImage.createFromPath(options.icon));
    this.tray.setToolTip('Inkstand');
    this.tray.on('click', () => options.open());
    const { admin } = options;
    const act = (what: string, action: () => Promise<unknown>) => () => {
      action().catch((err: unknown) => options.log.error({ err }, `tray: ${what} failed`)).finally(() => void this.refresh());
    };
    this.actions = {
      refreshAll: act('refresh all', () => admin['displays.refreshAll']({})),
      nextPhotoEverywhere: act('next photo everywhere', () => admin['displays.nextPhotoEverywhere']({})),
      dashboardEverywhere: act('dashboard everywhere', () => admin['displays.dashboardEverywhere']({ minutes: DASHBOARD_MINUTES })),
      showEverywhere: (item) => act(`show ${item.name}`, () => admin['displays.showEverywhere']({ mode: item.mode, itemId: item.id, minutes: DASHBOARD_MINUTES }))(),
      togglePairing: (open) => act('pairing', () => (open ? admin['pairing.open']({ minutes: PAIRING_MINUTES }) : admin['pairing.close']({})))(),
      runJob: (name) => act(`run ${name}`, () => admin['jobs.run']({ name }))(),
      open: options.open,
      quit: options.quit,
    };
  }

  async refresh(): Promise<void> {
    const state = await this.state();
    this.tray.setContextMenu(this.options.electron.Menu.buildFromTemplate(trayMenuTemplate(state, this.actions)));
    // The pairing window closes by itself: redraw the menu when it does.
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = state.pairingUntil ? setTimeout(() => void this.refresh(), Math.max(0, state.pairingUntil.getTime() - Date.now()) + 1000) : null;
  }

  destroy(): void {
    if (this.expiry) clearTimeout(this.expiry);
    this.tray.destroy();
  }

  private async state(): Promise<TrayState> {
    const { admin } = this.options;
    const [jobs, pairing, screens, mashups, playlists] = await Promise.all([
      admin['jobs.list']({}), admin['pairing.get']({}), admin['screens.list']({}), admin['mashups.list']({}), admin['playlists.list']({}),
    ]);
    const items: TrayItem[] = [
      ...screens.map((s) => ({ mode: 'screen' as const, id: s.id, name: s.name })),
      ...mashups.map((m) => ({ mode: 'mashup' as const, id: m.id, name: m.name })),
      ...playlists.map((p) => ({ mode: 'playlist' as const, id: p.id, name: p.name })),
    ];
    return { jobs: jobs.map((j) => j.name), items, pairingUntil: pairing.until ? new Date(pairing.until) : null };
  }
}
