// The `electron` module for running the built desktop bundle under plain Node (desktop-bundle.test.ts):
// the fakes of electron-fakes.ts, made ready at once; once the window has loaded, it prints what the app
// did as one JSON line and quits the app like the tray's Quit, exiting with the app's exit code.
import fs from 'node:fs';
import { electronModule, FakeBrowserWindow, FakeTray, type FakeApp, type fakeIpcMain } from '../electron-fakes.ts';

const electron = electronModule();
const app = electron.app as unknown as FakeApp;

export const { BrowserWindow, Tray, Menu, Notification, ipcMain, safeStorage, nativeImage, session } = electron;
export { app };
export default electron;

setTimeout(() => app.becomeReady(), 0);
const watch = setInterval(() => {
  const window = FakeBrowserWindow.instances[0];
  if (!window?.loaded) return;
  clearInterval(watch);
  const preload = (window.options.webPreferences as { preload: string }).preload;
  console.log(JSON.stringify({ loaded: window.loaded, loadedExists: fs.existsSync(window.loaded), preload, preloadExists: fs.existsSync(preload), visible: window.visible, trays: FakeTray.instances.length, ipcHandlers: (electron.ipcMain as unknown as ReturnType<typeof fakeIpcMain>).handlers.size }));
  app.quit();
  const exiting = setInterval(() => {
    if (app.exitCode === null) return;
    clearInterval(exiting);
    process.exit(app.exitCode);
  }, 20);
}, 20);
