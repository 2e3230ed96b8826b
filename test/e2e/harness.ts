import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterEach } from 'vitest';
import { defaultServerConfig } from '../../main/config.ts';
import { createServer, type InkstandServer, type ServerUrls } from '../../main/server.ts';
import { SimulatedFrame } from '../sim/frame.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Builds the renderer once per test file into its own folder, so files running in parallel do not share one. */
export async function buildRenderer(outDir: string): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** The server's clock: real time plus whatever a test skipped ahead. */
export class SkippableClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  skip(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface E2eApp {
  server: InkstandServer;
  clock: SkippableClock;
  urls: ServerUrls;
  browser: Browser;
  page: Page;
  /** The UI's address with the admin token, as `inkstand serve` prints it. */
  uiUrl: string;
  frame(hardwareId: string, width?: number, height?: number): SimulatedFrame;
  admin(method: string, urlPath: string, body?: unknown): Promise<Response>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** The real server (temp data dir, free loopback ports, no discovery) serving a fresh renderer build, and a browser page. */
export async function startE2e(): Promise<E2eApp> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-e2e-'));
  const rendererDir = path.join(work, 'renderer');
  await buildRenderer(rendererDir);
  const clock = new SkippableClock();
  const server = await createServer(
    defaultServerConfig({ dataDir: path.join(work, 'data'), host: '127.0.0.1', httpPort: 0, httpsPort: 0, discovery: false }),
    { rendererDir, mdns: false, now: clock.now },
  );
  const urls = await server.start();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  return {
    server,
    clock,
    urls,
    browser,
    page,
    uiUrl: urls.adminUi,
    frame: (hardwareId, width = 800, height = 480) => {
      const frame = new SimulatedFrame(hardwareId, width, height);
      frame.bootstrapUrl = `${urls.http}/api/display/bootstrap`;
      return frame;
    },
    admin: (method, urlPath, body) => fetch(`${urls.http}/api/admin${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${urls.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await server.stop();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Keeps a picture of the page when a test fails, next to the others. */
export function screenshotOnFailure(app: () => E2eApp | undefined): void {
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await app()?.screenshot(`failed-${task.name.replace(/\W+/g, '-').slice(0, 60)}`);
  });
}
