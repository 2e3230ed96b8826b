import { Command } from 'commander';
import { app, BrowserWindow, ipcMain, Menu, nativeImage, Notification, safeStorage, session, Tray } from 'electron';
import { addServeOptions, serverConfigFrom, type ServeOptions } from '../cli/serve-options.ts';
import { createServer } from '../server.ts';
import { DesktopApp } from './desktop-app.ts';
import { DESKTOP_PATHS } from './paths.ts';

// The same flags as `inkstand serve` (`npm start -- --http-port 8080`), so the desktop app and its
// headless fallback start alike; Chromium's own switches on the line are left to Chromium.
const flags = addServeOptions(new Command('inkstand'))
  .option('--hidden', 'start in the tray (as at login)')
  .allowUnknownOption()
  .allowExcessArguments()
  .parse(process.argv, { from: 'electron' })
  .opts<ServeOptions & { hidden?: boolean }>();
const config = serverConfigFrom(flags);

// One folder for the library and Electron's own data, the one `inkstand serve` uses too (~/.config/Inkstand on Linux).
app.setName('Inkstand');
app.setPath('userData', config.dataDir);

const desktop = new DesktopApp({
  electron: { app, BrowserWindow, Tray, Menu, Notification, ipcMain, safeStorage, nativeImage, session },
  config,
  createServer,
  paths: DESKTOP_PATHS,
  devRendererUrl: process.env.ELECTRON_RENDERER_URL,
  startHidden: flags.hidden === true || app.getLoginItemSettings().wasOpenedAsHidden,
  sqliteBinding: process.env.INKSTAND_SQLITE_BINDING,
});
desktop.run();
process.on('SIGTERM', () => app.quit());
process.on('SIGINT', () => app.quit());
