import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppEvents } from '../../main/core/events.ts';
import { PANEL_IMAGES_DIR, PanelImageStore } from '../../main/panel-images/panel-image-store.ts';
import { openDatabase } from '../../main/storage/database.ts';
import type { PostgresDataSource } from '../../main/storage/postgres.ts';
import { notePostgresMissing, postgresAvailable, startPostgresCluster, type PostgresCluster } from '../helpers/postgres.ts';
import { tempDataDir } from '../helpers/test-server.ts';

notePostgresMissing('panel images on PostgreSQL');

describe.skipIf(!postgresAvailable)('panel images of two nodes on one PostgreSQL and one data dir', () => {
  let cluster: PostgresCluster;
  let dataDir: string;
  const databases: PostgresDataSource[] = [];
  let stores: PanelImageStore[];

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const url = await cluster.createDatabase();
    dataDir = tempDataDir();
    for (const nodeName of ['node-a', 'node-b']) databases.push(await openDatabase(dataDir, { databaseUrl: url, nodeName }) as PostgresDataSource);
    stores = databases.map((db) => new PanelImageStore({ db, events: new AppEvents(), dataDir, now: () => new Date() }));
  }, 120_000);

  afterAll(async () => {
    for (const db of databases) await db.destroy();
    cluster?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('asked for the same render key at the same moment, make one row and one file, and both answer with it', async () => {
    const renderKey = PanelImageStore.renderKey(['photo', 7, 'inky-impression-7.3', 90, { dither: 'atkinson' }]);
    let started = 0;
    let releaseBoth!: () => void;
    const bothRendering = new Promise<void>((resolve) => { releaseBoth = resolve; });
    // Each render waits until the other has begun too, so the two really overlap.
    const produce = async () => {
      if (++started === 2) releaseBoth();
      await bothRendering;
      return Buffer.from('\x89PNG the same picture, rendered on either node');
    };
    const [fromA, fromB] = await Promise.all(stores.map((store) => store.ensure({ renderKey, sourceKind: 'photo', sourceRef: '7', produce })));

    expect(started).toBe(2);
    expect(fromB.id).toBe(fromA.id);
    expect(fromB.version).toBe(fromA.version);
    const rows = await databases[0].query('SELECT id, file_path FROM frames WHERE render_key = $1', [renderKey]);
    expect(rows).toHaveLength(1);
    expect(fs.readdirSync(path.join(dataDir, PANEL_IMAGES_DIR))).toEqual([path.basename(rows[0].file_path)]);

    // Asked again later, either node reuses it without rendering.
    const again = await stores[1].ensure({ renderKey, sourceKind: 'photo', sourceRef: '7', produce: () => Promise.reject(new Error('rendered twice')) });
    expect(again.id).toBe(fromA.id);
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
