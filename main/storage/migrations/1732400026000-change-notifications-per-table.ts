import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANGES_CHANNEL, PAYLOAD_SEPARATOR, WRITER_SETTING } from '../postgres-change-feed.ts';

const writer = `coalesce(current_setting('${WRITER_SETTING}', true), '')`;
const notifyFunction = (payload: string) => `CREATE OR REPLACE FUNCTION inkstand_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('${CHANGES_CHANNEL}', ${payload});
    RETURN NULL;
  END $$`;

/**
 * The displays columns the batched poll bookkeeping writes (telemetry-statement.ts), which nothing
 * caches. Listed by column name as they are today: this migration must not change when the entity does.
 */
const TELEMETRY_COLUMNS = ['last_seen', 'battery_voltage', 'rssi', 'firmware', 'cpu_temperature', 'uptime_s'];
export const withoutTelemetry = (row: 'OLD' | 'NEW') => `(to_jsonb(${row}) - ARRAY[${TELEMETRY_COLUMNS.map((c) => `'${c}'`).join(', ')}])`;

/**
 * Issue 23: the change notifications name the table (payload `writer|table`), so another node
 * reloads only what depends on it; and a displays update that only moves telemetry (every poll's
 * `last_seen`) notifies no one. Any other displays update (revocation, re-pairing, settings, the
 * picture shown) still does, at commit. Comparing the whole row minus the telemetry columns,
 * rather than listing the other columns, keeps columns added later notifying. Nothing on SQLite.
 */
export class ChangeNotificationsPerTable1732400026000 implements MigrationInterface {
  name = 'ChangeNotificationsPerTable1732400026000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query(notifyFunction(`${writer} || '${PAYLOAD_SEPARATOR}' || TG_TABLE_NAME`));
    await q.query('DROP TRIGGER inkstand_notify_change ON displays');
    await q.query('CREATE TRIGGER inkstand_notify_change AFTER INSERT OR DELETE OR TRUNCATE ON displays FOR EACH STATEMENT EXECUTE FUNCTION inkstand_notify_change()');
    await q.query(`CREATE TRIGGER inkstand_notify_display_update AFTER UPDATE ON displays FOR EACH ROW
      WHEN (${withoutTelemetry('OLD')} IS DISTINCT FROM ${withoutTelemetry('NEW')}) EXECUTE FUNCTION inkstand_notify_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query('DROP TRIGGER inkstand_notify_display_update ON displays');
    await q.query('DROP TRIGGER inkstand_notify_change ON displays');
    await q.query('CREATE TRIGGER inkstand_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON displays FOR EACH STATEMENT EXECUTE FUNCTION inkstand_notify_change()');
    await q.query(notifyFunction(writer));
  }
}
