import { z } from 'zod';
import { markupBrowser, PageShotError, type PageShotRequest } from '../markup/index.ts';
import { SourceError } from '../sources/source-http.ts';
import { formatInstant, type LoadContext } from './time-data.ts';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MAX_PIXELS = 3200 * 2400;
const pixels = (name: string) => z.number().int().min(0, `${name} is a number of pixels`).max(3200);

/**
 * "Web page": a picture of a URL taken by the browser tier (a system Chromium, or the desktop
 * app's), kept as the screen's data and drawn like any picture, so the panel's dithering applies.
 * The picture is `width`×`height` pixels; `zoom` lays the page out in a window `zoom` times smaller
 * and draws it `zoom` times bigger; `crop` keeps a part of the picture (in its pixels).
 */
export const webPageSettings = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' }),
  width: pixels('width').min(100).default(800),
  height: pixels('height').min(100).default(480),
  zoom: z.number().min(0.25).max(4).default(1),
  wait_for: z.string().trim().max(300).default('').describe('a CSS selector to wait for, e.g. #forecast .loaded'),
  wait_seconds: z.number().min(0).max(30).default(0),
  timeout_seconds: z.number().int().min(5).max(120).default(30).describe('how long loading and the wait_for selector may take, each'),
  headers: z.record(z.string().regex(TOKEN, 'a header name'), z.string().max(4000).regex(/^[^\r\n]*$/, 'a header value on one line')).default({}),
  cookies: z.record(z.string().regex(TOKEN, 'a cookie name'), z.string().max(4000).regex(/^[^;,\s"\\]*$/, 'a cookie value without spaces, commas, semicolons or quotes')).default({}),
  local_storage: z.record(z.string().min(1).max(200), z.string().max(20_000)).default({}),
  home_assistant_token: z.string().trim().max(1000).refine((t) => t === '' || t.length >= 20, 'a long-lived access token (HA profile → Security)').default(''),
  crop: z.strictObject({ x: pixels('x'), y: pixels('y'), width: pixels('width').min(10), height: pixels('height').min(10) }).nullable().default(null),
}).superRefine((s, ctx) => {
  if (s.width * s.height > MAX_PIXELS) ctx.addIssue({ code: 'custom', path: ['width'], message: `at most ${MAX_PIXELS} pixels in all (e.g. 3200×2400)` });
  if (s.crop && (s.crop.x + s.crop.width > s.width || s.crop.y + s.crop.height > s.height)) {
    ctx.addIssue({ code: 'custom', path: ['crop'], message: `the crop must lie inside the ${s.width}×${s.height} picture` });
  }
});

export type WebPageSettings = z.infer<typeof webPageSettings>;

export const NEEDS_BROWSER = 'A web page screen needs a browser to take its picture: install Chromium or Google Chrome on this computer (or set INKSTAND_CHROMIUM to one), or run the Inkstand desktop app.';

/** Home Assistant's Lovelace, which waits for this view element before the picture is taken (unless told otherwise). */
const HOME_ASSISTANT_VIEW = 'hui-view';
const TEN_YEARS_MS = 10 * 365 * 86_400_000;

export async function webPageData(settings: WebPageSettings, context: LoadContext) {
  const browser = markupBrowser();
  if (!browser) throw new SourceError(NEEDS_BROWSER, { image: '', problem: NEEDS_BROWSER });
  const site = new URL(settings.url).host;
  let png: Buffer;
  try {
    png = await browser.shootPage(shotRequest(settings, context.now));
  } catch (err) {
    const message = err instanceof PageShotError ? err.message : `the browser failed: ${(err as Error).message.split('\n')[0]}`;
    throw new SourceError(`${site}: ${message}`, { image: '', problem: `${site}: ${message}` });
  }
  return { image: `data:image/png;base64,${png.toString('base64')}`, site, taken_at: context.now.toISOString(), problem: '' };
}

/** When drawn: the time the picture was taken, in the display's zone. */
export function presentWebPage(data: { taken_at?: string }, context: LoadContext) {
  return data.taken_at ? { ...data, taken: formatInstant(data.taken_at, context, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) } : data;
}

/** The browser's request: the settings' picture pixels turned into the page's CSS pixels at the zoom, and the Home Assistant preset. */
export function shotRequest(settings: WebPageSettings, now: Date): PageShotRequest {
  const css = (n: number) => n / settings.zoom;
  const localStorage = { ...settings.local_storage };
  let waitFor = settings.wait_for || null;
  if (settings.home_assistant_token) {
    localStorage.hassTokens = homeAssistantTokens(new URL(settings.url).origin, settings.home_assistant_token, now);
    waitFor ??= HOME_ASSISTANT_VIEW;
  }
  return {
    url: settings.url,
    cssWidth: Math.round(css(settings.width)),
    cssHeight: Math.round(css(settings.height)),
    scale: settings.zoom,
    headers: settings.headers,
    cookies: settings.cookies,
    localStorage,
    waitFor,
    waitMs: settings.wait_seconds * 1000,
    clip: settings.crop ? { x: css(settings.crop.x), y: css(settings.crop.y), width: css(settings.crop.width), height: css(settings.crop.height) } : null,
    timeoutMs: settings.timeout_seconds * 1000,
  };
}

/**
 * What Home Assistant's frontend keeps in localStorage after a login, with the long-lived token as
 * the access token and an expiry years away, so it never tries to refresh it: the dashboard opens
 * signed in, with no login page.
 */
function homeAssistantTokens(origin: string, token: string, now: Date): string {
  return JSON.stringify({
    hassUrl: origin, clientId: `${origin}/`, access_token: token, token_type: 'Bearer',
    refresh_token: '', expires_in: TEN_YEARS_MS / 1000, expires: now.getTime() + TEN_YEARS_MS,
  });
}
