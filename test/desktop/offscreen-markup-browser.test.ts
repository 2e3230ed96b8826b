import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ElectronDeps } from '../../main/desktop/electron-types.ts';
import { OffscreenMarkupBrowser } from '../../main/desktop/offscreen-markup-browser.ts';

/** Enough of an offscreen BrowserWindow: it records what it was asked to show and "photographs" it. */
class FakeOffscreenWindow extends EventEmitter {
  static instances: FakeOffscreenWindow[] = [];
  destroyed = false;
  size: [number, number] = [0, 0];
  url = '';
  loads: string[] = [];
  zoom = 1;
  scripts: string[] = [];
  cookies: unknown[] = [];
  headerFilter: { filter: { urls: string[] }; add: (details: { requestHeaders: Record<string, string> }) => Record<string, string> } | null = null;
  /** What the next page answers, and whether a selector wait finds its element. */
  static status = 200;
  static selectorFound = true;
  private readonly contentsEvents = new EventEmitter();
  readonly webContents = {
    setZoomFactor: (zoom: number) => (this.zoom = zoom),
    executeJavaScript: async (script: string) => {
      this.scripts.push(script);
      if (script.includes('getClientRects')) return FakeOffscreenWindow.selectorFound;
      return script.includes('querySelectorAll') ? [{ x: 10, y: 20, width: 30, height: 40 }] : true;
    },
    capturePage: async (rect: { x?: number; y?: number; width: number; height: number }) => ({ toPNG: () => Buffer.from(`png ${rect.x ?? 0},${rect.y ?? 0} ${rect.width}x${rect.height}`) }),
    on: (event: string, listener: (...args: unknown[]) => void) => this.contentsEvents.on(event, listener),
    off: (event: string, listener: (...args: unknown[]) => void) => this.contentsEvents.off(event, listener),
    session: {
      cookies: { set: async (cookie: unknown) => void this.cookies.push(cookie) },
      webRequest: {
        onBeforeSendHeaders: (filter: { urls: string[] }, listener: (details: { requestHeaders: Record<string, string> }, done: (r: { requestHeaders: Record<string, string> }) => void) => void) => {
          this.headerFilter = { filter, add: (details) => { let out = {}; listener(details, (r) => (out = r.requestHeaders)); return out; } };
        },
      },
    },
  };
  constructor(readonly options: { webPreferences: Record<string, unknown>; show: boolean }) {
    super();
    FakeOffscreenWindow.instances.push(this);
  }
  setContentSize(width: number, height: number) { this.size = [width, height]; }
  async loadURL(url: string) {
    this.url = url;
    this.loads.push(url);
    this.contentsEvents.emit('did-navigate', {}, url, FakeOffscreenWindow.status, FakeOffscreenWindow.status === 200 ? 'OK' : 'Unauthorized');
  }
  isDestroyed() { return this.destroyed; }
  destroy() { this.destroyed = true; }
}

const BrowserWindow = FakeOffscreenWindow as unknown as ElectronDeps['BrowserWindow'];
const request = { html: '<p>chart</p>', cssWidth: 800, cssHeight: 600, scale: 2 };

afterEach(() => {
  FakeOffscreenWindow.instances = [];
  FakeOffscreenWindow.status = 200;
  FakeOffscreenWindow.selectorFound = true;
  vi.useRealTimers();
});

describe('OffscreenMarkupBrowser', () => {
  it('draws the page in one hidden, sandboxed offscreen window at the panel\'s pixel size, zoomed by its scale', async () => {
    const browser = new OffscreenMarkupBrowser(BrowserWindow);
    const shot = await browser.shoot(request);
    const [window] = FakeOffscreenWindow.instances;
    expect(window.options).toMatchObject({ show: false, webPreferences: { offscreen: true, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window.size).toEqual([1600, 1200]);
    expect(window.zoom).toBe(2);
    expect(Buffer.from(window.url.split(',')[1], 'base64').toString()).toBe('<p>chart</p>');
    expect(shot.png.toString()).toBe('png 0,0 1600x1200');
    expect(shot.pictures).toEqual([{ x: 20, y: 40, width: 60, height: 80 }]);
    await browser.shoot(request);
    expect(FakeOffscreenWindow.instances).toHaveLength(1);
    await browser.close();
  });

  it('closes its window after a while without work, and opens a new one for the next recipe', async () => {
    vi.useFakeTimers();
    const browser = new OffscreenMarkupBrowser(BrowserWindow, 1000);
    await browser.shoot(request);
    vi.advanceTimersByTime(1001);
    expect(FakeOffscreenWindow.instances[0].destroyed).toBe(true);
    await browser.shoot(request);
    expect(FakeOffscreenWindow.instances).toHaveLength(2);
    await browser.close();
  });

  describe('web pages', () => {
    const page = {
      url: 'http://ha.local:8123/lovelace/0?kiosk', cssWidth: 400, cssHeight: 240, scale: 2,
      headers: { Authorization: 'Bearer t' }, cookies: { session: 'abc' }, localStorage: { hassTokens: '{"access_token":"t"}' },
      waitFor: 'hui-view', waitMs: 0, clip: { x: 10, y: 20, width: 100, height: 50 }, timeoutMs: 1000,
    };

    it('photographs a page in a window and in-memory session of its own, headers for its origin only, storage seeded before the page is read', async () => {
      const browser = new OffscreenMarkupBrowser(BrowserWindow);
      const png = await browser.shootPage(page);
      const [window] = FakeOffscreenWindow.instances;
      expect(window.options).toMatchObject({ show: false, width: 800, height: 480, webPreferences: { offscreen: true, sandbox: true, contextIsolation: true, nodeIntegration: false } });
      expect(String(window.options.webPreferences.partition)).toMatch(/^web-page-[0-9a-f-]{36}$/);
      expect(window.headerFilter!.filter).toEqual({ urls: ['http://ha.local:8123/*'] });
      expect(window.headerFilter!.add({ requestHeaders: { Accept: '*/*' } })).toEqual({ Accept: '*/*', Authorization: 'Bearer t' });
      expect(window.cookies).toEqual([{ url: 'http://ha.local:8123', name: 'session', value: 'abc' }]);
      // Loaded, storage seeded, loaded again so the page's scripts find it.
      expect(window.loads).toEqual([page.url, page.url]);
      expect(window.scripts[0]).toContain('localStorage.setItem');
      expect(window.scripts[1]).toContain('"hui-view"');
      expect(window.zoom).toBe(2);
      expect(png.toString()).toBe('png 20,40 200x100');
      expect(window.destroyed).toBe(true);
      await browser.close();
    });

    it('says what went wrong: an HTTP error, a selector that never came; the window goes either way', async () => {
      const browser = new OffscreenMarkupBrowser(BrowserWindow);
      FakeOffscreenWindow.status = 401;
      await expect(browser.shootPage(page)).rejects.toThrow('the page answered 401 Unauthorized');
      FakeOffscreenWindow.status = 200;
      FakeOffscreenWindow.selectorFound = false;
      await expect(browser.shootPage(page)).rejects.toThrow('"hui-view" did not appear on the page within 1 s');
      expect(FakeOffscreenWindow.instances.every((w) => w.destroyed)).toBe(true);
      await browser.close();
    });
  });
});
