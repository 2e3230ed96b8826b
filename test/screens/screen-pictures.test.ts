import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppEvents } from '../../main/core/events.ts';
import { writeZip } from '../../main/recipes/zip-archive.ts';
import { remotePictureUrls } from '../../main/screens/markup-images.ts';
import type { ScreenMarkup } from '../../main/screens/markup-port.ts';
import { RecipeAdapter } from '../../main/screens/recipe-adapter.ts';
import type { ScreensFeature } from '../../main/screens/screens-feature.ts';
import { screensOver } from '../helpers/screens.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

const PNG = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** Drawing records the pictures it was handed instead of drawing (the engine's use of them is test/markup/'s). */
const drawn: Record<string, Uint8Array>[] = [];
const recording: ScreenMarkup = {
  draw: async (html, _target, pictures = {}) => {
    drawn.push(pictures);
    return Buffer.from(html);
  },
  drawnBy: () => ({ engine: 'server', reason: 'drawn by Inkstand' }),
};

describe.each(testDatabases('pictures a screen links to'))('pictures a screen links to (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let base: string;
  const hits: string[] = [];
  let failing = false;
  const server = http.createServer((req, res) => {
    hits.push(req.url!);
    if (failing) return void res.writeHead(500).end();
    if (req.url === '/cat.png' || req.url === '/dog.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (req.url === '/huge.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(6 * 1024 * 1024));
    res.writeHead(404).end();
  });
  let db: DataSource;
  let dataDir: string;
  let screens: ScreensFeature;
  let clock: Date;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(async () => {
    dataDir = tempDataDir();
    db = await openDatabase(dataDir, { databaseUrl: await freshDatabase() });
    clock = new Date('2025-03-14T08:30:00Z');
    screens = screensOver(db, { dataDir, events: new AppEvents(), log: pino({ level: 'silent' }), now: () => clock, recipes: new RecipeAdapter(), markup: recording });
    hits.length = 0;
    drawn.length = 0;
    failing = false;
  });
  afterEach(() => db.destroy());

  const importGallery = () => screens.library.importRecipe(writeZip(new Map([
    ['settings.yml', 'name: Gallery\nstrategy: webhook\n'],
    ['full.liquid', '<div class="layout">{% for p in pics %}<img class="image" src="{{ p }}" width="100" height="80">{% endfor %}</div>'],
  ])));
  const push = (uuid: string, pics: string[]) => screens.data.push(uuid, Buffer.from(JSON.stringify({ merge_variables: { pics } })));
  const request = { target: { profile: { width: 800, height: 480 } as never, rotation: 0 as const }, at: new Date('2025-03-14T08:30:00Z'), timeZone: 'UTC' };

  it('finds remote img sources, not data URIs', () => {
    expect(remotePictureUrls(`<img class="image" src="${base}/cat.png?a=1&amp;b=2"><img src="data:image/png;base64,AAAA"><img src='${base}/x.png'>`))
      .toEqual([`${base}/cat.png?a=1&b=2`, `${base}/x.png`]);
  });

  it('fetches them when the data arrives, into the screen\'s folder, and draws from there without the network', async () => {
    const screen = await importGallery();
    await push(screen.uuid, [`${base}/cat.png`, `${base}/missing.png`, `${base}/huge.png`]);
    expect(hits.sort()).toEqual(['/cat.png', '/huge.png', '/missing.png']);
    const kept = fs.readdirSync(path.join(dataDir, 'screens', screen.uuid, 'pictures'));
    expect(kept).toHaveLength(1);

    const before = hits.length;
    for (let i = 0; i < 3; i++) await screens.drawing.draw({ kind: 'screen', id: screen.id }, request);
    expect(hits).toHaveLength(before);
    expect(drawn.map((pictures) => Object.keys(pictures))).toEqual(Array(3).fill([`${base}/cat.png`]));
    expect([...drawn[0][`${base}/cat.png`]]).toEqual([...PNG]);
  });

  it('fetches a kept picture again only once it is old, and removes the ones the data no longer names', async () => {
    const screen = await importGallery();
    await push(screen.uuid, [`${base}/cat.png`]);
    await push(screen.uuid, [`${base}/cat.png`, `${base}/dog.png`]);
    expect(hits).toEqual(['/cat.png', '/dog.png']);
    clock = new Date(clock.getTime() + 16 * 60_000);
    await push(screen.uuid, [`${base}/dog.png`]);
    expect(hits).toEqual(['/cat.png', '/dog.png', '/dog.png']);
    expect(fs.readdirSync(path.join(dataDir, 'screens', screen.uuid, 'pictures'))).toHaveLength(1);
    const { pictures } = await screens.drawing.page({ kind: 'screen', id: screen.id }, request);
    expect(Object.keys(pictures)).toEqual([`${base}/dog.png`]);
  });

  it('keeps the last copy when the source fails later', async () => {
    const screen = await importGallery();
    await push(screen.uuid, [`${base}/cat.png`]);
    failing = true;
    clock = new Date(clock.getTime() + 16 * 60_000);
    await push(screen.uuid, [`${base}/cat.png`]);
    expect(hits).toEqual(['/cat.png', '/cat.png']);
    const { pictures } = await screens.drawing.page({ kind: 'screen', id: screen.id }, request);
    expect([...pictures[`${base}/cat.png`]]).toEqual([...PNG]);
  });
});
