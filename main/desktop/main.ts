import { app, BrowserWindow, ipcMain, Menu, nativeImage, Notification, safeStorage, session, Tray } from 'electron';
import { defaultDataDir, defaultServerConfig } from '../config.ts';
import { createServer } from '../server.ts';
import { DesktopApp } from './desktop-app.ts';
import { DESKTOP_PATHS } from './paths.ts';

// One folder for the library and Electron's own data, the one `inkstand serve` uses too (~/.config/Inkstand on Linux).
const dataDir = defaultDataDir();
app.setName('Inkstand');
app.setPath('userData', dataDir);

const desktop = new DesktopApp({
  electron: { app, BrowserWindow, Tray, Menu, Notification, ipcMain, safeStorage, nativeImage, session },
  config: defaultServerConfig({ dataDir }),
  createServer,
  paths: DESKTOP_PATHS,
  devRendererUrl: process.env.ELECTRON_RENDERER_URL,
  startHidden: process.argv.includes('--hidden') || app.getLoginItemSettings().wasOpenedAsHidden,
  sqliteBinding: process.env.INKSTAND_SQLITE_BINDING,
});
desktop.run();
process.on('SIGTERM', () => app.quit());
process.on('SIGINT', () => app.quit());
