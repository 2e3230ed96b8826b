import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the user added a photo (an upload, a folder import), as well as or instead of a picture
 * source: a source that drops its item then removes the photo only when the user never added the
 * same bytes. Photos a source brought count as the source's; every other photo as the user's.
 * Plain ALTER TABLE, the same SQL in SQLite and PostgreSQL.
 */
export class PhotoAddedByUser1732400024200 implements MigrationInterface {
  name = 'PhotoAddedByUser1732400024200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE photos ADD COLUMN added_by_user boolean NOT NULL DEFAULT true');
    await q.query('UPDATE photos SET added_by_user = false WHERE id IN (SELECT photo_id FROM picture_source_items)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE photos DROP COLUMN added_by_user');
  }
}
