import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_OPERATIONS } from '../../contract/admin.ts';
import { defaultServerConfig } from '../../main/config.ts';
import { DesktopApp } from '../../main/desktop/desktop-app.ts';
import { createServer, type InkstandServer } from '../../main/server.ts';
import { SettingEntity } from '../../main/storage/entities/setting.ts';
import { electronFakes, FakeBrowserWindow, FakeNotification, FakeTray, type Fakes } from './electron-fakes.ts';

const PATHS = { rendererIndex: '/app/dist/renderer/index.html', preload: '/app/dist/preload/preload.cjs', appIcon: '/app/icon.png', trayIcon: '/app/tray.png' };

/** The window opens once the real server has started (database opened, ports bound): seconds on a busy machine. */
const SERVER_START = { timeout: 20_000 };

// SQLite only: its subject is the desktop shell around the server; the server's data runs on PostgreSQL in the integration suites.
describe('DesktopApp (Electron faked, the real server underneath)', () => {
  let fakes: Fakes;
  let work: string;
  let server: InkstandServer | undefined;
  let desktop: DesktopApp;

  beforeEach(() => {
    fakes = electronFakes();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-desktop-'));
    vi.stubEnv('XDG_CONFIG_HOME', path.join(work, 'config'));
    desktop = new DesktopApp({
      electron: fakes.deps,
      config: defaultServerConfig({ dataDir: path.join(work, 'data'), host: '127.0.0.1', httpPort: 0, httpsPort: 0, discovery: false }),
      createServer: async (config, options) => (server = await createServer(config, { ...options, mdns: false })),
      paths: PATHS,
    });
  });
  afterEach(async () => {
    if (fakes.app.exitCode === null) fakes.app.quit();
    await vi.waitFor(() => expect(fakes.app.exitCode).toBe(0), SERVER_START);
    vi.unstubAllEnvs();
    fs.rmSync(work, { recursive: true, force: true });
  });

  async function started(): Promise<FakeBrowserWindow> {
    expect(desktop.run()).toBe(true);
    fakes.app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), SERVER_START);
    return FakeBrowserWindow.instances[0];
  }

  it('opens one locked-down window on the built renderer, with the tray and an IPC handler per operation', async () => {
    const window = await started();
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: PATHS.preload });
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    expect(window.loaded).toBe(PATHS.rendererIndex);
    expect([...fakes.ipcMain.handlers.keys()].sort()).toEqual([...ADMIN_OPERATIONS].sort());
    expect(FakeTray.instances[0].menu).toBeTruthy();
    expect(fakes.session.calls.permissionRequest).toBeTypeOf('function');
  });

  it('a second launch focuses the existing window; without the lock the app quits at once', async () => {
    const window = await started();
    window.hide();
    fakes.app.emit('second-instance');
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
    expect(FakeBrowserWindow.instances).toHaveLength(1);

    const other = electronFakes();
    other.app.locked = false;
    const second = new DesktopApp({ electron: other.deps, config: defaultServerConfig({ dataDir: work }), createServer, paths: PATHS });
    expect(second.run()).toBe(false);
    expect(other.app.quitCalls).toBe(1);
  });

  it('closing the window keeps the app in the tray; Quit stops the server before the process exits', async () => {
    const window = await started();
    expect(window.userCloses()).toBe(true);
    expect(window.visible).toBe(false);

    const stop = vi.spyOn(server!, 'stop');
    expect(fakes.app.quit()).toBe(true); // held until the server has stopped
    expect(stop).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(fakes.app.exitCode).toBe(0), SERVER_START);
    expect(fakes.ipcMain.handlers.size).toBe(0);
    expect(FakeTray.instances[0].destroyed).toBe(true);
    expect(window.userCloses()).toBe(false);
  });

  it('IPC answers our window only, and errors come back as errors', async () => {
    const window = await started();
    const list = fakes.ipcMain.handlers.get('displays.list')!;
    const ours = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    expect(await list(ours, {})).toEqual({ ok: true, value: [] });
    const stranger = { sender: { id: 999 }, senderFrame: {} };
    expect(await list(stranger, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fakes.ipcMain.handlers.get('displays.get')!(ours, { id: 42 })).toEqual({ ok: false, error: { message: 'no display with id 42', code: 'not_found' } });
    expect(await fakes.ipcMain.handlers.get('settings.set')!(ours, { key: 'weather.latitude', value: 'north' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('forwards events to the window and notifies a failed job and a display asking to pair', async () => {
    const window = await started();
    const events = server!.core.app.events;
    events.emit('execution-changed', { executionId: 1, jobName: 'get_weather', status: 'error' });
    events.emit('execution-changed', { executionId: 2, jobName: 'cleanup', status: 'success' });
    events.emit('pairing-request', { displayId: 3, humanId: 'kmr-tav-bez' });
    expect(FakeNotification.shown.map((n) => n.title)).toEqual(['Job “get_weather” failed', 'A display asks to pair']);
    expect(window.webContents.sent.map((m) => m.channel)).toEqual(['event:execution-changed', 'event:execution-changed', 'event:pairing-request']);
  });

  it('keeps API keys with safeStorage, and applies the start-at-login setting', async () => {
    await started();
    const { settings } = server!.core.app;
    await settings.set('ai.openai.api_key', 'sk-secret');
    expect(await settings.get('ai.openai.api_key')).toBe('sk-secret');
    const stored = await server!.core.db.getRepository(SettingEntity).findOneByOrFail({ key: 'ai.openai.api_key' });
    expect(stored.value).toBe(`safe1:${Buffer.from('terces-ks').toString('base64')}`);

    const admin = server!.admin;
    await admin['settings.set']({ key: 'desktop.start_at_login', value: 'true' });
    const autostart = path.join(work, 'config', 'autostart', 'inkstand.desktop');
    await vi.waitFor(() => expect(fs.existsSync(autostart)).toBe(true));
    await admin['settings.set']({ key: 'desktop.start_at_login', value: 'false' });
    await vi.waitFor(() => expect(fs.existsSync(autostart)).toBe(false));
  });
});
