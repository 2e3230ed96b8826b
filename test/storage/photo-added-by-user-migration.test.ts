import { afterEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../main/storage/database.ts';
import { PhotoEntity } from '../../main/storage/entities/photo.ts';
import { columnNames, undoThrough } from '../helpers/migrations.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

const insertPhoto = (db: DataSource, hash: string) => db.query(
  `INSERT INTO photos (content_hash, original_name, original_path, thumb_path, width, height, format, imported_at, favourite, hidden, dislikes)
   VALUES ('${hash.repeat(64)}', '${hash}.jpg', 'library/originals/${hash}.jpg', 'library/thumbs/${hash}.webp', 10, 10, 'jpeg', '2025-10-15 08:00:00', FALSE, FALSE, 0)`);

describe.each(testDatabases('migration PhotoAddedByUser1732400024200'))('migration PhotoAddedByUser1732400024200 (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let db: DataSource;
  afterEach(() => db?.destroy());

  it('counts photos a picture source brought as the source\'s and every other photo as the user\'s, and takes the column away again', async () => {
    db = await openDatabase(tempDataDir(), { databaseUrl: await freshDatabase() });
    await undoThrough(db, 'PhotoAddedByUser1732400024200');
    await insertPhoto(db, 'a');
    await insertPhoto(db, 'b');
    const [{ id: fromSource }] = await db.query("SELECT id FROM photos WHERE original_name = 'b.jpg'") as { id: number }[];
    await db.query(`INSERT INTO picture_source_items (source, external_id, photo_id, synced_at) VALUES ('apod', '2025-10-15', ${fromSource}, '2025-10-15 08:00:00')`);
    await db.runMigrations({ transaction: 'each' });
    const photos = await db.getRepository(PhotoEntity).find({ order: { id: 'ASC' } });
    expect(photos.map((p) => [p.originalName, p.addedByUser])).toEqual([['a.jpg', true], ['b.jpg', false]]);
    await undoThrough(db, 'PhotoAddedByUser1732400024200');
    expect(await columnNames(db, 'photos')).not.toContain('added_by_user');
  });
});
