import type { AppContext } from '../core/app-context.ts';
import type { Execution, Job } from '../storage/entities/job.ts';
import { parseJsonObject } from './dto.ts';
import { ExecutionLogWriter } from './execution-log.ts';
import type { ExecutionQueue, Outcome } from './execution-queue.ts';
import { validateJobParams } from './params.ts';
import type { JobKind } from './types.ts';

export interface RunnerOptions {
  /** true (the server): runs any queued execution; false (a CLI run): only those `adopt`ed. */
  claimAll: boolean;
  heartbeatMs: number;
  /** How often the queue is looked at for work queued by other processes or waiting on them. */
  pollMs: number;
  /** How long a stopping runner waits for the running job to notice its abort signal. */
  stopGraceMs: number;
}

interface Current {
  execution: Execution;
  controller: AbortController;
  done: Promise<void>;
  settled: boolean;
}

const PROGRESS_WRITE_INTERVAL_MS = 250;

/** Takes queued executions one at a time (the queue makes that hold across processes) and runs them. */
export class Runner {
  private readonly adopted = new Set<number>();
  private current: Current | null = null;
  private pumping: Promise<void> | null = null;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly app: AppContext,
    private readonly queue: ExecutionQueue,
    private readonly lookup: { job(id: number): Promise<Job | null>; kind(name: string): JobKind | undefined },
    private readonly options: RunnerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Lets a claim-own runner run this execution (one it queued or joined). */
  adopt(executionId: number): void {
    this.adopted.add(executionId);
  }

  /** Looks for work now rather than at the next poll. */
  wake(): void {
    if (this.pumping || this.current || this.stopped) return;
    this.pumping = this.pump()
      .catch((err: unknown) => this.app.log.error({ err }, 'job runner failed to read the queue'))
      .finally(() => { this.pumping = null; });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pumping;
    const current = this.current;
    if (!current) return;
    current.controller.abort(new Error('the app is shutting down'));
    let timeout: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'timeout'>((resolve) => { timeout = setTimeout(() => resolve('timeout'), this.options.stopGraceMs); });
    const result = await Promise.race([current.done.then(() => 'done' as const), graceOver]);
    clearTimeout(timeout);
    if (result === 'timeout') {
      const seconds = Math.round(this.options.stopGraceMs / 1000);
      await this.settle(current.execution, { status: 'interrupted', summary: null, error: `interrupted: still running ${seconds} s after the app began shutting down` });
    }
  }

  /** Short by design (reads and one claim); the claimed execution runs on its own and wakes the runner when done. */
  private async pump(): Promise<void> {
    await this.queue.recoverAbandoned();
    const next = await this.queue.nextQueued(this.options.claimAll ? undefined : this.adopted);
    if (!next || this.stopped || !(await this.queue.claim(next.id))) return;
    const controller = new AbortController();
    const execution: Execution = { ...next, status: 'running' };
    const done = this.run(execution, controller).catch((err: unknown) => this.app.log.error({ err, executionId: execution.id }, 'could not record the outcome of a job'));
    this.current = { execution, controller, settled: false, done };
  }

  /** A missed heartbeat is survivable (the next one may land) but not silent: a lease can lapse behind it. */
  private heartbeatFailed(executionId: number, err: unknown): void {
    this.app.log.warn({ err, executionId }, 'could not record the job heartbeat; its lease may lapse');
  }

  private async run(execution: Execution, controller: AbortController): Promise<void> {
    let progress: { done: number; total: number } | null = null;
    let lastProgressWrite = 0;
    // Heartbeats run one after another, and the outcome is recorded only after the last: a beat still
    // in flight would announce the execution "running" after its outcome was announced.
    let beating: Promise<void> = Promise.resolve();
    const beat = (): void => {
      beating = beating.then(() => this.queue.heartbeat(execution.id, progress)).then((stillOurs) => {
        if (!stillOurs) controller.abort(new Error('another process marked this execution interrupted'));
      }).catch((err: unknown) => this.heartbeatFailed(execution.id, err));
    };
    const heartbeat = setInterval(beat, this.options.heartbeatMs);
    heartbeat.unref();
    let log: ExecutionLogWriter | null = null;
    let outcome: Outcome;
    try {
      const job = await this.lookup.job(execution.jobId);
      log = new ExecutionLogWriter(this.app, execution.id, job?.name ?? `job ${execution.jobId}`);
      const kind = job ? this.lookup.kind(job.kind) : undefined;
      if (!job || !kind) throw new Error(`job kind "${job?.kind ?? '?'}" is not part of this version of Inkstand`);
      const params = validateJobParams(kind, parseJsonObject(execution.params));
      const result = await kind.run({
        params,
        app: this.app,
        log,
        signal: controller.signal,
        timeZone: job.timeZone,
        progress: (done, total) => {
          progress = { done, total };
          if (Date.now() - lastProgressWrite < PROGRESS_WRITE_INTERVAL_MS) return;
          lastProgressWrite = Date.now();
          beat();
        },
      });
      outcome = { status: result.status ?? 'success', summary: result.summary, error: null, progress };
      log.info(`${outcome.status}: ${result.summary}`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      outcome = controller.signal.aborted
        ? { status: 'interrupted', summary: null, error: `interrupted: ${message}`, progress }
        : { status: 'error', summary: null, error: message, progress };
      log?.error(message);
    } finally {
      clearInterval(heartbeat);
    }
    await beating;
    await log?.flush();
    await this.settle(execution, outcome);
  }

  /** Records the outcome once and frees the runner. */
  private async settle(execution: Execution, outcome: Outcome): Promise<void> {
    const current = this.current;
    if (current?.execution.id !== execution.id || current.settled) return;
    current.settled = true;
    try {
      await this.queue.finish(execution.id, outcome);
    } finally {
      this.current = null;
      if (!this.stopped) this.wake();
    }
  }
}
