import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { TIMESTAMP, column as col } from '../column-types.ts';

/**
 * The live nodes: each server writes its own row at start and every few seconds after. No change
 * trigger on PostgreSQL on purpose: a heartbeat is not a change any cache depends on, and a NOTIFY
 * per heartbeat would make every node re-read its stored state every few seconds.
 */
export class Nodes1732400024010 implements MigrationInterface {
  name = 'Nodes1732400024010';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'nodes',
      columns: [
        col('name', 'varchar', { length: '128', isPrimary: true }),
        col('address', 'varchar', { length: '255' }),
        col('http_port', 'integer'),
        col('https_port', 'integer'),
        col('version', 'varchar', { length: '64' }),
        col('started_at', TIMESTAMP),
        col('heartbeat_at', TIMESTAMP),
        col('runs_jobs', 'boolean', { default: false }),
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('nodes');
  }
}
