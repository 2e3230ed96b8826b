import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { refreshBuiltinData, renderBuiltinScreen } from '../../main/builtin-screens/render.ts';
import { shotRequest, webPageSettings } from '../../main/builtin-screens/web-page.ts';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import { closeImagePool } from '../../main/imaging/pool.ts';
import { setMarkupBrowser, SystemChromium } from '../../main/markup/index.ts';
import { startFakeWebPages, type FakeWebPages } from '../fakes/web-pages-server.ts';
import { ocrText, readsAs } from '../markup/support/ocr.ts';

const NOW = new Date('2025-10-15T08:05:00Z');
const context = { now: NOW, timeZone: 'Europe/Berlin', locale: 'en' };
const HA_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.long-lived.token-abc123';

let pages: FakeWebPages;
let thirdParty: FakeWebPages;
let chromium: SystemChromium;

beforeAll(async () => {
  thirdParty = await startFakeWebPages();
  pages = await startFakeWebPages({ pictureUrl: `${thirdParty.url}/pixel.png` });
  chromium = new SystemChromium({ executablePath: '/usr/bin/chromium', allowNetwork: true });
  await setMarkupBrowser(chromium);
});

afterAll(async () => {
  await setMarkupBrowser(null);
  await Promise.all([pages.close(), thirdParty.close()]);
  await closeImagePool();
});

/** The screen's data for these settings, which must load without an error. */
async function picture(settings: Record<string, unknown>): Promise<{ image: string; site: string; taken: string }> {
  const { data, error } = await refreshBuiltinData('web-page', settings, context);
  expect(error).toBeNull();
  return data as { image: string; site: string; taken: string };
}

const pngOf = (image: string) => Buffer.from(image.replace(/^data:image\/png;base64,/, ''), 'base64');
const read = async (png: Buffer) => (await ocrText(png)).replace(/\s+/g, ' ');

