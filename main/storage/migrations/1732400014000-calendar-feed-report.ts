import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = ['last_skipped', 'last_notes'];

/**
 * What the last readable download of each calendar left out (events, with why) and read differently
 * (dropped lines, zones that fell back), as JSON text. Plain ALTER TABLE, the same SQL in SQLite
 * and PostgreSQL (TypeORM's SQLite addColumn rebuilds the table).
 */
export class CalendarFeedReport1732400014000 implements MigrationInterface {
  name = 'CalendarFeedReport1732400014000';

  async up(q: QueryRunner): Promise<void> {
    for (const column of COLUMNS) await q.query(`ALTER TABLE calendars ADD COLUMN ${column} text`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of COLUMNS) await q.query(`ALTER TABLE calendars DROP COLUMN ${column}`);
  }
}
