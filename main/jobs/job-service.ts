import os from 'node:os';
import { NotFoundError } from '../core/errors.ts';
import type { AppContext } from '../core/app-context.ts';
import type { ExecutionTrigger, Job } from '../storage/entities/job.ts';
import { ensureDefaultJobs } from './default-jobs.ts';
import type { ExecutionDto, ExecutionLogDto, JobDto } from '../../contract/dtos.ts';
import { toExecutionDto, toJobDto, toLogDto } from './dto.ts';
import type { ExecutionQueue } from './execution-queue.ts';
import { validateJobParams } from './params.ts';
import { Runner } from './runner.ts';
import { CronScheduler, nextRunTimes } from './scheduler.ts';
import type { JobKind } from './types.ts';

export interface JobServiceOptions {
  /** 'all' (the server, the default): runs every queued execution and schedules jobs; 'own' (a CLI run): only runs what it queued, no cron. */
  claim?: 'all' | 'own';
  heartbeatMs?: number;
  /** A running execution whose owner gave no heartbeat for this long counts as abandoned. */
  leaseMs?: number;
  pollMs?: number;
  stopGraceMs?: number;
  /** This node's name, recorded on what its job runner takes (so the next runner can interrupt it at takeover). */
  nodeName?: string;
}

const DEFAULTS = { heartbeatMs: 10_000, leaseMs: 120_000, pollMs: 1_000, stopGraceMs: 5_000 };
/** Jobs, their schedule and their executions: what the admin contract, the tray and the CLI call. */
export class JobService {
  private readonly kinds: Map<string, JobKind>;
  private readonly store: AppContext['jobStore'];
  private readonly queue: ExecutionQueue;
  private readonly runner: Runner;
  private readonly scheduler: CronScheduler | null;
  private readonly names = new Map<number, string>();
  private defaultsReady: Promise<void> | null = null;
  private started = false;

  constructor(private readonly app: AppContext, kinds: readonly JobKind[], options: JobServiceOptions = {}) {
    const settings = { ...DEFAULTS, ...options };
    const claimAll = (options.claim ?? 'all') === 'all';
    this.kinds = new Map(kinds.map((kind) => [kind.kind, kind]));
    this.store = app.jobStore;
    this.queue = this.store.executionQueue({
      leaseMs: settings.leaseMs,
      runnerNode: claimAll ? (options.nodeName ?? os.hostname()) : null,
      jobName: (id) => this.jobName(id),
    });
    this.runner = new Runner(app, this.queue, { job: (id) => this.store.byId(id), kind: (name) => this.kinds.get(name) }, { ...settings, claimAll });
    this.scheduler = claimAll ? new CronScheduler((name, dueAt) => void this.enqueueDue(name, dueAt)) : null;
  }

  /** Starts the cron and the runner; on a server, after taking the cluster's job runner role, so what an earlier runner left running is interrupted first. */
  async start(): Promise<void> {
    await this.ready();
    this.started = true;
    if (this.scheduler) {
      const interrupted = await this.queue.interruptPreviousRunners();
      if (interrupted > 0) this.app.log.warn({ interrupted }, 'marked executions of the previous job runner interrupted');
      this.scheduler.sync(await this.store.all());
    }
    this.runner.start();
  }

  /** Brings the schedule in line with the stored jobs, which another process may have changed (an admin call on another node, the CLI). */
  async reloadSchedule(): Promise<void> {
    if (this.started) this.scheduler?.sync(await this.store.all());
  }

  /** Stops the cron, aborts the running job and marks it interrupted if it does not finish within the grace period. */
  async stop(): Promise<void> {
    this.started = false;
    this.scheduler?.stop();
    await this.runner.stop();
  }

  async list(): Promise<JobDto[]> {
    await this.ready();
    const jobs = await this.store.all();
    const lasts = await this.store.lastExecutions();
    return jobs.map((job) => {
      const last = lasts.find((execution) => execution.jobId === job.id);
      return toJobDto(job, {
        description: this.kinds.get(job.kind)?.description ?? null,
        registered: this.kinds.has(job.kind),
        nextRunAt: this.nextRun(job)?.toISOString() ?? null,
        lastExecution: last ? { id: last.id, status: last.status, queuedAt: last.queuedAt.toISOString(), finishedAt: last.finishedAt?.toISOString() ?? null } : null,
      });
    });
  }

