import type { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppEvents } from '../../main/core/events.ts';
import { AdminTokenStore } from '../../main/settings/admin-token-store.ts';
import { fileKeyCipher } from '../../main/settings/secret-cipher.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';

describe.each(testDatabases('the UI admin token a starting server prints'))('the UI admin token a starting server prints (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let db: DataSource;
  let dataDir: string;
  const store = (dir = dataDir) => new AdminTokenStore(db, new AppEvents(), fileKeyCipher(dir));
  const alone = async () => false;
  const beside = async () => true;

  beforeEach(async () => {
    dataDir = tempDataDir();
    db = await openDatabase(dataDir, { databaseUrl: await freshDatabase() });
  });
  afterEach(() => db.destroy());

  it('is new at every start of a node alone; the one before stops working', async () => {
    const first = await store().uiTokenForStart(alone);
    const second = await store().uiTokenForStart(alone);
    expect(second).not.toBe(first);
    expect(await store().verify(first)).toBe(false);
    expect(await store().verify(second)).toBe(true);
  });

  it('is the live nodes’ token for a node that joins them', async () => {
    const printed = await store().uiTokenForStart(alone);
    expect(await store().uiTokenForStart(beside)).toBe(printed);
    expect(await store().verify(printed)).toBe(true);
  });

  it('is a new one for a joining node that cannot open the stored token (another secret key: its data dir is not shared)', async () => {
    const printed = await store().uiTokenForStart(alone);
    const elsewhere = await store(tempDataDir()).uiTokenForStart(beside);
    expect(elsewhere).not.toBe(printed);
    expect(await store().verify(elsewhere)).toBe(true);
  });
});
