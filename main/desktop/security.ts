import type { Electron } from './electron-types.ts';

/** Every web contents: no navigation away, no new windows, no webviews (see also the window's webPreferences). */
export function lockDownContents(contents: Electron.WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The UI needs no camera, microphone, notifications from the page, geolocation or anything else a page may ask for. */
export function denyPermissions(session: Electron.Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
