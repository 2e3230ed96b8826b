import type { DataSource, QueryRunner } from 'typeorm';
import type { Logger } from '../core/logger.ts';

export interface RoleHooks {
  acquired(): Promise<void>;
  lost(): Promise<void>;
}

/** Advisory lock keys: fixed numbers every node agrees on. */
export const JOB_RUNNER_LOCK_KEY = 1_732_400_023_001;

/**
 * A role one node of a cluster holds at a time (the job runner), as a PostgreSQL session-level
 * advisory lock on a connection kept for it. When the holder dies or its connection breaks, the
 * database ends its session and the lock goes with it, so another node's next attempt takes over;
 * the holder itself notices a broken session at its next check and gives the role up. On SQLite
 * one server owns the data file, so the role is held at once.
 */
export class ExclusiveRole {
  private runner: QueryRunner | null = null;
  private held = false;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    /** Named in the log: 'job runner'. */
    private readonly name: string,
    private readonly key: number,
    private readonly hooks: RoleHooks,
    private readonly log: Logger,
    private readonly checkMs = 5_000,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  async start(): Promise<void> {
    if (this.db.options.type !== 'postgres') {
      this.held = true;
      await this.hooks.acquired();
      return;
    }
    await this.check();
    this.timer = setInterval(() => { this.pending = this.pending.then(() => this.check()); }, this.checkMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pending;
    if (this.held) {
      await this.giveUp();
      await this.runner?.query('SELECT pg_advisory_unlock($1)', [this.key]).catch(() => undefined);
    }
    await this.releaseConnection();
  }

  /** Takes the role when free; while holding it, confirms the session (and so the lock) still lives. */
  private async check(): Promise<void> {
    try {
      this.runner ??= this.db.createQueryRunner();
      if (this.held) {
        await this.runner.query('SELECT 1');
        return;
      }
      const [{ locked }] = await this.runner.query('SELECT pg_try_advisory_lock($1) AS locked', [this.key]);
      if (!locked) return;
      this.held = true;
      this.log.info({ key: this.key }, `this node took the ${this.name} role`);
      await this.hooks.acquired();
    } catch (err) {
      this.log.warn({ err }, `lost the database session of the ${this.name} role; trying again`);
      if (this.held) await this.giveUp();
      await this.releaseConnection();
    }
  }

  private async giveUp(): Promise<void> {
    this.held = false;
    await this.hooks.lost().catch((err: unknown) => this.log.warn({ err }, `could not give up the ${this.name} role cleanly`));
  }

  private async releaseConnection(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    await runner?.release().catch(() => undefined);
  }
}
