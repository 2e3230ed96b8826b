import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { TIMESTAMP, column as col, idColumn as id, nullableColumn as nullable } from '../column-types.ts';


/** Jobs, their executions and the executions' log lines. */
export class Jobs1732400001000 implements MigrationInterface {
  name = 'Jobs1732400001000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'jobs',
      columns: [
        id,
        col('name', 'varchar', { length: '64', isUnique: true }),
        col('kind', 'varchar', { length: '64' }),
        nullable('cron', 'varchar', { length: '100' }),
        col('time_zone', 'varchar', { length: '64' }),
        col('enabled', 'boolean'),
        col('params', 'text'),
        col('sort_order', 'integer'),
        col('created_at', TIMESTAMP),
        col('updated_at', TIMESTAMP),
      ],
    }));
    await q.createTable(new Table({
      name: 'job_executions',
      columns: [
        id,
        col('job_id', 'integer'),
        col('params', 'text'),
        col('status', 'varchar', { length: '16' }),
        col('trigger', 'varchar', { length: '16' }),
        col('queued_at', TIMESTAMP),
        nullable('started_at', TIMESTAMP),
        nullable('finished_at', TIMESTAMP),
        nullable('runtime_ms', 'integer'),
        nullable('summary', 'text'),
        nullable('error', 'text'),
        nullable('progress_done', 'integer'),
        nullable('progress_total', 'integer'),
        nullable('owner_host', 'varchar', { length: '255' }),
        nullable('owner_pid', 'integer'),
        nullable('heartbeat_at', TIMESTAMP),
      ],
      foreignKeys: [{ columnNames: ['job_id'], referencedTableName: 'jobs', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      indices: [
        new TableIndex({ name: 'idx_job_executions_job', columnNames: ['job_id', 'id'] }),
        // Partial unique indexes (SQLite and PostgreSQL both have them) make the queue rules hold across processes.
        new TableIndex({ name: 'uq_job_executions_one_active_per_job', columnNames: ['job_id'], isUnique: true, where: "status IN ('queued', 'running')" }),
        new TableIndex({ name: 'uq_job_executions_one_running', columnNames: ['status'], isUnique: true, where: "status = 'running'" }),
      ],
    }));
    await q.createTable(new Table({
      name: 'job_execution_logs',
      columns: [
        id,
        col('execution_id', 'integer'),
        col('seq', 'integer'),
        col('time', TIMESTAMP),
        col('level', 'varchar', { length: '8' }),
        col('message', 'text'),
        nullable('context', 'text'),
      ],
      foreignKeys: [{ columnNames: ['execution_id'], referencedTableName: 'job_executions', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      indices: [new TableIndex({ name: 'uq_job_execution_logs_seq', columnNames: ['execution_id', 'seq'], isUnique: true })],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['job_execution_logs', 'job_executions', 'jobs']) await q.dropTable(table);
  }
}
