import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { CanvasSpec } from '../main/dashboard/canvas.ts';
import { drawContext } from '../main/dashboard/context.ts';
import { dashboardTree } from '../main/dashboard/dashboard-layout.ts';
import type { El } from '../main/dashboard/elements.ts';
import { bundledFonts } from '../main/dashboard/fonts.ts';
import { renderDashboard } from '../main/dashboard/render.ts';
import type { DashboardData } from '../main/dashboard/types.ts';
import { CANVASES } from '../test/fixtures/dashboard/canvases.ts';
import { sampleData } from '../test/fixtures/dashboard/sample-data.ts';
import type { Report } from './report.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SIZES: [string, CanvasSpec][] = [
  ['800x480', CANVASES.inkyLandscape],
  ['1600x1200', CANVASES.spectra6],
];
const WARMUP = 3;
const RUNS = 15;

/**
 * Median data→PNG time of the dashboard: ours (satori → resvg → PNG) against the seed's way,
 * the same layout as an HTML page screenshotted by headless Chromium (launched once).
 */
export async function runDashboardBench(report: Report): Promise<void> {
  const ours = new Map<string, number>();
  for (const [size, canvas] of SIZES) {
    const ms = await medianMs((i) => renderDashboard(minuteLater(i), canvas));
    ours.set(size, ms);
    report(`dashboard render ${size} (satori + resvg)`, ms, 'ms');
  }

  if (!existsSync(CHROMIUM)) {
    console.log(`dashboard: ${CHROMIUM} not found, skipping the headless Chromium comparison`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const [size, canvas] of SIZES) {
      const ms = await browserMedianMs(browser, canvas);
      report(`dashboard render ${size} (HTML + headless Chromium screenshot)`, ms, 'ms');
      report(`dashboard render ${size} ours/browser`, ours.get(size)! / ms, 'ratio');
    }
  } finally {
    await browser.close();
  }
}

async function browserMedianMs(browser: Browser, canvas: CanvasSpec): Promise<number> {
  const page = await browser.newPage({ viewport: { width: canvas.width, height: canvas.height }, deviceScaleFactor: 1 });
  try {
    return await medianMs(async (i) => {
      const data = minuteLater(i);
      const tree = dashboardTree(data, drawContext(canvas, { timeZone: data.timeZone, locale: data.locale ?? 'en-GB' }));
      await page.setContent(htmlPage(tree), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return page.screenshot({ type: 'png' });
    });
  } finally {
    await page.close();
  }
}

/** The sample data, a minute later on each run, so no layer can reuse the previous render. */
function minuteLater(i: number): DashboardData {
  const data = sampleData();
  return { ...data, now: new Date(data.now.getTime() + i * 60_000) };
}

async function medianMs(run: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run(WARMUP + i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

let fontFaces: string | undefined;

/** The element tree as a standalone HTML page with the same fonts, so Chromium draws the same layout. */
function htmlPage(tree: El): string {
  fontFaces ??= bundledFonts()
    .map((f) => `@font-face{font-family:"${f.name}";font-weight:${f.weight};src:url(data:font/woff;base64,${Buffer.from(f.data as Buffer).toString('base64')}) format("woff")}`)
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${fontFaces}*{box-sizing:border-box}body{margin:0}</style></head><body>${toHtml(tree)}</body></html>`;
}

const UNITLESS = new Set(['fontWeight', 'flexGrow', 'flexShrink', 'opacity', 'zIndex']);

function toHtml(el: El): string {
  const { style = {}, children, src, width, height } = el.props;
  const css = Object.entries(style)
    .flatMap(([key, value]): [string, string | number][] =>
      key === 'lineClamp' ? [['display', '-webkit-box'], ['-webkit-box-orient', 'vertical'], ['-webkit-line-clamp', value]] : [[key, value]],
    )
    .map(([key, value]) => `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${typeof value === 'number' && !UNITLESS.has(key) && !key.startsWith('-') ? `${value}px` : value}`)
    .join(';');
  if (el.type === 'img') return `<img src="${src}" width="${width}" height="${height}" style="${css}">`;
  const inner = typeof children === 'string' ? escapeHtml(children) : (children ?? []).map(toHtml).join('');
  return `<div style="${escapeHtml(css)}">${inner}</div>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runDashboardBench((name, value, unit) => console.log(`${name.padEnd(60)} ${value.toFixed(unit === 'ratio' ? 3 : 2).padStart(10)} ${unit}`));
}
