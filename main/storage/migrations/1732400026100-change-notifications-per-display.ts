import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANGES_CHANNEL, PAYLOAD_SEPARATOR, WRITER_SETTING } from '../postgres-change-feed.ts';
import { withoutTelemetry } from './1732400026000-change-notifications-per-table.ts';

const writer = `coalesce(current_setting('${WRITER_SETTING}', true), '')`;

/** The tables whose rows each belong to one display, by the column that names it. */
const DISPLAY_ROWS = ['display_frames', 'shown_variants', 'weekly_rules', 'overrides'];

/**
 * Issue 23: a notification about rows that belong to one display names it (payload
 * `writer|table|displayId`), so another node re-checks that display's tokens and recomputes that
 * display's content only, not the whole fleet's, e.g. for every picture another node renders. Row
 * triggers on displays (id) and on the tables keyed by display_id; inserts and deletes of displays
 * and TRUNCATE still name no display. The function takes the column as its trigger argument, so the
 * statement-level triggers keep working unchanged. Nothing on SQLite.
 */
export class ChangeNotificationsPerDisplay1732400026100 implements MigrationInterface {
  name = 'ChangeNotificationsPerDisplay1732400026100';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query(`CREATE OR REPLACE FUNCTION inkstand_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        payload text := ${writer} || '${PAYLOAD_SEPARATOR}' || TG_TABLE_NAME;
      BEGIN
        IF TG_LEVEL = 'ROW' AND TG_NARGS > 0 THEN
          payload := payload || '${PAYLOAD_SEPARATOR}' || coalesce((CASE TG_OP WHEN 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END) ->> TG_ARGV[0], '');
        END IF;
        PERFORM pg_notify('${CHANGES_CHANNEL}', payload);
        RETURN NULL;
      END $$`);
    await q.query('DROP TRIGGER inkstand_notify_display_update ON displays');
    await q.query(`CREATE TRIGGER inkstand_notify_display_update AFTER UPDATE ON displays FOR EACH ROW
      WHEN (${withoutTelemetry('OLD')} IS DISTINCT FROM ${withoutTelemetry('NEW')}) EXECUTE FUNCTION inkstand_notify_change('id')`);
    for (const table of DISPLAY_ROWS) {
      await q.query(`DROP TRIGGER inkstand_notify_change ON ${table}`);
      await q.query(`CREATE TRIGGER inkstand_notify_change AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION inkstand_notify_change()`);
      await q.query(`CREATE TRIGGER inkstand_notify_display_rows AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION inkstand_notify_change('display_id')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    for (const table of DISPLAY_ROWS) {
      await q.query(`DROP TRIGGER inkstand_notify_display_rows ON ${table}`);
      await q.query(`DROP TRIGGER inkstand_notify_change ON ${table}`);
      await q.query(`CREATE TRIGGER inkstand_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION inkstand_notify_change()`);
    }
    await q.query('DROP TRIGGER inkstand_notify_display_update ON displays');
    await q.query(`CREATE TRIGGER inkstand_notify_display_update AFTER UPDATE ON displays FOR EACH ROW
      WHEN (${withoutTelemetry('OLD')} IS DISTINCT FROM ${withoutTelemetry('NEW')}) EXECUTE FUNCTION inkstand_notify_change()`);
    // The function with no argument sends `writer|table` as before; its extra branch is never taken.
  }
}
