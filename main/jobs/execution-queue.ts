import os from 'node:os';
import { In, IsNull, Not, type DataSource, type Repository } from 'typeorm';
import type { AppEvents } from '../core/events.ts';
import { ExecutionEntity, type Execution, type ExecutionStatus, type ExecutionTrigger } from '../storage/entities/job.ts';
import { isUniqueViolation } from '../storage/errors.ts';

export interface ExecutionOwner {
  host: string;
  pid: number;
}

export const THIS_PROCESS: ExecutionOwner = { host: os.hostname(), pid: process.pid };

export interface ExecutionQueueDeps {
  db: DataSource;
  events: AppEvents;
  now(): Date;
  /** Named in the `execution-changed` events. */
  jobName(jobId: number): Promise<string>;
  /** A running execution whose owner gave no heartbeat for this long counts as abandoned. */
  leaseMs: number;
  /** The node name when this process is a server's job runner (there is one in the cluster); null for a CLI run. */
  runnerNode: string | null;
  owner?: ExecutionOwner;
}

export interface Outcome {
  status: Extract<ExecutionStatus, 'success' | 'skipped' | 'error' | 'interrupted'>;
  summary: string | null;
  error: string | null;
  progress?: { done: number; total: number } | null;
}

/**
 * The execution queue, arbitrated by the database so that every process on the data dir (the
 * server, CLI runs) obeys the same two rules: one queued-or-running execution per job, and one
 * running execution overall. Both are partial unique indexes; the statements here only read
 * them back; a third, unique (job, due time), makes a cron tick queue one execution however many
 * nodes fire it. A running execution carries its owner (host, pid) and a heartbeat lease, so the
 * row of a process that died can be recognised and marked `interrupted`. Every change of an
 * execution's state is announced as `execution-changed`.
 */
export class ExecutionQueue {
  private readonly repo: Repository<Execution>;
  private readonly owner: ExecutionOwner;
  private readonly now: () => Date;

  constructor(private readonly deps: ExecutionQueueDeps) {
    this.repo = deps.db.getRepository(ExecutionEntity);
    this.owner = deps.owner ?? THIS_PROCESS;
    this.now = deps.now;
  }

