import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANGES_CHANNEL, WRITER_SETTING } from '../postgres-change-feed.ts';

/**
 * The tables whose changes other processes must notice (tokens, displays, what they show,
 * settings, jobs). The high-churn logs and samples are left out: nothing is cached from them.
 * A later migration that adds such a table adds its trigger with `notifyChangesOn`.
 */
const WATCHED_TABLES = ['displays', 'weekly_rules', 'overrides', 'settings', 'panel_profiles', 'photos', 'variants', 'shown_variants', 'frames',
  'display_frames', 'jobs', 'job_executions', 'calendars', 'calendar_occurrences', 'weather_current', 'weather_days', 'art_style_settings', 'picture_source_items',
  'screens', 'mashups', 'playlists'];

export const notifyChangesOn = (q: QueryRunner, table: string) =>
  q.query(`CREATE TRIGGER inkstand_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION inkstand_notify_change()`);

/**
 * PostgreSQL's counterpart of SQLite's `data_version`: every committed write to a watched table
 * sends a NOTIFY carrying the writing process's id (postgres-change-feed.ts listens). NOTIFY is
 * delivered at commit and folded within a transaction. Nothing to do on SQLite.
 */
export class ChangeNotifications1732400023000 implements MigrationInterface {
  name = 'ChangeNotifications1732400023000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query(`CREATE FUNCTION inkstand_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANGES_CHANNEL}', coalesce(current_setting('${WRITER_SETTING}', true), ''));
        RETURN NULL;
      END $$`);
    for (const table of WATCHED_TABLES) await notifyChangesOn(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    for (const table of WATCHED_TABLES) await q.query(`DROP TRIGGER inkstand_notify_change ON ${table}`);
    await q.query('DROP FUNCTION inkstand_notify_change()');
  }
}
