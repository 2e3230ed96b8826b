/**
 * A system Chromium (or Chrome) driven through playwright-core: one browser for the whole server,
 * started on the first recipe that needs it, its page reused for every shot, and closed after a
 * minute without work so no browser process or its memory stays behind.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PAGE_SETTLE_LIMIT_MS, PICTURE_BOXES_SCRIPT, SETTLED_SCRIPT, type BrowserShot, type MarkupBrowser, type PageShotRequest, type ShotRequest } from './types.ts';
import { shootPageIn } from './page-shot.ts';
import { OneAtATime } from '../../core/one-at-a-time.ts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'];

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const BROWSER_IDLE_MS = 60_000;

/** The Chromium or Chrome on this machine (INKSTAND_CHROMIUM overrides), or undefined. */
export function findSystemChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.INKSTAND_CHROMIUM;
  if (given !== undefined) return given && existsSync(given) ? given : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export interface SystemChromiumOptions {
  executablePath: string;
  idleMs?: number;
  /** Let pages load scripts and pictures from the network (recipes load chart libraries from CDNs). */
  allowNetwork?: boolean;
}

export class SystemChromium implements MarkupBrowser {
  readonly label: string;
  private browser: Promise<Browser> | undefined;
  private page: Promise<Page> | undefined;
  private readonly shots = new OneAtATime();
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SystemChromiumOptions) {
    this.label = `Chromium at ${options.executablePath}`;
  }

  /** Whether a browser process is running now. */
  get running(): boolean {
    return this.browser !== undefined;
  }

  /** One shot at a time on the one page: a second recipe waits rather than starting another renderer. */
  shoot(request: ShotRequest): Promise<BrowserShot> {
    return this.shots.run(() => this.shootNow(request));
  }

  /** A web page, in the same one-at-a-time line, in a context of its own. */
  shootPage(request: PageShotRequest): Promise<Buffer> {
    return this.shots.run(async () => {
      clearTimeout(this.idleTimer);
      try {
        const browser = await this.launch().catch(async (err: unknown) => {
          await this.close();
          throw err;
        });
        return await shootPageIn(browser, request);
      } finally {
        this.retireWhenIdle();
      }
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const browser = this.browser;
    this.browser = undefined;
    this.page = undefined;
    await (await browser?.catch(() => undefined))?.close().catch(() => undefined);
  }

  private async shootNow({ html, cssWidth, cssHeight, scale }: ShotRequest): Promise<BrowserShot> {
    clearTimeout(this.idleTimer);
    try {
      const page = await this.openPage(scale);
      await page.setViewportSize({ width: cssWidth, height: cssHeight });
      await page.setContent(html, { waitUntil: 'load', timeout: PAGE_SETTLE_LIMIT_MS });
      await Promise.race([page.evaluate(SETTLED_SCRIPT), new Promise((resolve) => setTimeout(resolve, PAGE_SETTLE_LIMIT_MS))]);
      const pictures = ((await page.evaluate(PICTURE_BOXES_SCRIPT)) as BrowserShot['pictures']).map((b) => ({ x: b.x * scale, y: b.y * scale, width: b.width * scale, height: b.height * scale }));
      const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: cssWidth, height: cssHeight }, animations: 'disabled' });
      return { png, pictures };
    } catch (err) {
      // A crashed or wedged browser is started afresh for the next shot.
      await this.close();
      throw err;
    } finally {
      this.retireWhenIdle();
    }
  }

  private launch(): Promise<Browser> {
    this.browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: this.options.executablePath, args: FLAGS, headless: true }));
    return this.browser;
  }

  private async openPage(scale: number): Promise<Page> {
    const browser = await this.launch();
    const current = await this.page;
    if (current && !current.isClosed() && (await current.evaluate('devicePixelRatio')) === scale) return current;
    await current?.context().close().catch(() => undefined);
    this.page = (async () => {
      const context = await browser.newContext({ deviceScaleFactor: scale, javaScriptEnabled: true, offline: !this.options.allowNetwork });
      const page = await context.newPage();
      if (!this.options.allowNetwork) await page.route(/^(?!data:)/, (route) => route.abort());
      return page;
    })();
    return this.page;
  }

  private retireWhenIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs ?? BROWSER_IDLE_MS);
    this.idleTimer.unref();
  }
}
