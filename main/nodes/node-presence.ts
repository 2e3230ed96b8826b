import type { Logger } from '../core/logger.ts';
import { NODE_PRUNED_AFTER_MS, type NodeStore } from './node-store.ts';

export const HEARTBEAT_MS = 5_000;

export interface NodeIdentity {
  name: string;
  address: string;
  httpPort: number;
  httpsPort: number;
  version: string;
}

/**
 * Keeps this node's row in the nodes table alive: written at start, then every few seconds with
 * whether it holds the job-runner role; removed when the server stops cleanly. A missed
 * heartbeat (the database away) is logged once and tried again at the next tick.
 */
export class NodePresence {
  private timer: NodeJS.Timeout | null = null;
  private identity: NodeIdentity | null = null;
  private startedAt = new Date();
  private failing = false;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: NodeStore,
    private readonly runsJobs: () => boolean,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly intervalMs = HEARTBEAT_MS,
  ) {}

  async start(identity: NodeIdentity): Promise<void> {
    this.identity = identity;
    this.startedAt = this.now();
    await this.beat();
    this.timer = setInterval(() => { this.pending = this.pending.then(() => this.beat()); }, this.intervalMs);
    this.timer.unref();
  }

  /** Writes the heartbeat now (the job-runner role just changed hands, say). */
  async beatNow(): Promise<void> {
    this.pending = this.pending.then(() => this.beat());
    await this.pending;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pending;
    const name = this.identity?.name;
    this.identity = null;
    if (name) await this.store.remove(name).catch((err: unknown) => this.log.warn({ err }, 'could not remove this node from the nodes table'));
  }

  private async beat(): Promise<void> {
    if (!this.identity) return;
    const at = this.now();
    try {
      await this.store.heartbeat({ ...this.identity, startedAt: this.startedAt, heartbeatAt: at, runsJobs: this.runsJobs() });
      await this.store.prune(new Date(at.getTime() - NODE_PRUNED_AFTER_MS));
      if (this.failing) this.log.info('node heartbeat written again');
      this.failing = false;
    } catch (err) {
      if (!this.failing) this.log.warn({ err }, 'could not write this node\'s heartbeat; trying again');
      this.failing = true;
    }
  }
}
