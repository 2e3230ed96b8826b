import { PAGE_SETTLE_LIMIT_MS, PICTURE_BOXES_SCRIPT, SETTLED_SCRIPT, type BrowserShot, type MarkupBrowser, type PageShotRequest, type ShotRequest } from '../markup/browser/types.ts';
import { shootPageOffscreen } from './offscreen-page-shot.ts';
import type { Electron, ElectronDeps } from './electron-types.ts';
import { WEB_PREFERENCES } from './window.ts';
import { OneAtATime } from '../core/one-at-a-time.ts';

export const OFFSCREEN_IDLE_MS = 60_000;

/**
 * The desktop app's own Chromium as the browser for recipes with scripts: a hidden offscreen
 * window, made on the first such recipe, reused for the next, and closed after a minute idle.
 * The window is the panel's pixel size and zoomed by the panel's scale, so the page lays out in
 * the framework's CSS pixels and is photographed at full resolution.
 */
export class OffscreenMarkupBrowser implements MarkupBrowser {
  readonly label = "the desktop app's Chromium";
  private window: Electron.BrowserWindow | null = null;
  private readonly shots = new OneAtATime();
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly BrowserWindow: ElectronDeps['BrowserWindow'],
    private readonly idleMs = OFFSCREEN_IDLE_MS,
  ) {}

  shoot(request: ShotRequest): Promise<BrowserShot> {
    return this.shots.run(() => this.shootNow(request));
  }

  /** A web page, in the same one-at-a-time line, in a window and session of its own. */
  shootPage(request: PageShotRequest): Promise<Buffer> {
    return this.shots.run(() => shootPageOffscreen(this.BrowserWindow, request));
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    if (this.window && !this.window.isDestroyed()) this.window.destroy();
    this.window = null;
  }

  private async shootNow({ html, cssWidth, cssHeight, scale }: ShotRequest): Promise<BrowserShot> {
    clearTimeout(this.idleTimer);
    try {
      const width = Math.round(cssWidth * scale);
      const height = Math.round(cssHeight * scale);
      const window = this.openWindow();
      window.setContentSize(width, height);
      await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
      const contents = window.webContents;
      contents.setZoomFactor(scale);
      await Promise.race([contents.executeJavaScript(SETTLED_SCRIPT), new Promise((resolve) => setTimeout(resolve, PAGE_SETTLE_LIMIT_MS))]);
      const boxes = (await contents.executeJavaScript(PICTURE_BOXES_SCRIPT)) as BrowserShot['pictures'];
      const image = await contents.capturePage({ x: 0, y: 0, width, height });
      return { png: image.toPNG(), pictures: boxes.map((b) => ({ x: b.x * scale, y: b.y * scale, width: b.width * scale, height: b.height * scale })) };
    } catch (err) {
      await this.close();
      throw err;
    } finally {
      this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private openWindow(): Electron.BrowserWindow {
    if (this.window && !this.window.isDestroyed()) return this.window;
    this.window = new this.BrowserWindow({
      show: false,
      useContentSize: true,
      frame: false,
      paintWhenInitiallyHidden: true,
      // Its own session: a recipe's page shares no storage with the app's window.
      webPreferences: { ...WEB_PREFERENCES, offscreen: true, partition: 'markup', backgroundThrottling: false },
    });
    return this.window;
  }
}
