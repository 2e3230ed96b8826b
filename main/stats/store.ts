import { LessThan, MoreThan, type DataSource, type Repository } from 'typeorm';
import type { AppEvents } from '../core/events.ts';
import type { SystemStatus } from '../dashboard/types.ts';
import { isUniqueViolation } from '../storage/errors.ts';
import { StatsSampleEntity, type StatsSample } from '../storage/entities/stats.ts';

export type NewStatsSample = Omit<StatsSample, 'id'>;

const HOUR_MS = 3_600_000;

/** The machine's per-minute samples; adding and pruning announce `content-changed` (stats) for dashboards. */
export class StatsStore {
  private readonly samples: Repository<StatsSample>;

  constructor(private readonly deps: { db: DataSource; events: AppEvents }) {
    this.samples = deps.db.getRepository(StatsSampleEntity);
  }

  /** Stores one minute's sample; false when that minute already has its row (another node, or a clock step back). */
  async add(sample: NewStatsSample): Promise<boolean> {
    try {
      await this.samples.insert(sample);
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
    this.changed();
    return true;
  }

  /** Deletes samples taken before the cutoff; returns how many. */
  async prune(before: Date): Promise<number> {
    const removed = (await this.samples.delete({ sampledAt: LessThan(before) })).affected ?? 0;
    if (removed > 0) this.changed();
    return removed;
  }

  /** The latest sample with the hour before it, or null when nothing was sampled in that hour. */
  async systemStatus(now: Date): Promise<SystemStatus | null> {
    const samples = await this.samples.find({ where: { sampledAt: MoreThan(new Date(now.getTime() - HOUR_MS)) }, order: { sampledAt: 'ASC' } });
    return toSystemStatus(samples);
  }

  private changed(): void {
    this.deps.events.emit('content-changed', { kind: 'stats' });
  }
}

/** Builds the dashboard's system status from one hour of samples, oldest first. */
function toSystemStatus(samples: readonly StatsSample[]): SystemStatus | null {
  const latest = samples.at(-1);
  if (!latest) return null;
  return {
    sampledAt: latest.sampledAt,
    cpuPct: latest.cpuPct,
    memUsedPct: latest.memUsedPct,
    ...(latest.swapUsedPct !== null ? { swapUsedPct: latest.swapUsedPct } : {}),
    diskUsedPct: latest.diskUsedPct,
    cpuHistory: samples.map((s) => s.cpuPct),
    netRxBytesPerS: samples.map((s) => s.netRxBytesPerS),
    netTxBytesPerS: samples.map((s) => s.netTxBytesPerS),
  };
}
