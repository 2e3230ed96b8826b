import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { describeEachDatabaseAtOnce, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, tempDataDir, type TestServer } from '../helpers/test-server.ts';

async function photoCount(t: TestServer): Promise<number> {
  return Number((await t.server.core.db.query('SELECT COUNT(*) AS n FROM photos'))[0].n);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeEachDatabaseAtOnce('the watched photo folder', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  const folder = tempDataDir('inkstand-watched-');
  const staging = tempDataDir('inkstand-staging-');

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
  });
  afterAll(() => t.stop());

  it('starts watching when the setting is set, imports what is there and what arrives', async () => {
    const [first, second] = await smallPhotoFolder(staging, 2);
    fs.copyFileSync(first, path.join(folder, 'already-there.jpg'));
    expect((await t.admin('PUT', '/settings/photos.watch_folder', { value: folder })).status).toBe(200);
    await eventually(async () => (await photoCount(t)) === 1);

    fs.copyFileSync(second, path.join(folder, 'new-arrival.jpg'));
    await eventually(async () => (await photoCount(t)) === 2);
  });
});
