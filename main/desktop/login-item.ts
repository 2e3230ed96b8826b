import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Electron } from './electron-types.ts';

/**
 * Applies the `desktop.start_at_login` setting. macOS and Windows keep login items themselves;
 * on Linux it is an XDG autostart entry.
 */
export function applyStartAtLogin(app: Electron.App, enabled: boolean, platform = process.platform, home = os.homedir(), env = process.env): void {
  if (platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true });
    return;
  }
  const file = path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'autostart', 'inkstand.desktop');
  if (!enabled) {
    fs.rmSync(file, { force: true });
    return;
  }
  // An AppImage runs from a temporary mount: start the AppImage file itself.
  const command = env.APPIMAGE ?? app.getPath('exe');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `[Desktop Entry]\nType=Application\nName=Inkstand\nExec="${command}" --hidden\nX-GNOME-Autostart-enabled=true\n`);
}
