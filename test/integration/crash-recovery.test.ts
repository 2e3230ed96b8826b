import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, expect, it } from 'vitest';
import { createCore } from '../../main/create-core.ts';
import { importFolder } from '../../main/library/import-folder.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { describeEachDatabaseAtOnce, useTestDatabase } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { SimulatedFrame } from '../sim/frame.ts';

describeEachDatabaseAtOnce('kill -9 while frames are being written', (database) => {
  const settings = useTestDatabase(database);
  let serve: ServeProcess | null = null;
  afterEach(() => {
    serve?.child.kill('SIGKILL');
    serve = null;
  });

  // Two `inkstand serve` starts and a dozen 1600×1200 renders: more than the default 30 s on a busy machine.
  it('leaves no partial frame that can be served, and serves the last complete frame after a restart', { timeout: 90_000 }, async () => {
    const dataDir = tempDataDir();
    const core = await createCore(dataDir, { databaseUrl: settings().databaseUrl });
    await importFolder(core.app, path.dirname((await smallPhotoFolder(path.join(dataDir, 'incoming'), 4))[0]));
    await core.close();

    serve = await startServeProcess(dataDir, ['--no-discovery', ...settings().cliArgs]);
    const frame = new SimulatedFrame('sim:crash', 1600, 1200);
    await frame.bootstrap(`${serve.http}/api/display/bootstrap`);
    const admin = (method: string, url: string) => fetch(`${serve!.http}/api/admin${url}`, { method, headers: { authorization: `Bearer ${serve!.adminToken}` } });
    const [display] = await (await admin('GET', '/displays')).json();
    await admin('POST', `/displays/${display.id}/approve`);
    await frame.waitForApproval();
    await frame.poll();

    // Many 1600×1200 renders in flight, then the process dies mid-way.
    const presses = Array.from({ length: 12 }, () => frame.press('A').catch(() => null));
    await new Promise((r) => setTimeout(r, 400));
    serve.child.kill('SIGKILL');
    await Promise.all(presses);

    serve = await startServeProcess(dataDir, ['--no-discovery', ...settings().cliArgs]);
    frame.bootstrapUrl = `${serve.http}/api/display/bootstrap`;
    frame.etag = null;
    const { status, state } = await frame.poll();
    expect(status).toBe(200);
    const image = await frame.fetchImage();
    expect(image).toMatchObject({ width: 1600, height: 1200 });
    expect(state!.image_url).toContain(state!.version);

    const framesDir = path.join(dataDir, 'frames');
    for (const name of fs.readdirSync(framesDir)) {
      expect(name).toMatch(/^[0-9a-f]{64}\.png$/); // interrupted writes' temp files are swept at start
      const meta = await sharp(path.join(framesDir, name)).metadata();
      expect(meta.width).toBe(1600);
    }
  });
});
