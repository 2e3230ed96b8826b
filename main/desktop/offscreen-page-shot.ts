import { randomUUID } from 'node:crypto';
import { PageShotError } from '../markup/browser/page-shot.ts';
import { SETTLED_SCRIPT, type PageShotRequest } from '../markup/browser/types.ts';
import type { Electron, ElectronDeps } from './electron-types.ts';
import { WEB_PREFERENCES } from './window.ts';

/**
 * A picture of a web page in the desktop app's own Chromium: a hidden offscreen window with an
 * in-memory session of its own (its cookies, storage and token go away with it), the headers added
 * only to requests to the page's origin. Electron has no script that runs before a page's own, so
 * localStorage is seeded on a first load and the page loaded again to read it.
 */
export async function shootPageOffscreen(BrowserWindow: ElectronDeps['BrowserWindow'], request: PageShotRequest): Promise<Buffer> {
  const origin = new URL(request.url).origin;
  const window = new BrowserWindow({
    show: false, useContentSize: true, frame: false, paintWhenInitiallyHidden: true,
    width: Math.round(request.cssWidth * request.scale), height: Math.round(request.cssHeight * request.scale),
    webPreferences: { ...WEB_PREFERENCES, offscreen: true, partition: `web-page-${randomUUID()}`, backgroundThrottling: false },
  });
  try {
    const contents = window.webContents;
    const session = contents.session;
    if (Object.keys(request.headers).length > 0) {
      session.webRequest.onBeforeSendHeaders({ urls: [`${origin}/*`] }, (details, done) => done({ requestHeaders: { ...details.requestHeaders, ...request.headers } }));
    }
    for (const [name, value] of Object.entries(request.cookies)) await session.cookies.set({ url: origin, name, value });
    if (Object.keys(request.localStorage).length > 0) {
      await load(window, request);
      await contents.executeJavaScript(`for (const [k, v] of ${JSON.stringify(Object.entries(request.localStorage))}) localStorage.setItem(k, v); true`);
    }
    await load(window, request);
    contents.setZoomFactor(request.scale);
    if (request.waitFor && !(await contents.executeJavaScript(waitForScript(request.waitFor, request.timeoutMs)))) {
      throw new PageShotError(`"${request.waitFor}" did not appear on the page within ${Math.round(request.timeoutMs / 1000)} s`);
    }
    if (request.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, request.waitMs));
    await contents.executeJavaScript(SETTLED_SCRIPT);
    const clip = request.clip ?? { x: 0, y: 0, width: request.cssWidth, height: request.cssHeight };
    const scaled = (n: number) => Math.round(n * request.scale);
    return (await contents.capturePage({ x: scaled(clip.x), y: scaled(clip.y), width: scaled(clip.width), height: scaled(clip.height) })).toPNG();
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

/** Loads the page and checks the answer's HTTP status, within the request's time. */
async function load(window: Electron.BrowserWindow, request: PageShotRequest): Promise<void> {
  let status = 0;
  let statusText = '';
  const onNavigate = (_event: unknown, _url: string, code: number, text: string) => {
    status = code;
    statusText = text;
  };
  window.webContents.on('did-navigate', onNavigate);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      window.loadURL(request.url),
      new Promise((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(request.timeoutMs / 1000)} s`)), request.timeoutMs))),
    ]);
  } catch (err) {
    throw new PageShotError(`could not load the page: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
    window.webContents.off('did-navigate', onNavigate);
  }
  if (status >= 400) throw new PageShotError(`the page answered ${status} ${statusText}`.trim());
}

/** Runs in the page: true once an element matching the selector (in the page or any shadow root) is shown, false when the time is up. */
function waitForScript(selector: string, timeoutMs: number): string {
  return `new Promise((resolve) => {
  const find = (root) => {
    const hit = root.querySelector(${JSON.stringify(selector)});
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const deep = find(el.shadowRoot); if (deep) return deep; }
    return null;
  };
  const until = Date.now() + ${timeoutMs};
  const look = () => {
    const el = find(document);
    if (el && el.getClientRects().length > 0) resolve(true);
    else if (Date.now() > until) resolve(false);
    else setTimeout(look, 100);
  };
  look();
})`;
}
