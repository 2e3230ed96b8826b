import type { DesktopPaths } from './paths.ts';
import type { Electron, ElectronDeps } from './electron-types.ts';

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
} as const;

/** The control window, hidden until its first paint. `devUrl`: Vite's dev server instead of the built renderer. */
export function createMainWindow(BrowserWindow: ElectronDeps['BrowserWindow'], paths: DesktopPaths, devUrl?: string): Electron.BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Inkstand',
    icon: paths.appIcon,
    backgroundColor: '#f6f5f2',
    webPreferences: { ...WEB_PREFERENCES, preload: paths.preload },
  });
  window.once('ready-to-show', () => window.show());
  void (devUrl ? window.loadURL(devUrl) : window.loadFile(paths.rendererIndex));
  return window;
}