describe('the web page screen', () => {
  it('waits for a selector, then draws the page through the panel pipeline legibly on colour, 1-bit and 1600×1200 panels', async () => {
    const data = await picture({ url: `${pages.url}/late`, wait_for: '#late' });
    expect(data.site).toBe(new URL(pages.url).host);
    expect(await sharp(pngOf(data.image)).metadata()).toMatchObject({ width: 800, height: 480 });
    for (const profileId of ['inky-impression-7.3', 'trmnl-og-1bit', 'spectra6-13.3']) {
      const { png } = await renderBuiltinScreen('web-page', data, context, { profile: findBuiltinProfile(profileId)! });
      if (process.env.SAVE_RENDERS) await sharp(png).toFile(`${process.env.SAVE_RENDERS}/web-page-${profileId}.png`);
      const text = await read(png);
      for (const wanted of ['Tide table', 'High water 14:32']) expect(readsAs(text, wanted), `${profileId}: "${wanted}" in "${text}"`).toBe(true);
    }
  }, 120_000);

  it('without the wait, takes the page as it is at load (the late part missing)', async () => {
    const text = await read(pngOf((await picture({ url: `${pages.url}/late` })).image));
    expect(readsAs(text, 'Tide table')).toBe(true);
    expect(text).not.toMatch(/High water/);
  }, 60_000);

  it('sends extra headers to the page\'s own origin only, and sets cookies', async () => {
    const meter = await picture({ url: `${pages.url}/meter`, headers: { Authorization: 'Bearer meter-token-123' } });
    expect(readsAs(await read(pngOf(meter.image)), 'Meter reading 4711')).toBe(true);
    const third = thirdParty.seen.find((r) => r.path === '/pixel.png');
    expect(third, 'the page\'s picture from another origin was asked for').toBeDefined();
    expect(third!.headers.authorization).toBeUndefined();
    const garden = await picture({ url: `${pages.url}/garden`, cookies: { session: 'garden-cookie' } });
    expect(readsAs(await read(pngOf(garden.image)), 'Soil moisture 38%')).toBe(true);
  }, 60_000);

  it('signs Home Assistant\'s dashboard in with a long-lived token through hassTokens, waiting for its view in the shadow DOM', async () => {
    const text = await read(pngOf((await picture({ url: `${pages.url}/lovelace?kiosk`, home_assistant_token: HA_TOKEN })).image));
    expect(readsAs(text, 'Living room 21.5')).toBe(true);
    expect(readsAs(text, 'Token abc123')).toBe(true);
    expect(text).not.toMatch(/Log in/);
  }, 60_000);

  it('zooms and crops: the picture is the crop of the zoomed page, at the crop\'s size', async () => {
    // At zoom 2 the 800×480 picture shows the page's top-left 400×240 (only "Alpha"), twice as big; the crop keeps its right half.
    const whole = await picture({ url: `${pages.url}/quarters`, zoom: 2 });
    const wholeText = await read(pngOf(whole.image));
    expect(readsAs(wholeText, 'Alpha')).toBe(true);
    expect(wholeText).not.toMatch(/Bravo|Charlie|Delta/);
    const cropped = await picture({ url: `${pages.url}/quarters`, crop: { x: 400, y: 240, width: 400, height: 240 } });
    expect(await sharp(pngOf(cropped.image)).metadata()).toMatchObject({ width: 400, height: 240 });
    const croppedText = await read(pngOf(cropped.image));
    expect(readsAs(croppedText, 'Delta')).toBe(true);
    expect(croppedText).not.toMatch(/Alpha|Bravo|Charlie/);
  }, 60_000);

  it('keeps the last picture when the page fails, and says why', async () => {
    const settings = { url: `${pages.url}/garden`, cookies: { session: 'garden-cookie' } };
    const good = await picture(settings);
    pages.failing = true;
    try {
      expect(await refreshBuiltinData('web-page', settings, context, good)).toEqual({ data: good, error: `${new URL(pages.url).host}: the page answered 500 Internal Server Error` });
    } finally {
      pages.failing = false;
    }
    const selector = await refreshBuiltinData('web-page', { url: `${pages.url}/quarters`, wait_for: '#never', timeout_seconds: 5 }, context, good);
    expect(selector).toEqual({ data: good, error: `${new URL(pages.url).host}: "#never" did not appear on the page within 5 s` });
    const missing = await refreshBuiltinData('web-page', { url: `${pages.url}/meter` }, context);
    expect(missing).toEqual({ data: { image: '', problem: expect.stringContaining('answered 401 Unauthorized') }, error: expect.stringContaining('answered 401 Unauthorized') });
  }, 60_000);

  it('without a browser, shows a card that says what it needs', async () => {
    await setMarkupBrowser(null);
    try {
      const { data, error } = await refreshBuiltinData('web-page', { url: `${pages.url}/quarters` }, context);
      expect(error).toMatch(/needs a browser/);
      const { png, boxes } = await renderBuiltinScreen('web-page', data, context, { profile: findBuiltinProfile('trmnl-og-1bit')! });
      expect(boxes).toBeDefined();
      const text = await read(png);
      for (const wanted of ['No picture of the page yet', 'needs a browser', 'install Chromium']) expect(readsAs(text, wanted), `"${wanted}" in "${text}"`).toBe(true);
    } finally {
      await setMarkupBrowser(chromium);
    }
  }, 60_000);

  it('validates its settings', async () => {
    const bad: Record<string, unknown>[] = [
      { url: 'file:///etc/passwd' },
      { url: `${pages.url}/`, zoom: 10 },
      { url: `${pages.url}/`, crop: { x: 700, y: 0, width: 200, height: 100 } },
      { url: `${pages.url}/`, headers: { 'Bad Header': 'x' } },
      { url: `${pages.url}/`, headers: { 'X-Token': 'a\r\nInjected: yes' } },
      { url: `${pages.url}/`, cookies: { session: 'a; b' } },
      { url: `${pages.url}/`, home_assistant_token: 'short' },
      { url: `${pages.url}/`, width: 3200, height: 3200 },
      { url: `${pages.url}/`, wait_seconds: 120 },
    ];
    for (const settings of bad) await expect(refreshBuiltinData('web-page', settings, context), JSON.stringify(settings)).rejects.toThrow(ZodError);
  });

  it('turns the picture\'s pixels into the page\'s CSS pixels at the zoom', () => {
    const request = shotRequest(webPageSettings.parse({ url: 'http://ha.local:8123/lovelace/0?kiosk', zoom: 2, width: 1600, height: 1200, crop: { x: 200, y: 100, width: 800, height: 600 }, home_assistant_token: HA_TOKEN }), NOW);
    expect(request).toMatchObject({ cssWidth: 800, cssHeight: 600, scale: 2, clip: { x: 100, y: 50, width: 400, height: 300 }, waitFor: 'hui-view' });
    expect(JSON.parse(request.localStorage.hassTokens)).toMatchObject({ hassUrl: 'http://ha.local:8123', access_token: HA_TOKEN, token_type: 'Bearer' });
  });
});
