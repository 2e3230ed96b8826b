import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/e2e/harness.ts';
import type { Report } from './report.ts';
import { startFleet } from './serve-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
const DISPLAYS = 6;
const PAINT_RUNS = 5;

/**
 * The control UI's figures: the renderer bundle (gzip), how soon the Displays view shows every
 * frame's live preview in headless Chromium, and the memory of `inkstand serve` and the browser
 * with the UI open.
 */
export async function runUiBench(report: Report): Promise<void> {
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  const files = listFiles(RENDERER_DIR).filter((f) => /\.(js|css|html)$/.test(f));
  const bytes = (f: string) => fs.readFileSync(f);
  report('ui: renderer bundle js+css+html (gzip)', files.reduce((n, f) => n + zlib.gzipSync(bytes(f), { level: 9 }).length, 0) / 1024, 'kB');
  report('ui: renderer bundle js+css+html (raw)', files.reduce((n, f) => n + bytes(f).length, 0) / 1024, 'kB');

  const fleet = await startFleet(DISPLAYS);
  // A browser server, so its process (and so its memory) can be measured.
  const browserServer = await chromium.launchServer({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const browser = await chromium.connect(browserServer.wsEndpoint());
  try {
    const uiUrl = `${fleet.serve.http}/?token=${fleet.serve.adminToken}`;
    const paints: { previews: number; fcp: number }[] = [];
    for (let run = 0; run < PAINT_RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
      await page.goto(uiUrl);
      await page.waitForFunction((count) => {
        const images = [...document.querySelectorAll<HTMLImageElement>('[data-testid^="display-"] img')];
        return images.length === count && images.every((img) => img.complete && img.naturalWidth > 0);
      }, DISPLAYS);
      paints.push(await page.evaluate(() => ({
        previews: performance.now(),
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      })));
      if (run < PAINT_RUNS - 1) await page.close();
    }
    report('ui: Displays view first contentful paint (median)', median(paints.map((p) => p.fcp)), 'ms');
    report(`ui: Displays view with all ${DISPLAYS} live previews painted (median)`, median(paints.map((p) => p.previews)), 'ms');

    // One page stays open, as a user would leave it; the event stream is connected.
    await new Promise((r) => setTimeout(r, 1000));
    report('ui: inkstand serve RSS with the UI open', memoryOf([fleet.serve.child.pid!], 'Rss') / 1024, 'MB');
    // Chromium's processes share much of their memory: PSS counts each shared page once in total.
    report('ui: Chromium PSS with the UI open (all processes)', memoryOf(processTree(browserServer.process().pid), 'Pss') / 1024, 'MB');
  } finally {
    await browser.close();
    await browserServer.close();
    await fleet.stop();
  }
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Resident (Rss) or proportional (Pss) memory in kB, summed over the processes (Linux /proc). */
function memoryOf(pids: number[], field: 'Rss' | 'Pss'): number {
  return pids.reduce((sum, pid) => {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return sum + Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
  }, 0);
}

/** A process and all its descendants (Chromium runs a renderer, GPU and utility processes). */
function processTree(root: number | undefined): number[] {
  if (!root) return [];
  const children = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
    try {
      return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === root;
    } catch {
      return false;
    }
  });
  return [root, ...children.flatMap(processTree)];
}
