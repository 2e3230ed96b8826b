import { In, LessThan, type DataSource, type Repository } from 'typeorm';
import type { AppEvents } from '../core/events.ts';
import { ExecutionEntity, ExecutionLogEntity, FINISHED_STATUSES, JobEntity, type Execution, type ExecutionLog, type Job } from '../storage/entities/job.ts';
import { isUniqueViolation } from '../storage/errors.ts';
import { ExecutionQueue, type ExecutionQueueDeps } from './execution-queue.ts';
import { parseJobPatch } from './job-patch.ts';

export interface JobStoreDeps {
  db: DataSource;
  events: AppEvents;
  now(): Date;
}

export type NewJob = Omit<Job, 'id' | 'createdAt' | 'updatedAt'>;
export type NewLogLine = Omit<ExecutionLog, 'id'>;

const LOG_PAGE = 1_000;

/**
 * The jobs, the reading side of their executions, and the executions' log lines: with the
 * ExecutionQueue (which keeps the queue rules when executions change state), the only code that
 * touches the jobs, job_executions and job_execution_logs tables. Every write announces itself.
 */
export class JobStore {
  private readonly jobs: Repository<Job>;
  private readonly executionRows: Repository<Execution>;
  private readonly logLines: Repository<ExecutionLog>;

  constructor(private readonly deps: JobStoreDeps) {
    this.jobs = deps.db.getRepository(JobEntity);
    this.executionRows = deps.db.getRepository(ExecutionEntity);
    this.logLines = deps.db.getRepository(ExecutionLogEntity);
  }

  /** The execution queue over the same tables, for a job service (a server's job runner or a CLI run). */
  executionQueue(settings: Omit<ExecutionQueueDeps, 'db' | 'events' | 'now'>): ExecutionQueue {
    return new ExecutionQueue({ ...settings, db: this.deps.db, events: this.deps.events, now: this.deps.now });
  }

  /** In the order they are listed: sort order, then name. */
  all(): Promise<Job[]> {
    return this.jobs.find({ order: { sortOrder: 'ASC', name: 'ASC' } });
  }

  byName(name: string): Promise<Job | null> {
    return this.jobs.findOneBy({ name });
  }

  byId(id: number): Promise<Job | null> {
    return this.jobs.findOneBy({ id });
  }

  /** Creates the job unless one of its name exists (another process may create it at the same moment); true when this call created it. */
  async addIfMissing(job: NewJob): Promise<boolean> {
    if (await this.jobs.existsBy({ name: job.name })) return false;
    const now = this.deps.now();
    try {
      await this.jobs.insert({ ...job, createdAt: now, updatedAt: now });
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
    this.deps.events.emit('jobs-changed', { jobName: job.name });
    return true;
  }

  /**
   * Validates the patch (shape, cron expression, time zone; its params through `checkParams`, which
   * knows the job's kind), then writes only the columns it names (and the update time), so
   * concurrent edits of other columns survive.
   */
  async update(job: Job, rawPatch: unknown, checkParams: (params: Record<string, unknown>) => void): Promise<void> {
    const patch = parseJobPatch(rawPatch);
    if (patch.params !== undefined) checkParams(patch.params);
    await this.jobs.update({ id: job.id }, {
      ...(patch.cron !== undefined ? { cron: patch.cron } : {}),
      ...(patch.timeZone !== undefined ? { timeZone: patch.timeZone } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      ...(patch.params !== undefined ? { params: JSON.stringify(patch.params) } : {}),
      updatedAt: this.deps.now(),
    });
    this.deps.events.emit('jobs-changed', { jobName: job.name });
  }

  /** The newest execution of each job. */
  async lastExecutions(): Promise<Execution[]> {
    const lastIds = await this.executionRows.createQueryBuilder('e').select('MAX(e.id)', 'id').groupBy('e.job_id').getRawMany<{ id: number }>();
    return this.executionRows.findBy({ id: In(lastIds.map((row) => row.id)) });
  }

  /** Newest first, of one job or of all. */
  executions(jobId: number | null, limit: number): Promise<Execution[]> {
    return this.executionRows.find({ where: jobId === null ? {} : { jobId }, order: { id: 'DESC' }, take: limit });
  }

  execution(id: number): Promise<Execution | null> {
    return this.executionRows.findOneBy({ id });
  }

  /** Log lines in order, those after `afterSeq` (for tailing), a page at a time. */
  logs(executionId: number, afterSeq: number): Promise<ExecutionLog[]> {
    return this.logLines.createQueryBuilder('l')
      .where('l.execution_id = :executionId AND l.seq > :afterSeq', { executionId, afterSeq })
      .orderBy('l.seq', 'ASC')
      .take(LOG_PAGE)
      .getMany();
  }

  async appendLog(line: NewLogLine): Promise<void> {
    await this.logLines.insert(line);
    const context = line.context ? (JSON.parse(line.context) as Record<string, unknown>) : undefined;
    this.deps.events.emit('job-log', {
      executionId: line.executionId, seq: line.seq, time: line.time.toISOString(), level: line.level, message: line.message, ...(context ? { context } : {}),
    });
  }

  /** Deletes executions that finished before the cutoff; their log lines go with them (foreign key cascade). */
  async pruneExecutions(before: Date): Promise<number> {
    const result = await this.executionRows.delete({ status: In([...FINISHED_STATUSES]), finishedAt: LessThan(before) });
    const removed = result.affected ?? 0;
    if (removed > 0) this.deps.events.emit('jobs-changed', {});
    return removed;
  }
}
