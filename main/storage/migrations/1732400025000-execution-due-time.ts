import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

/**
 * Cluster-safe scheduling: a scheduled execution records the due time it is for, and (job, due time)
 * is unique, so however many nodes fire the same cron tick only one execution is queued. A running
 * execution taken by a server's job runner records that node, so the node that takes the runner role
 * over can mark the previous runner's unfinished work interrupted at once instead of waiting out a lease.
 */
export class ExecutionDueTime1732400025000 implements MigrationInterface {
  name = 'ExecutionDueTime1732400025000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_executions ADD COLUMN due_at ${TIMESTAMP}`);
    await q.query('ALTER TABLE job_executions ADD COLUMN runner_node varchar(63)');
    await q.query('CREATE UNIQUE INDEX uq_job_executions_due ON job_executions (job_id, due_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX uq_job_executions_due');
    await q.query('ALTER TABLE job_executions DROP COLUMN runner_node');
    await q.query('ALTER TABLE job_executions DROP COLUMN due_at');
  }
}
