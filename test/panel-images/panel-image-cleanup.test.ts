import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/create-core.ts';
import { unreferencedPanelImagesStep } from '../../main/panel-images/panel-image-cleanup.ts';
import { DisplayPanelImageEntity } from '../../main/storage/entities/panel-image.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('frame cleanup'))('frame cleanup (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let core: Core;
  afterEach(() => core.close());

  it('removes frames no display shows after a day, and files no row names, and keeps the shown one', async () => {
    let now = new Date('2026-11-20T10:00:00Z');
    core = await createCore(tempDataDir(), { databaseUrl: await freshDatabase(), now: () => now });
    const { display } = await core.pairing.bootstrap({ hardwareId: 'sim:clean', width: 800, height: 480, profileId: 'inky-impression-7.3', protocol: 'native' });
    const make = (key: string) => core.panelImages.ensure({ renderKey: key, sourceKind: 'test', sourceRef: key, produce: async () => Buffer.from(`png of ${key}`) });
    const shown = await make('shown');
    const old = await make('old');
    await core.db.getRepository(DisplayPanelImageEntity).save({ displayId: display.id, panelImageId: shown.id, mode: 'photo', assignedAt: now });
    const stray = path.join(core.panelImages.dir, 'f'.repeat(64) + '.png');
    fs.writeFileSync(stray, 'left by a crash');
    const longAgo = new Date('2026-11-19T00:00:00Z');
    for (const file of [stray, core.panelImages.absolutePath(old), core.panelImages.absolutePath(shown)]) fs.utimesSync(file, longAgo, longAgo);

    now = new Date('2026-11-22T10:00:00Z');
    const log = { debug() {}, info() {}, warn() {}, error() {} };
    const summary = await unreferencedPanelImagesStep.run({ app: core.app, params: { execution_retention_days: 30, stats_retention_days: 7 }, log, signal: new AbortController().signal });

    expect(summary).toBe('1 unused panel images and 2 panel image files');
    expect(fs.existsSync(core.panelImages.absolutePath(shown))).toBe(true);
    expect(fs.existsSync(core.panelImages.absolutePath(old))).toBe(false);
    expect(fs.existsSync(stray)).toBe(false);
    expect(await core.panelImages.byId(old.id)).toBeNull();
  });
});
