import type { Browser } from 'playwright-core';
import { SETTLED_SCRIPT, type PageShotRequest } from './types.ts';

/** The page could not be photographed as asked: the message says why, for the screen's entry. */
export class PageShotError extends Error {}

/**
 * A picture of a web page in a fresh browser context, so one screen's cookies, storage and token
 * never reach another's page and go away with the picture. The headers ride only on requests to
 * the page's own origin: a token for a dashboard must not go to the CDN its fonts come from.
 */
export async function shootPageIn(browser: Browser, request: PageShotRequest): Promise<Buffer> {
  const origin = new URL(request.url).origin;
  const context = await browser.newContext({ viewport: { width: request.cssWidth, height: request.cssHeight }, deviceScaleFactor: request.scale, serviceWorkers: 'block' });
  try {
    if (Object.keys(request.headers).length > 0) {
      await context.route('**/*', (route) => {
        const sent = route.request();
        if (new URL(sent.url()).origin !== origin) return route.continue();
        return route.continue({ headers: { ...sent.headers(), ...request.headers } });
      });
    }
    const cookies = Object.entries(request.cookies);
    if (cookies.length > 0) await context.addCookies(cookies.map(([name, value]) => ({ name, value, url: origin })));
    const stored = Object.entries(request.localStorage);
    if (stored.length > 0) {
      await context.addInitScript(({ origin: own, entries }) => {
        if (location.origin === own) for (const [key, value] of entries) localStorage.setItem(key, value);
      }, { origin, entries: stored });
    }
    const page = await context.newPage();
    const response = await page.goto(request.url, { waitUntil: 'load', timeout: request.timeoutMs }).catch((err: Error) => {
      throw new PageShotError(`could not load the page: ${firstLine(err.message)}`);
    });
    if (response && !response.ok()) throw new PageShotError(`the page answered ${response.status()} ${response.statusText()}`.trim());
    if (request.waitFor) {
      await page.locator(request.waitFor).first().waitFor({ state: 'visible', timeout: request.timeoutMs }).catch((err: Error) => {
        throw new PageShotError(err.name === 'TimeoutError'
          ? `"${request.waitFor}" did not appear on the page within ${Math.round(request.timeoutMs / 1000)} s`
          : `could not wait for "${request.waitFor}": ${firstLine(err.message)}`);
      });
    }
    if (request.waitMs > 0) await page.waitForTimeout(request.waitMs);
    await page.evaluate(SETTLED_SCRIPT);
    const clip = request.clip ?? { x: 0, y: 0, width: request.cssWidth, height: request.cssHeight };
    return await page.screenshot({ type: 'png', clip, animations: 'disabled' });
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Playwright's messages carry a call log after the first line. */
const firstLine = (message: string): string => message.split('\n')[0].replace(/^\w+\.\w+: /, '');
