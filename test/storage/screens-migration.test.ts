import { afterEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../main/storage/database.ts';
import { undoThrough } from '../helpers/migrations.ts';
import { tempDataDir } from '../helpers/test-server.ts';

const columns = async (db: DataSource, table: string) => ((await db.query(`PRAGMA table_info(${table})`)) as { name: string }[]).map((c) => c.name);
const tables = async (db: DataSource) => ((await db.query("SELECT name FROM sqlite_master WHERE type = 'table'")) as { name: string }[]).map((t) => t.name);

describe('migration Screens1732400019000', () => {
  let db: DataSource;
  afterEach(() => db?.destroy());

  it('adds the screens, mashups and playlists tables and the item ids beside modes, and takes them away again', async () => {
    db = await openDatabase(tempDataDir());
    expect(await tables(db)).toEqual(expect.arrayContaining(['screens', 'mashups', 'playlists']));
    expect(await columns(db, 'displays')).toEqual(expect.arrayContaining(['default_item_id', 'playlist_position', 'playlist_since']));
    expect(await columns(db, 'weekly_rules')).toContain('item_id');
    expect(await columns(db, 'overrides')).toContain('item_id');

    await undoThrough(db, 'Screens1732400019000');
    expect(await tables(db)).not.toContain('screens');
    expect(await columns(db, 'displays')).not.toContain('default_item_id');
    expect(await columns(db, 'overrides')).not.toContain('item_id');

    await db.runMigrations({ transaction: 'each' });
    expect(await columns(db, 'weekly_rules')).toContain('item_id');
  });
});
