import type { Browser } from 'playwright-core';
import type { Node } from '@takumi-rs/core';
import sharp from 'sharp';
import type { CanvasSpec } from '../main/dashboard/canvas.ts';
import { drawContext } from '../main/dashboard/context.ts';
import { dashboardTree } from '../main/dashboard/dashboard-layout.ts';
import type { El } from '../main/dashboard/elements.ts';
import { rasterize } from '../main/dashboard/rasterize.ts';
import { paint } from '../main/markup/engine.ts';
import { CANVASES } from '../test/fixtures/dashboard/canvases.ts';
import { sampleData } from '../test/fixtures/dashboard/sample-data.ts';
import { htmlPage } from './dashboard.ts';
import { median } from './screens-support.ts';
import type { Report } from './report.ts';

const RUNS = 11;
const WARMUP = 3;

/**
 * Issue 22's row "dashboard data → PNG": the dashboard's element tree drawn by satori + resvg (what
 * the dashboard uses) and by takumi (what markup drawing uses), and a warm Chromium page of the
 * same layout, taking turns in one run.
 */
export async function runDashboardEngines(report: Report, browser: Browser | undefined): Promise<void> {
  for (const [size, canvas] of [['800x480', CANVASES.inkyLandscape], ['1600x1200', CANVASES.spectra6]] as const) {
    const page = browser && (await browser.newPage({ viewport: { width: canvas.width, height: canvas.height } }));
    const times = { satori: [] as number[], takumi: [] as number[], browser: [] as number[] };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const tree = treeAt(canvas, i);
      const runs: [keyof typeof times, () => Promise<unknown>][] = [
        ['satori', () => rasterize(tree, canvas)],
        ['takumi', () => takumiPng(tree, canvas)],
      ];
      if (page) runs.push(['browser', async () => {
        await page.setContent(htmlPage(tree), { waitUntil: 'load' });
        await page.screenshot({ type: 'png' });
      }]);
      for (const [name, run] of runs) {
        const start = performance.now();
        await run();
        if (i >= WARMUP) times[name].push(performance.now() - start);
      }
    }
    report(`dashboard ${size} satori + resvg`, median(times.satori), 'ms');
    report(`dashboard ${size} takumi`, median(times.takumi), 'ms');
    report(`dashboard ${size} takumi/satori`, median(times.takumi) / median(times.satori), 'ratio');
    if (page) {
      report(`dashboard ${size} satori/warm browser`, median(times.satori) / median(times.browser), 'ratio');
      report(`dashboard ${size} takumi/warm browser`, median(times.takumi) / median(times.browser), 'ratio');
      await page.close();
    }
  }
}

function treeAt(canvas: CanvasSpec, i: number): El {
  const data = sampleData();
  const later = { ...data, now: new Date(data.now.getTime() + i * 60_000) };
  return dashboardTree(later, drawContext(canvas, { timeZone: later.timeZone, locale: 'en-GB' }));
}

/** The same element tree through takumi, to the same RGB PNG rasterize() makes. */
async function takumiPng(tree: El, canvas: CanvasSpec): Promise<Buffer> {
  const images: { src: string; data: Uint8Array }[] = [];
  const rgba = await paint({ node: toNode(tree, images), css: [], images, width: canvas.width, height: canvas.height, scale: 1 });
  return sharp(rgba, { raw: { width: canvas.width, height: canvas.height, channels: 4 } }).removeAlpha().png({ compressionLevel: 1 }).toBuffer();
}

function toNode(el: El, images: { src: string; data: Uint8Array }[]): Node {
  const style = { ...(el.props.style ?? {}) } as never;
  if (el.type === 'img') {
    const src = el.props.src ?? '';
    const data = /^data:[^,]*;base64,(.*)$/s.exec(src)?.[1];
    const decoded = data ? Buffer.from(data, 'base64') : Buffer.from(decodeURIComponent(src.slice(src.indexOf(',') + 1)));
    if (!images.some((image) => image.src === src)) images.push({ src, data: decoded });
    return { type: 'image', src, width: el.props.width, height: el.props.height, style };
  }
  const { children } = el.props;
  if (typeof children === 'string') return { type: 'container', style, children: [{ type: 'text', text: children }] };
  return { type: 'container', style, children: (children ?? []).map((child) => toNode(child, images)) };
}
