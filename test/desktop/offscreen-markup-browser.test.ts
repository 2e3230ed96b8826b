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
  zoom = 1;
  readonly webContents = {
    setZoomFactor: (zoom: number) => (this.zoom = zoom),
    executeJavaScript: async (script: string) => (script.includes('querySelectorAll') ? [{ x: 10, y: 20, width: 30, height: 40 }] : true),
    capturePage: async (rect: { width: number; height: number }) => ({ toPNG: () => Buffer.from(`png ${rect.width}x${rect.height}`) }),
  };
  constructor(readonly options: { webPreferences: Record<string, unknown>; show: boolean }) {
    super();
    FakeOffscreenWindow.instances.push(this);
  }
  setContentSize(width: number, height: number) { this.size = [width, height]; }
  async loadURL(url: string) { this.url = url; }
  isDestroyed() { return this.destroyed; }
  destroy() { this.destroyed = true; }
}

const BrowserWindow = FakeOffscreenWindow as unknown as ElectronDeps['BrowserWindow'];
const request = { html: '<p>chart</p>', cssWidth: 800, cssHeight: 600, scale: 2 };

afterEach(() => {
  FakeOffscreenWindow.instances = [];
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
    expect(shot.png.toString()).toBe('png 1600x1200');
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
});
