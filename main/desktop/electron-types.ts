import type * as Electron from 'electron';

/** The parts of Electron the desktop app uses, handed in so tests can run it with fakes. */
export interface ElectronDeps {
  app: Electron.App;
  BrowserWindow: typeof Electron.BrowserWindow;
  Tray: typeof Electron.Tray;
  Menu: typeof Electron.Menu;
  Notification: typeof Electron.Notification;
  ipcMain: Electron.IpcMain;
  safeStorage: Electron.SafeStorage;
  nativeImage: typeof Electron.nativeImage;
  session: typeof Electron.session;
}

export type { Electron };
