import { EventEmitter } from 'node:events';
import type { ElectronDeps } from '../../main/desktop/electron-types.ts';

/** Just enough of Electron's main-process modules to run the desktop app in node. */

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = { url: 'file:///inkstand/index.html' };
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = false;
  destroyed = false;
  loaded: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadFile(file: string) { this.loaded = file; return Promise.resolve(); }
  loadURL(url: string) { this.loaded = url; return Promise.resolve(); }
  show() { this.visible = true; }
  hide() { this.visible = false; }
  focus() { this.focused = true; }
  isDestroyed() { return this.destroyed; }
  isMinimized() { return false; }
  restore() {}
  /** What the OS does when the user clicks the window's close button. */
  userCloses(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => { prevented = true; } });
    if (!prevented) this.destroyed = true;
    return prevented;
  }
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  menu: unknown = null;
  tooltip = '';
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    FakeTray.instances.push(this);
  }
  setToolTip(text: string) { this.tooltip = text; }
  setContextMenu(menu: unknown) { this.menu = menu; }
  destroy() { this.destroyed = true; }
}

export class FakeNotification extends EventEmitter {
  static shown: { title: string; body: string }[] = [];
  static isSupported() { return true; }
  constructor(private readonly options: { title: string; body: string }) { super(); }
  show() { FakeNotification.shown.push(this.options); }
}

export class FakeApp extends EventEmitter {
  locked = true;
  exitCode: number | null = null;
  quitCalls = 0;
  loginItem: { openAtLogin: boolean } | null = null;
  private ready!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => { this.ready = resolve; });
  requestSingleInstanceLock() { return this.locked; }
  whenReady() { return this.readyPromise; }
  becomeReady() { this.ready(); }
  quit() {
    this.quitCalls++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => { prevented = true; } });
    return prevented;
  }
  exit(code: number) { this.exitCode = code; }
  setLoginItemSettings(settings: { openAtLogin: boolean }) { this.loginItem = settings; }
  getPath() { return '/usr/bin/inkstand'; }
}

export function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
  return {
    handlers,
    handle(channel: string, handler: (event: unknown, args: unknown) => Promise<unknown>) { handlers.set(channel, handler); },
    removeHandler(channel: string) { handlers.delete(channel); },
  };
}

/** "Encrypts" by reversing: enough to tell which cipher stored a value. */
export const fakeSafeStorage = {
  available: true,
  isEncryptionAvailable() { return this.available; },
  encryptString: (plain: string) => Buffer.from([...plain].reverse().join('')),
  decryptString: (data: Buffer) => [...data.toString()].reverse().join(''),
};

export function fakeSession() {
  const calls = { permissionRequest: null as null | ((...args: unknown[]) => void), permissionCheck: null as null | ((...args: unknown[]) => boolean) };
  return {
    calls,
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => { calls.permissionRequest = handler; },
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => { calls.permissionCheck = handler; },
    },
  };
}

export interface Fakes {
  app: FakeApp;
  ipcMain: ReturnType<typeof fakeIpcMain>;
  session: ReturnType<typeof fakeSession>;
  deps: ElectronDeps;
}

export function electronFakes(): Fakes {
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.shown = [];
  const app = new FakeApp();
  const ipcMain = fakeIpcMain();
  const session = fakeSession();
  const deps = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
    Notification: FakeNotification,
    ipcMain,
    safeStorage: fakeSafeStorage,
    nativeImage: { createFromPath: (file: string) => ({ file }) },
    session,
  } as unknown as ElectronDeps;
  return { app, ipcMain, session, deps };
}

/** The `electron` module as vi.mock hands it to code that imports it. */
export function electronModule() {
  const { deps } = electronFakes();
  const app = deps.app as unknown as FakeApp & { setName(name: string): void; setPath(name: string, value: string): void; getLoginItemSettings(): { wasOpenedAsHidden: boolean } };
  Object.assign(app, {
    names: [] as string[],
    setName(name: string) { (this as unknown as { names: string[] }).names.push(name); },
    setPath() {},
    getLoginItemSettings: () => ({ wasOpenedAsHidden: false }),
  });
  return { ...deps, default: deps };
}
