import type { ServerConfig } from '../config.ts';
import type { InkstandServer, ServerOptions } from '../server.ts';
import { closeMarkupBrowser, setMarkupBrowser } from '../markup/index.ts';
import { fileKeyCipher } from '../settings/secret-cipher.ts';
import type { Electron, ElectronDeps } from './electron-types.ts';
import { forwardEvents, registerAdminIpc } from './ipc.ts';
import { applyStartAtLogin } from './login-item.ts';
import { notifyOnEvents } from './notifications.ts';
import { OffscreenMarkupBrowser } from './offscreen-markup-browser.ts';
import type { DesktopPaths } from './paths.ts';
import { safeStorageCipher } from './safe-storage-cipher.ts';
import { denyPermissions, lockDownContents } from './security.ts';
import { TrayController } from './tray.ts';
import { createMainWindow } from './window.ts';

export interface DesktopOptions {
  electron: ElectronDeps;
  config: ServerConfig;
  createServer(config: ServerConfig, options: ServerOptions): Promise<InkstandServer>;
  paths: DesktopPaths;
  /** Vite's dev server (npm run dev in Electron); the built renderer otherwise. */
  devRendererUrl?: string;
  /** Started at login: stay in the tray until the user opens the window. */
  startHidden?: boolean;
  /** better-sqlite3 built for Electron, when the installed one is built for Node (`npm start` from a checkout). */
  sqliteBinding?: string;
}

/**
 * The desktop app: the same server as `inkstand serve`, plus the window, the tray, IPC,
 * notifications and start-at-login. Handed Electron's modules so tests can run it with fakes.
 */
export class DesktopApp {
  private server: InkstandServer | null = null;
  private window: Electron.BrowserWindow | null = null;
  private tray: TrayController | null = null;
  private readonly cleanups: (() => void)[] = [];
  private quitting = false;
  private stopping = false;
  private stopped = false;

  constructor(private readonly options: DesktopOptions) {}

  /** Wires the app's lifecycle; false when another instance runs (it is asked to show its window instead). */
  run(): boolean {
    const { app } = this.options.electron;
    if (!app.requestSingleInstanceLock()) {
      app.quit();
      return false;
    }
    app.on('second-instance', () => this.showWindow());
    app.on('activate', () => this.showWindow());
    app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
    // Closing the window leaves the app in the tray; only Quit ends it.
    app.on('window-all-closed', () => {});
    app.on('before-quit', (event) => this.beforeQuit(event));
    app.whenReady().then(() => this.start()).catch((err: unknown) => {
      console.error('Inkstand could not start:', err);
      app.exit(1);
    });
    return true;
  }

  async start(): Promise<void> {
    const { electron, config } = this.options;
    denyPermissions(electron.session.defaultSession);
    const cipher = safeStorageCipher(electron.safeStorage, () => fileKeyCipher(config.dataDir));
    // Recipes with scripts are drawn in the app's own Chromium, no system browser needed.
    await setMarkupBrowser(new OffscreenMarkupBrowser(electron.BrowserWindow));
    const server = await this.options.createServer(config, { cipher, sqliteBinding: this.options.sqliteBinding });
    this.server = server;
    await server.start();

    const { events, settings, log } = server.core.app;
    this.cleanups.push(
      registerAdminIpc(electron.ipcMain, server.admin, (event) => this.isOurWindow(event)),
      forwardEvents(events, (channel, payload) => this.send(channel, payload)),
      notifyOnEvents(events, (title, body) => this.notify(title, body)),
      events.on('content-changed', ({ kind }) => kind === 'settings' && void this.syncStartAtLogin()),
      events.on('execution-changed', () => void this.tray?.refresh()),
    );
    this.tray = new TrayController({ electron, icon: this.options.paths.trayIcon, admin: server.admin, log, open: () => this.showWindow(), quit: () => electron.app.quit() });
    await this.tray.refresh();
    await this.syncStartAtLogin(settings);
    if (!this.options.startHidden) this.showWindow();
  }

  showWindow(): void {
    if (!this.server) return;
    if (!this.window || this.window.isDestroyed()) this.window = this.createWindow();
    if (this.window.isMinimized()) this.window.restore();
    this.window.show();
    this.window.focus();
  }

  private createWindow(): Electron.BrowserWindow {
    const window = createMainWindow(this.options.electron.BrowserWindow, this.options.paths, this.options.devRendererUrl);
    window.on('close', (event) => {
      if (this.quitting) return;
      event.preventDefault();
      window.hide();
    });
    return window;
  }

  /** Only the main frame of our own window may call the admin API. */
  private isOurWindow(event: Electron.IpcMainInvokeEvent): boolean {
    const window = this.window;
    return Boolean(window && !window.isDestroyed() && event.sender === window.webContents && event.senderFrame === window.webContents.mainFrame);
  }

  private send(channel: string, payload: unknown): void {
    if (this.window && !this.window.isDestroyed()) this.window.webContents.send(channel, payload);
  }

  private notify(title: string, body: string): void {
    const { Notification } = this.options.electron;
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body });
    notification.on('click', () => this.showWindow());
    notification.show();
  }

  private async syncStartAtLogin(settings = this.server?.core.app.settings): Promise<void> {
    if (!settings) return;
    applyStartAtLogin(this.options.electron.app, (await settings.get('desktop.start_at_login')) === 'true');
  }

  /** Holds the quit until HTTP, discovery, the scheduler and the database have stopped. */
  private beforeQuit(event: Electron.Event): void {
    this.quitting = true;
    if (this.stopped) return;
    event.preventDefault();
    if (this.stopping) return;
    this.stopping = true;
    void this.stop().finally(() => {
      this.stopped = true;
      this.options.electron.app.exit(0);
    });
  }

  private async stop(): Promise<void> {
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    this.tray?.destroy();
    this.tray = null;
    await this.server?.stop().catch((err: unknown) => console.error('Inkstand did not stop cleanly:', err));
    await closeMarkupBrowser();
  }
}
