import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { defaultServerConfig } from '../../main/config.ts';
import { createServer, type InkstandServer, type ServerUrls } from '../../main/server.ts';
import { dataDirWithCertificate } from '../helpers/test-server.ts';
import { SimulatedFrame } from '../sim/frame.ts';
import { ensureBuilt } from '../../bin/build-outputs.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * The renderer as `npm run build` makes it (dist/renderer), built once per run: by the first test
 * file that needs it, or again when its sources are newer; files starting at once wait on its lock.
 */
export function builtRenderer(): string {
  ensureBuilt(['renderer']);
  return path.join(ROOT, 'dist', 'renderer');
}

/** Holds the page's event stream (its live updates) until the returned function is called, as a slow connection would. */
export async function holdLiveUpdates(page: Page): Promise<() => void> {
  let connect!: () => void;
  const held = new Promise<void>((resolve) => (connect = resolve));
  await page.route('**/api/admin/events?*', async (route) => {
    await held;
    await route.continue();
  });
  return connect;
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
  page: Page;
  /** The UI's address with the admin token, as `inkstand serve` prints it. */
  uiUrl: string;
  frame(hardwareId: string, width?: number, height?: number): SimulatedFrame;
  /** A frame that bootstrapped, was approved through the admin API and knows it; with its display id. */
  pairedFrame(hardwareId: string, width?: number, height?: number): Promise<{ frame: SimulatedFrame; displayId: number }>;
  admin(method: string, urlPath: string, body?: unknown): Promise<Response>;
  screenshot(name: string): Promise<void>;
}

/**
 * Registers the hooks of an e2e test file: the built renderer and one browser for the file, and
 * for each test its own server (fresh data dir, free loopback ports, no discovery) and its own
 * page, so a test passes on its own and in any order. `start()` (in a beforeEach) gives the test's app;
 * a failed test leaves a screenshot; everything is closed after each test.
 */
export function e2eSuite(): { start(): Promise<E2eApp> } {
  let work: string;
  let rendererDir: string;
  let browser: Browser;
  const running: (() => Promise<void>)[] = [];
  let current: E2eApp | undefined;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-e2e-'));
    rendererDir = builtRenderer();
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await current?.screenshot(`failed-${task.name.replace(/\W+/g, '-').slice(0, 60)}`);
    current = undefined;
    while (running.length) await running.pop()!();
  });
  afterAll(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  return {
    async start() {
      const dataDir = await dataDirWithCertificate(path.join(work, 'data-'));
      running.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      const clock = new SkippableClock();
      const server = await createServer(
        defaultServerConfig({ dataDir, host: '127.0.0.1', httpPort: 0, httpsPort: 0, discovery: false }),
        { rendererDir, mdns: false, now: clock.now },
      );
      const urls = await server.start();
      running.push(() => server.stop());
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
      running.push(() => context.close());
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      const admin = (method: string, urlPath: string, body?: unknown) => fetch(`${urls.http}/api/admin${urlPath}`, {
        method,
        headers: { authorization: `Bearer ${urls.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const frame = (hardwareId: string, width = 800, height = 480) => {
        const simulated = new SimulatedFrame(hardwareId, width, height);
        simulated.bootstrapUrl = `${urls.http}/api/display/bootstrap`;
        return simulated;
      };
      current = {
        server,
        clock,
        urls,
        page,
        uiUrl: urls.adminUi,
        frame,
        admin,
        async pairedFrame(hardwareId, width, height) {
          const simulated = frame(hardwareId, width, height);
          const status = await simulated.bootstrap();
          if (status !== 202) throw new Error(`bootstrap of ${hardwareId} answered ${status}`);
          const displays = (await (await admin('GET', '/displays')).json()) as { id: number; hardwareId: string }[];
          const displayId = displays.find((d) => d.hardwareId === hardwareId)!.id;
          const approved = await admin('POST', `/displays/${displayId}/approve`);
          if (!approved.ok) throw new Error(`approving ${hardwareId} answered ${approved.status}`);
          await simulated.waitForApproval(5000);
          return { frame: simulated, displayId };
        },
        screenshot: async (name) => {
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
        },
      };
      return current;
    },
  };
}
