import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { PanelProfile } from '../main/imaging/panel-profile.ts';
import { findBuiltinProfile } from '../main/imaging/builtin-profiles.ts';
import { browserDocument } from '../main/markup/browser/page.ts';
import { drawMarkupPngHere } from '../main/markup/draw.ts';
import { viewportFor } from '../main/markup/target.ts';
import { chromiumProcessesOf, median, rssMb } from './screens-support.ts';
import type { Report } from './report.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const FIXTURE_DIR = new URL('../test/fixtures/markup/', import.meta.url);
const SIZES: [string, PanelProfile][] = [
  ['800x480', findBuiltinProfile('inky-impression-7.3')!],
  ['1600x1200', findBuiltinProfile('spectra6-13.3')!],
];
const WARMUP = 3;
const RUNS = 9;
const COLD_RUNS = 3;

/**
 * Each markup fixture drawn to a panel-ready PNG by Inkstand (no browser, as a display gets it), against what BYOS
 * servers do (a warm headless Chromium page screenshotting the same markup, with the same
 * stylesheet) and what InkyPi does (Chromium launched per render), in the same run: ours and the
 * warm page take turns, so a busy machine slows both alike. The browser's times stop at its
 * screenshot (it still has to be dithered for the panel); ours include that.
 */
export async function runScreensBench(report: Report): Promise<void> {
  const fixtures = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.html') && !readFileSync(new URL(f, FIXTURE_DIR), 'utf8').includes('<script'));
  const baseline = rssMb();
  let peakRss = baseline;
  for (const [, profile] of SIZES) for (const name of fixtures) await drawMarkupPngHere(html(name), { profile });
  const browsersWhileDrawing = chromiumProcessesOf(process.pid);
  report('screens: Chromium processes while drawing markup without one', browsersWhileDrawing, 'count');

  const browser = existsSync(CHROMIUM) ? await launch() : undefined;
  if (!browser) console.log(`screens: ${CHROMIUM} not found, skipping the browser comparison`);
  try {
    for (const [size, profile] of SIZES) {
      const ratios: number[] = [];
      const ours: number[] = [];
      const { cssWidth, cssHeight, scale } = viewportFor({ profile });
      const page = browser && (await browser.newPage({ viewport: { width: cssWidth, height: cssHeight }, deviceScaleFactor: scale }));
      for (const name of fixtures) {
        const markup = html(name);
        const pageHtml = browserDocument(markup, { profile });
        const times = await alternate(
          async () => {
            await drawMarkupPngHere(markup, { profile });
            peakRss = Math.max(peakRss, rssMb());
          },
          page && (() => shoot(page, pageHtml)),
        );
        report(`screens ${size} ${name} (Inkstand, panel-ready)`, times.ours, 'ms');
        ours.push(times.ours);
        if (times.peer !== undefined) {
          report(`screens ${size} ${name} (warm Chromium screenshot)`, times.peer, 'ms');
          ratios.push(times.ours / times.peer);
        }
      }
      report(`screens ${size} median of fixtures (Inkstand)`, median(ours), 'ms');
      if (ratios.length > 0) report(`screens ${size} median ours/warm browser`, median(ratios), 'ratio');
      await page?.close();
      if (browser) {
        const cold = await coldMs(profile, html(fixtures[0]));
        report(`screens ${size} ${fixtures[0]} (Chromium launched per render)`, cold, 'ms');
        report(`screens ${size} ours/cold browser`, median(ours) / cold, 'ratio');
      }
    }
    report('screens: RSS before drawing', baseline, 'MB');
    report('screens: peak RSS while drawing (Inkstand, in this process)', peakRss, 'MB');
  } finally {
    await browser?.close();
  }
}

const html = (name: string): string => readFileSync(new URL(name, FIXTURE_DIR), 'utf8');

async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

async function shoot(page: Page, pageHtml: string): Promise<void> {
  await page.setContent(pageHtml, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ type: 'png' });
}

/** Chromium started for one render and closed, as a scheduled script does. */
async function coldMs(profile: PanelProfile, markup: string): Promise<number> {
  const { cssWidth, cssHeight, scale } = viewportFor({ profile });
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const start = performance.now();
    const browser = await launch();
    const page = await browser.newPage({ viewport: { width: cssWidth, height: cssHeight }, deviceScaleFactor: scale });
    await shoot(page, browserDocument(markup, { profile }));
    await browser.close();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Median times of ours and the peer, taking turns after a warm-up. */
async function alternate(ours: () => Promise<void>, peer?: () => Promise<void>): Promise<{ ours: number; peer?: number }> {
  const t = { ours: [] as number[], peer: [] as number[] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const [run, into] of [[ours, t.ours], [peer, t.peer]] as const) {
      if (!run) continue;
      const start = performance.now();
      await run();
      if (i >= WARMUP) into.push(performance.now() - start);
    }
  }
  return { ours: median(t.ours), peer: peer ? median(t.peer) : undefined };
}
