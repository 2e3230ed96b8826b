import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { CanvasSpec } from '../main/dashboard/canvas.ts';
import { drawContext } from '../main/dashboard/context.ts';
import { dashboardTree } from '../main/dashboard/dashboard-layout.ts';
import type { El } from '../main/dashboard/elements.ts';
import { renderDashboard } from '../main/dashboard/render.ts';
import { bundledFonts } from '../main/markup/engine.ts';
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
const WARMUP = 5;
const RUNS = 21;

/**
 * Median data→PNG time of the dashboard: ours (takumi → PNG) against the seed's way,
 * the same layout as an HTML page screenshotted by headless Chromium (launched once). The two
 * take turns, run by run, so a busy machine slows both alike.
 */
export async function runDashboardBench(report: Report): Promise<void> {
  const browser = existsSync(CHROMIUM) ? await launchChromium() : undefined;
  if (!browser) console.log(`dashboard: ${CHROMIUM} not found, skipping the headless Chromium comparison`);
  try {
    for (const [size, canvas] of SIZES) {
      const ours: Render = (i) => renderDashboard(minuteLater(i), canvas);
      const page = browser && (await browser.newPage({ viewport: { width: canvas.width, height: canvas.height }, deviceScaleFactor: 1 }));
      const peer: Render | undefined = page && ((i) => screenshot(page, canvas, minuteLater(i)));
      const { oursMs, peerMs } = await medianMs(ours, peer);
      report(`dashboard render ${size} (takumi)`, oursMs, 'ms');
      if (peerMs !== undefined) {
        report(`dashboard render ${size} (HTML + headless Chromium screenshot)`, peerMs, 'ms');
        report(`dashboard render ${size} ours/browser`, oursMs / peerMs, 'ratio');
      }
      await page?.close();
      if (browser) {
        const coldMs = await coldBrowserMs(canvas);
        report(`dashboard render ${size} (Chromium launched per render, as a scheduled script does)`, coldMs, 'ms');
        report(`dashboard render ${size} ours/browser launched per render`, oursMs / coldMs, 'ratio');
      }
    }
  } finally {
    await browser?.close();
  }
}

const COLD_RUNS = 5;

/** The seed's job as a scheduled script runs it: start Chromium, screenshot the page, quit. */
async function coldBrowserMs(canvas: CanvasSpec): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const start = performance.now();
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: canvas.width, height: canvas.height }, deviceScaleFactor: 1 });
    await screenshot(page, canvas, minuteLater(i));
    await browser.close();
    times.push(performance.now() - start);
  }
  return median(times);
}

type Render = (i: number) => Promise<unknown>;

async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

async function screenshot(page: Page, canvas: CanvasSpec, data: DashboardData): Promise<Buffer> {
  const tree = dashboardTree(data, drawContext(canvas, { timeZone: data.timeZone, locale: data.locale ?? 'en-GB' }));
  await page.setContent(htmlPage(tree), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.screenshot({ type: 'png' });
}

/** Median time of ours and of the peer (when there is one), run in turns after a warm-up. */
async function medianMs(ours: Render, peer?: Render): Promise<{ oursMs: number; peerMs?: number }> {
  const times = { ours: [] as number[], peer: [] as number[] };
  const time = async (render: Render, i: number, into: number[]) => {
    const start = performance.now();
    await render(i);
    if (i >= WARMUP) into.push(performance.now() - start);
  };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await time(ours, i, times.ours);
    if (peer) await time(peer, i, times.peer);
  }
  return { oursMs: median(times.ours), peerMs: peer ? median(times.peer) : undefined };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The sample data, a minute later on each run, so no layer can reuse the previous render. */
function minuteLater(i: number): DashboardData {
  const data = sampleData();
  return { ...data, now: new Date(data.now.getTime() + i * 60_000) };
}


let fontFaces: string | undefined;

/** The element tree as a standalone HTML page with the same fonts, so Chromium draws the same layout. */
export function htmlPage(tree: El): string {
  fontFaces ??= bundledFonts()
    .map((f) => `@font-face{font-family:"${f.name}";font-weight:${f.weight};src:url(data:font/woff;base64,${f.data.toString('base64')}) format("woff")}`)
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