  /** Queues a manual run (params override the job's own); answers with the execution already queued or running when there is one. */
  async runNow(name: string, params?: Record<string, unknown>): Promise<ExecutionDto> {
    return (await this.enqueue(name, params)).execution;
  }

  /** As runNow, and says whether the answer is an execution that was already queued or running. */
  async enqueue(name: string, params?: Record<string, unknown>, trigger: ExecutionTrigger = 'manual', dueAt: Date | null = null): Promise<{ execution: ExecutionDto; coalesced: boolean }> {
    await this.ready();
    const job = await this.requireJob(name);
    const kind = this.kinds.get(job.kind);
    if (!kind) throw new NotFoundError(`job "${name}" has kind "${job.kind}", which this version of Inkstand does not have`);
    const validated = validateJobParams(kind, { ...JSON.parse(job.params), ...(params ?? {}) });
    const { execution, created } = await this.queue.enqueue(job.id, validated, trigger, dueAt);
    this.runner.adopt(execution.id);
    this.runner.wake();
    return { execution: toExecutionDto(execution, job.name), coalesced: !created };
  }

  async executions(jobName?: string, limit = 50): Promise<ExecutionDto[]> {
    const job = jobName ? await this.requireJob(jobName) : null;
    const rows = await this.store.executions(job?.id ?? null, limit);
    const names = new Map((await this.store.all()).map((j) => [j.id, j.name]));
    return rows.map((row) => toExecutionDto(row, names.get(row.jobId) ?? `job ${row.jobId}`));
  }

  async execution(id: number): Promise<ExecutionDto | null> {
    const row = await this.store.execution(id);
    if (!row) return null;
    const job = await this.store.byId(row.jobId);
    return toExecutionDto(row, job?.name ?? `job ${row.jobId}`);
  }

  /** Log lines in order, those after `afterSeq` when given (for tailing). */
  async logs(executionId: number, afterSeq = 0): Promise<ExecutionLogDto[]> {
    if (!(await this.store.execution(executionId))) throw new NotFoundError(`no execution ${executionId}`);
    return (await this.store.logs(executionId, afterSeq)).map(toLogDto);
  }

  /** Changes schedule, time zone, enabled or params; each is validated before anything is stored. */
  async update(name: string, rawPatch: unknown): Promise<JobDto> {
    await this.ready();
    const job = await this.requireJob(name);
    await this.store.update(job, rawPatch, (params) => {
      const kind = this.kinds.get(job.kind);
      if (!kind) throw new NotFoundError(`job "${name}" has kind "${job.kind}", which this version of Inkstand does not have`);
      validateJobParams(kind, params);
    });
    if (this.started) this.scheduler?.sync(await this.store.all());
    const updated = (await this.list()).find((dto) => dto.name === name);
    return updated!;
  }

  private async enqueueDue(name: string, dueAt: Date): Promise<void> {
    try {
      await this.enqueue(name, undefined, 'schedule', dueAt);
    } catch (err) {
      this.app.log.error({ err, job: name }, 'could not queue a scheduled job');
    }
  }

  private nextRun(job: Job): Date | null {
    if (!job.enabled || !job.cron) return null;
    return this.scheduler?.nextRun(job.name) ?? nextRunTimes(job.cron, job.timeZone)[0] ?? null;
  }

  /** Job names never change, so each is read once (the queue names the job in every event, progress included). */
  private async jobName(id: number): Promise<string> {
    const known = this.names.get(id);
    if (known) return known;
    const job = await this.store.byId(id);
    if (!job) return `job ${id}`;
    this.names.set(id, job.name);
    return job.name;
  }

  private async requireJob(name: string): Promise<Job> {
    const job = await this.store.byName(name);
    if (!job) throw new NotFoundError(`no job named "${name}"`);
    return job;
  }

  private ready(): Promise<void> {
    this.defaultsReady ??= ensureDefaultJobs(this.app, [...this.kinds.values()]).catch((err: unknown) => {
      this.defaultsReady = null;
      throw err;
    });
    return this.defaultsReady;
  }
}
