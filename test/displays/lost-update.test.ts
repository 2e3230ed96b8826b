import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { AppEvents } from '../../main/core/events.ts';
import { DisplayStore } from '../../main/displays/display-store.ts';
import { Pairing } from '../../main/displays/pairing.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';

/**
 * Issue 18's lost update: a write path loaded a display, awaited something, then saved the whole
 * row back, undoing what another writer (a button press moving the photo on, the user renaming the
 * display) had written meanwhile. Pairing did that on every approval and token hand-out. Here the
 * other writer runs exactly inside that await, so the test fails for any whole-row save.
 */
describe.each(testDatabases('display writes that race'))('display writes that race (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let dataDir: string;
  let db: DataSource;
  let displays: DisplayStore;
  /** Runs inside Pairing's read of the pairing window: between its read of the display and its write. */
  let meanwhile: () => Promise<void> = async () => {};
  let pairing: Pairing;
  const now = () => new Date('2026-01-05T10:00:00Z');

  beforeEach(async () => {
    dataDir = tempDataDir('inkstand-lost-update-');
    db = await openDatabase(dataDir, { databaseUrl: await freshDatabase() });
    const events = new AppEvents();
    displays = new DisplayStore({ db, events, profileExists: async () => true });
    const windowOpenUntil = new Date(now().getTime() + 60_000).toISOString();
    const settings = {
      async get() {
        await meanwhile();
        return windowOpenUntil;
      },
      async set() {},
    };
    pairing = new Pairing({ displays, settings, events, now });
  });

  afterEach(async () => {
    meanwhile = async () => {};
    await db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const request = { hardwareId: 'sim:race', width: 800, height: 480, profileId: 'inky-impression-7.3', protocol: 'native' as const };

  it('keeps a rename and a photo change made while a pending display is approved by the pairing window', async () => {
    const pending = (await pairing.admit(request)).id;
    await displays.write(pending, { status: 'pending' });

    meanwhile = async () => {
      meanwhile = async () => {};
      await displays.update(pending, { name: 'Kitchen' });
      await displays.markShowing(pending, 42, now());
    };
    const outcome = await pairing.bootstrap(request);

    expect(outcome.status).toBe('approved');
    const stored = await displays.get(pending);
    expect(stored).toMatchObject({ status: 'approved', name: 'Kitchen', currentVariantId: 42 });
    expect(stored.tokenHash).not.toBeNull();
  });

  it('keeps a settings change made while a token is required and issued', async () => {
    const display = await pairing.admit({ ...request, hardwareId: 'trmnl:aa:bb:cc:dd:ee:ff', protocol: 'trmnl' });
    let released!: () => void;
    const gate = new Promise<void>((resolve) => (released = resolve));
    // Another writer changes the poll interval while requireToken is between its read and its write.
    const original = displays.get.bind(displays);
    let reads = 0;
    displays.get = async (id: number) => {
      const row = await original(id);
      if (reads++ === 0) await gate;
      return row;
    };
    const requiring = pairing.requireToken(display.id, true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await displays.update(display.id, { pollIntervalS: 120 });
    released();
    const { token } = await requiring;

    expect(token).toBeTruthy();
    expect(await original(display.id)).toMatchObject({ requireToken: true, pollIntervalS: 120 });
  });
});
