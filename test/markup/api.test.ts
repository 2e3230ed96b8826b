import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import { closeImagePool } from '../../main/imaging/pool.ts';
import { drawMarkup, drawScreenMarkup, drawWithBrowser, drawingMethod, findSystemChromium, howDrawn, screenMarkup, setMarkupBrowser, SystemChromium } from '../../main/markup/index.ts';
import { ocrText } from './support/ocr.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/markup/${name}`, import.meta.url), 'utf8');
const profile = (id: string) => findBuiltinProfile(id)!;

afterAll(async () => {
  await setMarkupBrowser(null);
  await closeImagePool();
});

describe('howDrawn', () => {
  it('draws markup without scripts itself and sends markup with scripts to a browser', () => {
    expect(howDrawn(fixture('todo-columns.html'))).toBe('markup');
    expect(howDrawn(fixture('script-label.html'))).toBe('browser');
    expect(howDrawn('<div class="layout"><script type="application/json">{"a":1}</script></div>')).toBe('markup');
  });
});

describe('drawMarkup', () => {
  it('gives the panel-ready PNG of the panel (1-bit grey for TRMNL, indexed for colour panels) from an image process', async () => {
    const grey = await drawMarkup(fixture('todo-columns.html'), { profile: profile('trmnl-og-1bit') });
    expect(await sharp(grey.png).metadata()).toMatchObject({ width: 800, height: 480, channels: 1 });
    const colour = await drawMarkup(fixture('todo-columns.html'), { profile: profile('spectra6-13.3') });
    const meta = await sharp(colour.png).metadata();
    expect(meta).toMatchObject({ width: 1600, height: 1200, isPalette: true });
    expect(colour.boxes.width).toBe(1600);
  });

  it('turns the drawing into the native pixel order of a display hung at 90°', async () => {
    const drawn = await drawMarkup(fixture('todo-columns.html'), { profile: profile('trmnl-og-1bit'), rotation: 90 });
    expect(await sharp(drawn.png).metadata()).toMatchObject({ width: 800, height: 480 });
    expect(drawn.boxes).toMatchObject({ width: 480, height: 800 });
  });
});

const chromium = findSystemChromium();

describe.skipIf(!chromium)('drawing in a browser', () => {
  it('runs the recipe\'s script in a system Chromium and draws what it wrote, in the panel\'s colours', async () => {
    const browser = new SystemChromium({ executablePath: chromium!, allowNetwork: false, idleMs: 3000 });
    await setMarkupBrowser(browser);
    expect(drawingMethod(fixture('script-label.html'))).toMatchObject({ how: 'browser' });
    const { png } = await drawWithBrowser(fixture('script-label.html'), { profile: profile('trmnl-og-1bit') });
    expect(browser.running).toBe(true);
    expect(await sharp(png).metadata()).toMatchObject({ width: 800, height: 480, channels: 1 });
    expect(await ocrText(png)).toMatch(/SCRIPTED 42/);
    await vi.waitFor(() => expect(browser.running).toBe(false), { timeout: 10_000, interval: 100 }); // closed once idle
  });
});

describe('without a browser', () => {
  it('draws a card saying what the recipe needs', async () => {
    await setMarkupBrowser(null);
    const drawn = await drawScreenMarkup(fixture('script-label.html'), { profile: profile('trmnl-og-1bit') });
    expect(drawn.how).toBe('needs-browser');
    const text = await ocrText(drawn.png);
    expect(text).toMatch(/needs a browser/i);
    expect(text).toMatch(/Script gauge/);
  });
});

describe('screenMarkup', () => {
  it('wraps views in a mashup in the order of its places', () => {
    const html = screenMarkup([{ html: 'a' }, { html: 'b' }, { html: 'c' }], { mashup: '1Lx2R', darkMode: true });
    expect(html).toBe('<div class="screen screen--dark-mode"><div class="mashup mashup--1Lx2R"><div class="view view--half_vertical">a</div><div class="view view--quadrant">b</div><div class="view view--quadrant">c</div></div></div>');
  });
});
