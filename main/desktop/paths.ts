import path from 'node:path';
import { APP_ROOT } from '../core/app-root.ts';

const ICONS = path.join(APP_ROOT, 'resources', 'icons');

/** Where the desktop app finds its built renderer, its preload and its icons (in a checkout and in a package alike). */
export const DESKTOP_PATHS = {
  rendererIndex: path.join(APP_ROOT, 'dist', 'renderer', 'index.html'),
  preload: path.join(APP_ROOT, 'dist', 'preload', 'preload.cjs'),
  appIcon: path.join(ICONS, 'icon-512.png'),
  /** macOS shows a template image in the menu bar's own colour; other systems get the colour icon. */
  trayIcon: process.platform === 'darwin' ? path.join(ICONS, 'trayTemplate.png') : path.join(ICONS, 'tray-32.png'),
};

export type DesktopPaths = typeof DESKTOP_PATHS;
