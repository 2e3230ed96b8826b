import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

/** A scheduled or manual job: an instance of a registered job kind with its own params and schedule. */
export interface Job {
  id: number;
  name: string;
  kind: string;
  /** null = manual only. */
  cron: string | null;
  /** IANA zone the cron expression is read in. */
  timeZone: string;
  enabled: boolean;
  /** JSON object, validated by the kind's params schema. */
  params: string;
  sortOrder: number;
  createdAt: Date;
  updatedAt: Date;
}

import type { ExecutionStatus, ExecutionTrigger } from '../../../contract/dtos.ts';

export type { ExecutionStatus, ExecutionTrigger };
export const FINISHED_STATUSES: readonly ExecutionStatus[] = ['success', 'skipped', 'error', 'interrupted'];

export interface Execution {
  id: number;
  jobId: number;
  /** JSON of the validated params this execution runs with. */
  params: string;
  status: ExecutionStatus;
  trigger: ExecutionTrigger;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  runtimeMs: number | null;
  summary: string | null;
  error: string | null;
  progressDone: number | null;
  progressTotal: number | null;
  /** The process running it: host + pid, and its lease renewed by heartbeats. */
  ownerHost: string | null;
  ownerPid: number | null;
  heartbeatAt: Date | null;
  /** The cron tick a scheduled execution is for (null for manual runs): one execution per (job, due time). */
  dueAt: Date | null;
  /** The node whose job runner took it (null for a CLI run); the next runner interrupts it at takeover. */
  runnerNode: string | null;
}

export interface ExecutionLog {
  id: number;
  executionId: number;
  seq: number;
  time: Date;
  level: string;
  message: string;
  /** JSON object or null. */
  context: string | null;
}

export const JobEntity = new EntitySchema<Job>({
  name: 'Job',
  tableName: 'jobs',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 64, unique: true },
    kind: { type: 'varchar', length: 64 },
    cron: { type: 'varchar', length: 100, nullable: true },
    timeZone: { name: 'time_zone', type: 'varchar', length: 64 },
    enabled: { type: 'boolean' },
    params: { type: 'text' },
    sortOrder: { name: 'sort_order', type: 'integer' },
    createdAt: { name: 'created_at', type: TIMESTAMP },
    updatedAt: { name: 'updated_at', type: TIMESTAMP },
  },
});

export const ExecutionEntity = new EntitySchema<Execution>({
  name: 'Execution',
  tableName: 'job_executions',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    jobId: { name: 'job_id', type: 'integer' },
    params: { type: 'text' },
    status: { type: 'varchar', length: 16 },
    trigger: { type: 'varchar', length: 16 },
    queuedAt: { name: 'queued_at', type: TIMESTAMP },
    startedAt: { name: 'started_at', type: TIMESTAMP, nullable: true },
    finishedAt: { name: 'finished_at', type: TIMESTAMP, nullable: true },
    runtimeMs: { name: 'runtime_ms', type: 'integer', nullable: true },
    summary: { type: 'text', nullable: true },
    error: { type: 'text', nullable: true },
    progressDone: { name: 'progress_done', type: 'integer', nullable: true },
    progressTotal: { name: 'progress_total', type: 'integer', nullable: true },
    ownerHost: { name: 'owner_host', type: 'varchar', length: 255, nullable: true },
    ownerPid: { name: 'owner_pid', type: 'integer', nullable: true },
    heartbeatAt: { name: 'heartbeat_at', type: TIMESTAMP, nullable: true },
    dueAt: { name: 'due_at', type: TIMESTAMP, nullable: true },
    runnerNode: { name: 'runner_node', type: 'varchar', length: 63, nullable: true },
  },
  indices: [
    { name: 'idx_job_executions_job', columns: ['jobId', 'id'] },
    // The database enforces the two queue rules, so separate processes sharing the file cannot break them.
    { name: 'uq_job_executions_one_active_per_job', columns: ['jobId'], unique: true, where: "status IN ('queued', 'running')" },
    { name: 'uq_job_executions_one_running', columns: ['status'], unique: true, where: "status = 'running'" },
    { name: 'uq_job_executions_due', columns: ['jobId', 'dueAt'], unique: true },
  ],
});

export const ExecutionLogEntity = new EntitySchema<ExecutionLog>({
  name: 'ExecutionLog',
  tableName: 'job_execution_logs',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    executionId: { name: 'execution_id', type: 'integer' },
    seq: { type: 'integer' },
    time: { type: TIMESTAMP },
    level: { type: 'varchar', length: 8 },
    message: { type: 'text' },
    context: { type: 'text', nullable: true },
  },
  indices: [{ name: 'uq_job_execution_logs_seq', columns: ['executionId', 'seq'], unique: true }],
});
