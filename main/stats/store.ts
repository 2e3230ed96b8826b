import { LessThan, MoreThan, type DataSource } from 'typeorm';
import type { SystemStatus } from '../dashboard/types.ts';
import { StatsSampleEntity, type StatsSample } from '../storage/entities/stats.ts';

export type NewStatsSample = Omit<StatsSample, 'id'>;

const HOUR_MS = 3_600_000;

export async function insertSample(db: DataSource, sample: NewStatsSample): Promise<void> {
  await db.getRepository(StatsSampleEntity).insert(sample);
}

/** Deletes samples taken before the cutoff. */
export async function pruneStats(db: DataSource, before: Date): Promise<number> {
  const result = await db.getRepository(StatsSampleEntity).delete({ sampledAt: LessThan(before) });
  return result.affected ?? 0;
}

/** The latest sample with the hour before it, or null when nothing was sampled in that hour. */
export async function loadSystemStatus(db: DataSource, now: Date): Promise<SystemStatus | null> {
  const samples = await db.getRepository(StatsSampleEntity).find({
    where: { sampledAt: MoreThan(new Date(now.getTime() - HOUR_MS)) },
    order: { sampledAt: 'ASC' },
  });
  return toSystemStatus(samples);
}

/** Builds the dashboard's system status from one hour of samples, oldest first. */
export function toSystemStatus(samples: readonly StatsSample[]): SystemStatus | null {
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
