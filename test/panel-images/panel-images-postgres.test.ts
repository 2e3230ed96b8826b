import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppEvents } from '../../main/core/events.ts';
import { PANEL_IMAGES_DIR, PanelImageStore } from '../../main/panel-images/panel-image-store.ts';
import { keyLockHeld } from '../../main/storage/cluster-lock.ts';
import { openDatabase } from '../../main/storage/database.ts';
import type { PostgresDataSource } from '../../main/storage/postgres.ts';
import { notePostgresMissing, postgresAvailable } from '../helpers/postgres.ts';
import { usePostgresCluster } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';

notePostgresMissing('panel images on PostgreSQL');

describe.skipIf(!postgresAvailable)('panel images of two nodes on one PostgreSQL and one data dir', () => {
  const cluster = usePostgresCluster();
  let dataDir: string;
  const databases: PostgresDataSource[] = [];
  let stores: PanelImageStore[];

  beforeAll(async () => {
    const url = await cluster.createDatabase();
    dataDir = tempDataDir();
    for (const nodeName of ['node-a', 'node-b']) databases.push(await openDatabase(dataDir, { databaseUrl: url, nodeName }) as PostgresDataSource);
    stores = databases.map((db) => new PanelImageStore({ db, events: new AppEvents(), log: pino({ level: 'silent' }), dataDir, now: () => new Date() }));
  }, 120_000);

  afterAll(async () => {
    for (const db of databases) await db.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('asked for the same render key at the same moment, render it once: the second node waits for the first and answers with its row', async () => {
    const renderKey = PanelImageStore.renderKey(['photo', 7, 'inky-impression-7.3', 90, { dither: 'atkinson' }]);
    const rendered: string[] = [];
    let finishRender!: () => void;
    const renderMayFinish = new Promise<void>((resolve) => { finishRender = resolve; });
    let renderBegun!: () => void;
    const renderHasBegun = new Promise<void>((resolve) => { renderBegun = resolve; });
    const request = (node: string) => ({
      renderKey, sourceKind: 'photo', sourceRef: '7',
      produce: async () => {
        rendered.push(node);
        renderBegun();
        await renderMayFinish;
        return Buffer.from(`\x89PNG the same picture, rendered on ${node}`);
      },
    });
    const fromA = stores[0].ensure(request('node-a'));
    await renderHasBegun;
    const fromB = stores[1].ensure(request('node-b'));
    // B asks while A is still drawing, long enough to have tried the key's lock a few times.
    await new Promise((resolve) => setTimeout(resolve, 300));
    finishRender();
    const [a, b] = await Promise.all([fromA, fromB]);

    expect(rendered).toEqual(['node-a']);
    expect(b.id).toBe(a.id);
    expect(b.version).toBe(a.version);
    const rows = await databases[0].query('SELECT id, file_path FROM frames WHERE render_key = $1', [renderKey]);
    expect(rows).toHaveLength(1);
    expect(fs.readdirSync(path.join(dataDir, PANEL_IMAGES_DIR))).toEqual([path.basename(rows[0].file_path)]);

    // Asked again later, either node reuses it without rendering.
    const again = await stores[1].ensure({ renderKey, sourceKind: 'photo', sourceRef: '7', produce: () => Promise.reject(new Error('rendered twice')) });
    expect(again.id).toBe(a.id);
  });

  it('when the rendering node\'s session ends mid-render, the waiting node renders the picture itself', async () => {
    const renderKey = PanelImageStore.renderKey(['photo', 8, 'inky-impression-7.3', 0, {}]);
    let renderBegun!: () => void;
    const renderHasBegun = new Promise<void>((resolve) => { renderBegun = resolve; });
    const neverFinishes = stores[0].ensure({ renderKey, sourceKind: 'photo', sourceRef: '8', produce: () => {
      renderBegun();
      return new Promise<Buffer>(() => undefined);
    } });
    void neverFinishes;
    await renderHasBegun;
    const fromB = stores[1].ensure({ renderKey, sourceKind: 'photo', sourceRef: '8', produce: async () => Buffer.from('\x89PNG drawn by node-b') });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Node A's lock session dies (as with a kill -9 of the node): its advisory locks go with it.
    await databases[1].query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'inkstand node-a locks' AND datname = current_database()");
    expect((await fromB).version).toHaveLength(16);
  });

  it('a node that must warm up first leaves the picture to a node that takes it on meanwhile, and answers with that one', async () => {
    const renderKey = PanelImageStore.renderKey(['message', 'Back at three', 'waveshare-7.5-v2', 0]);
    const rendered: string[] = [];
    let finishRender!: () => void;
    const renderMayFinish = new Promise<void>((resolve) => { finishRender = resolve; });
    const request = (node: string, warmUp?: () => Promise<void>) => ({
      renderKey, sourceKind: 'message', sourceRef: 'display:9', warmUp,
      produce: async () => {
        rendered.push(node);
        await renderMayFinish;
        return Buffer.from(`\x89PNG drawn by ${node}`);
      },
    });
    let warmedUp!: () => void;
    const neverWarmDuringTheTest = new Promise<void>((resolve) => { warmedUp = resolve; });
    // Node B asks first, with no image process running (its start takes longer than this test).
    const fromB = stores[1].ensure(request('node-b', () => neverWarmDuringTheTest));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const fromA = stores[0].ensure(request('node-a'));
    await vi.waitFor(() => expect(rendered).toEqual(['node-a']));
    expect(await keyLockHeld(databases[1], `panel image ${renderKey}`)).toBe(true);
    finishRender();
    const [a, b] = await Promise.all([fromA, fromB]);
    expect(rendered).toEqual(['node-a']);
    expect(b.id).toBe(a.id);
    warmedUp();
  });

  it('a node that is done warming up before any other takes the picture on draws it itself', async () => {
    const renderKey = PanelImageStore.renderKey(['message', 'Closed today', 'waveshare-7.5-v2', 0]);
    let warmUps = 0;
    const image = await stores[1].ensure({
      renderKey, sourceKind: 'message', sourceRef: 'display:9',
      warmUp: async () => {
        warmUps++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
      produce: async () => Buffer.from('\x89PNG drawn by node-b'),
    });
    expect(warmUps).toBe(1);
    expect(fs.readFileSync(stores[1].absolutePath(image), 'utf8')).toBe('\x89PNG drawn by node-b');
  });

  it('a node starting beside a render in progress leaves that render\'s temp file alone', () => {
    const inProgress = path.join(dataDir, PANEL_IMAGES_DIR, '.abc.png.0123456789ab.tmp');
    const abandoned = path.join(dataDir, PANEL_IMAGES_DIR, '.def.png.ba9876543210.tmp');
    fs.writeFileSync(inProgress, 'half');
    fs.writeFileSync(abandoned, 'half');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(abandoned, anHourAgo, anHourAgo);
    stores[1].sweepInterruptedWrites();
    expect(fs.existsSync(inProgress)).toBe(true);
    expect(fs.existsSync(abandoned)).toBe(false);
  });
});