  /**
   * Queues an execution, or answers with the one already queued or running for the job, or (for a
   * cron tick, `dueAt`) with the one another node already queued for that due time.
   */
  async enqueue(jobId: number, params: Record<string, unknown>, trigger: ExecutionTrigger, dueAt: Date | null = null): Promise<{ execution: Execution; created: boolean }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const active = await this.activeFor(jobId);
      if (active) return { execution: active, created: false };
      try {
        const inserted = await this.repo.insert({ jobId, params: JSON.stringify(params), status: 'queued', trigger, queuedAt: this.now(), dueAt });
        const execution = await this.repo.findOneByOrFail({ id: inserted.identifiers[0].id });
        await this.announce(execution);
        return { execution, created: true };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // Another process queued it between our read and our insert: read theirs.
        const forTick = dueAt ? await this.repo.findOneBy({ jobId, dueAt }) : null;
        if (forTick) return { execution: forTick, created: false };
      }
    }
    throw new Error('could not queue the job: its executions changed too often');
  }

  private async activeFor(jobId: number): Promise<Execution | null> {
    return this.repo.findOneBy({ jobId, status: In(['queued', 'running']) });
  }

  /** The oldest queued execution, among `onlyIds` when given. */
  async nextQueued(onlyIds?: ReadonlySet<number>): Promise<Execution | null> {
    if (onlyIds && onlyIds.size === 0) return null;
    const where = onlyIds ? { status: 'queued' as const, id: In([...onlyIds]) } : { status: 'queued' as const };
    return this.repo.findOne({ where, order: { id: 'ASC' } });
  }

  /** Makes the execution running for this process; false when it is no longer queued or another execution runs. */
  async claim(id: number): Promise<boolean> {
    const now = this.now();
    try {
      const result = await this.repo.createQueryBuilder()
        .update()
        .set({ status: 'running', startedAt: now, heartbeatAt: now, ownerHost: this.owner.host, ownerPid: this.owner.pid, runnerNode: this.deps.runnerNode })
        .where('id = :id AND status = :queued', { id, queued: 'queued' })
        .andWhere(`NOT EXISTS (SELECT 1 FROM job_executions other WHERE other.status = 'running')`)
        .execute();
      if (result.affected !== 1) return false;
      // The clock was read before the statement waited its turn (on SQLite, behind another process
      // recording the end of the run this one waited for): read again, the start never precedes that end.
      const startedAt = this.now();
      await this.repo.update({ id }, { startedAt, heartbeatAt: startedAt });
      await this.announceById(id);
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** Renews the lease of an execution this process runs, with its latest progress; false when it is no longer ours. */
  async heartbeat(id: number, progress: { done: number; total: number } | null): Promise<boolean> {
    const ours = await this.ownedUpdate(id, { heartbeatAt: this.now(), ...(progress ? { progressDone: progress.done, progressTotal: progress.total } : {}) });
    if (ours && progress) await this.announceById(id);
    return ours;
  }

  /** Records the outcome; false when the execution was no longer ours to finish (e.g. already marked interrupted). */
  async finish(id: number, outcome: Outcome): Promise<boolean> {
    const execution = await this.repo.findOneBy({ id });
    if (!execution?.startedAt) return false;
    const finishedAt = this.now();
    const ours = await this.ownedUpdate(id, {
      status: outcome.status,
      summary: outcome.summary,
      error: outcome.error,
      finishedAt,
      runtimeMs: Math.max(0, finishedAt.getTime() - execution.startedAt.getTime()),
      ...(outcome.progress ? { progressDone: outcome.progress.done, progressTotal: outcome.progress.total } : {}),
    });
    if (ours) await this.announce({ ...execution, status: outcome.status });
    return ours;
  }

  /**
   * Marks interrupted, at once, what an earlier job runner of the cluster left running: called when
   * this node takes the runner role, which is held by one node at a time, so whoever took those
   * executions lost the role (died or was cut off) and cannot finish them. Returns how many.
   */
  async interruptPreviousRunners(): Promise<number> {
    const now = this.now();
    const left = await this.repo.findBy({ status: 'running', runnerNode: Not(IsNull()) });
    let interrupted = 0;
    for (const execution of left) {
      if (execution.ownerHost === this.owner.host && execution.ownerPid === this.owner.pid) continue;
      const error = `interrupted: the job runner on ${execution.runnerNode} (pid ${execution.ownerPid}) stopped before it finished`;
      if (await this.toInterrupted(execution, now, error)) interrupted++;
    }
    return interrupted;
  }

  /** Marks running executions whose owner is gone (same host, pid dead) or whose lease ran out as interrupted; returns how many. */
  async recoverAbandoned(): Promise<number> {
    const now = this.now();
    const running = await this.repo.findBy({ status: 'running' });
    let recovered = 0;
    for (const execution of running) {
      const reason = this.abandonReason(execution, now);
      if (reason && (await this.toInterrupted(execution, now, reason))) recovered++;
    }
    return recovered;
  }

  private async toInterrupted(execution: Execution, now: Date, error: string): Promise<boolean> {
    const result = await this.repo.createQueryBuilder()
      .update()
      .set({ status: 'interrupted', finishedAt: now, error })
      .where('id = :id AND status = :running', { id: execution.id, running: 'running' })
      .execute();
    if (result.affected !== 1) return false;
    await this.announce({ ...execution, status: 'interrupted' });
    return true;
  }

  private async announceById(id: number): Promise<void> {
    const execution = await this.repo.findOneBy({ id });
    if (execution) await this.announce(execution);
  }

  private async announce(execution: Execution): Promise<void> {
    this.deps.events.emit('execution-changed', { executionId: execution.id, jobName: await this.deps.jobName(execution.jobId), status: execution.status });
  }

  private abandonReason(execution: Execution, now: Date): string | null {
    const ownedHere = execution.ownerHost === this.owner.host;
    if (ownedHere && execution.ownerPid === this.owner.pid) return null;
    if (ownedHere && execution.ownerPid !== null && !processAlive(execution.ownerPid)) {
      return `interrupted: the process running it (pid ${execution.ownerPid}) ended before it finished`;
    }
    const lastSign = execution.heartbeatAt ?? execution.startedAt;
    if (lastSign && now.getTime() - lastSign.getTime() > this.deps.leaseMs) {
      return `interrupted: no sign of life from ${execution.ownerHost ?? 'its owner'} (pid ${execution.ownerPid}) for ${Math.round((now.getTime() - lastSign.getTime()) / 1000)} s`;
    }
    return null;
  }

  private async ownedUpdate(id: number, values: Partial<Execution>): Promise<boolean> {
    const result = await this.repo.createQueryBuilder()
      .update()
      .set(values)
      .where('id = :id AND status = :running AND owner_host = :host AND owner_pid = :pid', { id, running: 'running', host: this.owner.host, pid: this.owner.pid })
      .execute();
    return result.affected === 1;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
