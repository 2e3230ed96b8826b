import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/harness.ts';
import { freshCheckout, runCommand } from '../helpers/fresh-checkout.ts';
import { descendantCommandLines } from '../helpers/processes.ts';
import { SERVER_V8_FLAGS } from '../../bin/server-v8-flags.mjs';

describe('a fresh clone, served without a build step', () => {
  let checkout: ReturnType<typeof freshCheckout>;
  let browser: Browser;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-fresh-data-'));

  beforeAll(async () => {
    checkout = freshCheckout();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    checkout?.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('`npm run serve` builds what is missing and shows the real control UI in a browser', async () => {
    expect(fs.existsSync(path.join(checkout.root, 'dist'))).toBe(false);
    const serve = runCommand('npm', ['run', 'serve', '--', '--data-dir', dataDir, '--http-port', '0', '--https-port', '0', '--no-discovery', '--host', '127.0.0.1'], { cwd: checkout.root });
    try {
      const [, adminUi] = await serve.waitFor(/^admin ui: (\S+)/m);
      const page = await browser.newPage();
      await page.goto(adminUi);
      await page.getByRole('button', { name: 'Pair new displays' }).first().waitFor({ timeout: 15_000 });
      expect(await page.content()).not.toContain('not built');
      expect(fs.existsSync(path.join(checkout.root, 'dist', 'main', 'inkstand.mjs'))).toBe(true);
      // One server process, restarted in place with the server's V8 flags.
      const servers = descendantCommandLines(serve.pid).filter((args) => args.includes('serve'));
      expect(servers.map((args) => args.slice(1, SERVER_V8_FLAGS.length + 3))).toEqual([[...SERVER_V8_FLAGS, path.join(checkout.root, 'bin', 'inkstand.mjs'), 'serve']]);
    } finally {
      await serve.stop();
    }
  }, 180_000);
});
