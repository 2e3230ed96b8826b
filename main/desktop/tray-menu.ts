import type { Electron } from './electron-types.ts';

export const DASHBOARD_MINUTES = 30;
export const PAIRING_MINUTES = 10;

/** A screen, mashup or playlist the tray can show everywhere. */
export interface TrayItem {
  mode: 'screen' | 'mashup' | 'playlist';
  id: number;
  name: string;
}

export interface TrayState {
  jobs: string[];
  items: TrayItem[];
  pairingUntil: Date | null;
}

export interface TrayActions {
  refreshAll(): void;
  nextPhotoEverywhere(): void;
  dashboardEverywhere(): void;
  showEverywhere(item: TrayItem): void;
  togglePairing(open: boolean): void;
  runJob(name: string): void;
  open(): void;
  quit(): void;
}

const clock = (date: Date) => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The tray menu, as data: the quick actions on every screen, the jobs, the window and quitting. */
export function trayMenuTemplate(state: TrayState, actions: TrayActions): Electron.MenuItemConstructorOptions[] {
  const pairing = state.pairingUntil !== null;
  return [
    { label: 'Refresh all screens', click: () => actions.refreshAll() },
    { label: 'Next photo everywhere', click: () => actions.nextPhotoEverywhere() },
    { label: `Dashboard everywhere for ${DASHBOARD_MINUTES} min`, click: () => actions.dashboardEverywhere() },
    {
      label: `Show everywhere for ${DASHBOARD_MINUTES} min`,
      submenu: state.items.length
        ? state.items.map((item) => ({ label: `${item.name} (${item.mode})`, click: () => actions.showEverywhere(item) }))
        : [{ label: 'No screens yet', enabled: false }],
    },
    {
      label: pairing ? `Pair new displays (until ${clock(state.pairingUntil!)})` : `Pair new displays (${PAIRING_MINUTES} min)`,
      type: 'checkbox',
      checked: pairing,
      click: () => actions.togglePairing(!pairing),
    },
    { type: 'separator' },
    {
      label: 'Run job',
      submenu: state.jobs.length
        ? state.jobs.map((name) => ({ label: name, click: () => actions.runJob(name) }))
        : [{ label: 'No jobs', enabled: false }],
    },
    { type: 'separator' },
    { label: 'Open Inkstand', click: () => actions.open() },
    { label: 'Quit Inkstand', click: () => actions.quit() },
  ];
}
