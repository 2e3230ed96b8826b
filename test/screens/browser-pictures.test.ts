import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppEvents } from '../../main/core/events.ts';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import { closeImagePool } from '../../main/imaging/pool.ts';
import { findSystemChromium, setMarkupBrowser, SystemChromium } from '../../main/markup/index.ts';
import { writeZip } from '../../main/recipes/zip-archive.ts';
import { MarkupAdapter } from '../../main/screens/markup-adapter.ts';
import { RecipeAdapter } from '../../main/screens/recipe-adapter.ts';
import type { ScreensFeature } from '../../main/screens/screens-feature.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { screensOver } from '../helpers/screens.ts';
import { tempDataDir } from '../helpers/test-server.ts';

const chromium = findSystemChromium();

/**
 * A recipe with a script is drawn in a browser; the pictures it links to are the copies fetched
 * with its data (screens/<uuid>/pictures/), as for the engine: the browser fetches nothing, even
 * when it may use the network (for a chart library from a CDN).
 */
// SQLite only: its subject is what a browser draws; the screen stores run on PostgreSQL in screen-pictures.test.ts.
describe.skipIf(!chromium)('pictures in recipes a browser draws', () => {
  const hits: string[] = [];
  let black: Buffer;
  const server = http.createServer((req, res) => {
    hits.push(req.url!);
    if (req.url === '/black.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(black);
    res.writeHead(404).end();
  });
  let base: string;
  let db: DataSource;
  let screens: ScreensFeature;
  let browser: SystemChromium;

  beforeAll(async () => {
    black = await sharp({ create: { width: 60, height: 60, channels: 3, background: '#000000' } }).png().toBuffer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = new SystemChromium({ executablePath: chromium!, allowNetwork: true, idleMs: 5000 });
    await setMarkupBrowser(browser);
    const dataDir = tempDataDir();
    db = await openDatabase(dataDir);
    screens = screensOver(db, { dataDir, events: new AppEvents(), log: pino({ level: 'silent' }), now: () => new Date('2025-03-14T08:30:00Z'), recipes: new RecipeAdapter(), markup: new MarkupAdapter() });
  });
  afterAll(async () => {
    await setMarkupBrowser(null);
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.destroy();
    await closeImagePool();
  });

  it('draws the kept copy and sends no request while drawing; a picture without a copy is an empty box', async () => {
    const screen = await screens.library.importRecipe(writeZip(new Map([
      ['settings.yml', 'name: Scripted gallery\nstrategy: webhook\n'],
      ['full.liquid', `<div class="layout layout--left layout--top">
        <img src="{{ photo }}" style="width: 320px; height: 320px">
        <img src="{{ gone }}" style="width: 100px; height: 100px">
        <span id="note" class="value">waiting</span>
        <script>document.getElementById('note').textContent = 'SCRIPTED';</script>
      </div>`],
    ])));
    await screens.data.push(screen.uuid, Buffer.from(JSON.stringify({ merge_variables: { photo: `${base}/black.png`, gone: `${base}/gone.png` } })));
    expect(hits.sort()).toEqual(['/black.png', '/gone.png']);

    hits.length = 0;
    const page = await screens.drawing.draw({ kind: 'screen', id: screen.id }, { target: { profile: findBuiltinProfile('trmnl-og-1bit')!, rotation: 0 }, at: new Date('2025-03-14T08:30:00Z'), timeZone: 'UTC' });
    expect(page.drawnBy.engine).toBe('browser');
    expect(hits).toEqual([]);
    // The 320×320 black picture covers about a quarter of the 800×480 panel.
    const { data, info } = await sharp(page.png).greyscale().raw().toBuffer({ resolveWithObject: true });
    const dark = data.filter((v) => v < 128).length / (info.width * info.height);
    expect(dark).toBeGreaterThan(0.2);
    expect(dark).toBeLessThan(0.4);
  }, 60_000);
});
