import { afterEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../main/storage/database.ts';
import { columnNames, hasTable, undoThrough } from '../helpers/migrations.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('migration Screens1732400019000'))('migration Screens1732400019000 (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let db: DataSource;
  afterEach(() => db?.destroy());

  it('adds the screens, mashups and playlists tables and the item ids beside modes, and takes them away again', async () => {
    db = await openDatabase(tempDataDir(), { databaseUrl: await freshDatabase() });
    for (const table of ['screens', 'mashups', 'playlists']) expect(await hasTable(db, table)).toBe(true);
    expect(await columnNames(db, 'displays')).toEqual(expect.arrayContaining(['default_item_id', 'playlist_position', 'playlist_since']));
    expect(await columnNames(db, 'weekly_rules')).toContain('item_id');
    expect(await columnNames(db, 'overrides')).toContain('item_id');

    await undoThrough(db, 'Screens1732400019000');
    expect(await hasTable(db, 'screens')).toBe(false);
    expect(await columnNames(db, 'displays')).not.toContain('default_item_id');
    expect(await columnNames(db, 'overrides')).not.toContain('item_id');

    await db.runMigrations({ transaction: 'each' });
    expect(await columnNames(db, 'weekly_rules')).toContain('item_id');
  });
});
