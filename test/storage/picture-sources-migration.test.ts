import { afterEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../main/storage/database.ts';
import { isUniqueViolation } from '../../main/storage/errors.ts';
import { PhotoEntity } from '../../main/storage/entities/photo.ts';
import { PictureSourceItemEntity } from '../../main/storage/entities/picture-source-item.ts';
import { hasTable, undoThrough } from '../helpers/migrations.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('migration PictureSources1732400020000'))('migration PictureSources1732400020000 (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let db: DataSource;
  afterEach(() => db?.destroy());

  it('adds the picture source items beside existing photos, one row per item, gone with their photo, and takes the table away again', async () => {
    db = await openDatabase(tempDataDir(), { databaseUrl: await freshDatabase() });
    await undoThrough(db, 'PictureSources1732400020000');
    expect(await hasTable(db, 'picture_source_items')).toBe(false);
    await db.runMigrations({ transaction: 'each' });
    const photo = await db.getRepository(PhotoEntity).save({
      contentHash: 'a'.repeat(64), originalName: 'apod.jpg', originalPath: 'library/originals/a.jpg', thumbPath: 'library/thumbs/a.webp', width: 10, height: 10, format: 'jpeg',
      importedAt: new Date(), favourite: false, hidden: false, dislikes: 0, quality: null, contentType: null, orientation: null, peopleCount: null, description: null, classifiedAt: null, classifier: null,
    });
    const items = db.getRepository(PictureSourceItemEntity);
    const row = { source: 'apod', externalId: '2025-10-15', photoId: photo.id, checksum: null, title: 'Nebula', credit: '© Jane Doe', licence: 'copyrighted', link: null, syncedAt: new Date() };
    await items.insert(row);
    await expect(items.insert(row)).rejects.toSatisfy(isUniqueViolation);
    await db.getRepository(PhotoEntity).delete({ id: photo.id });
    expect(await items.count()).toBe(0);
    await undoThrough(db, 'PictureSources1732400020000');
    expect(await hasTable(db, 'picture_source_items')).toBe(false);
  });
});
