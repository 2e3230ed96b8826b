import { LessThan, MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { DisplayTelemetryEntity, type DisplayTelemetrySample } from '../storage/entities/display-telemetry.ts';

/** One sample per display this often: a few days make a sparkline of a few hundred points. */
export const SAMPLE_INTERVAL_MS = 10 * 60_000;
/** How far back the card's sparkline reaches. */
export const HISTORY_DAYS = 3;
const KEEP_MS = 7 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

export type TelemetryPoint = Pick<DisplayTelemetrySample, 'cpuTemperature' | 'rssi' | 'batteryVoltage'>;

/** The only code that touches display_telemetry: appends samples at most every ten minutes per display, reads the last days, forgets old ones. */
export class TelemetryHistoryStore {
  private readonly lastSampleAt = new Map<number, number>();
  private lastPruneAt = 0;

  constructor(private readonly db: DataSource) {}

  /** Inside the telemetry recorder's write transaction: a sample for each display whose last one is old enough. */
  async append(tx: EntityManager, at: Date, points: Map<number, TelemetryPoint>): Promise<void> {
    const due = [...points].filter(([displayId, p]) => {
      const last = this.lastSampleAt.get(displayId);
      return (last === undefined || at.getTime() - last >= SAMPLE_INTERVAL_MS) && (p.cpuTemperature !== null || p.rssi !== null || p.batteryVoltage !== null);
    });
    if (due.length > 0) await tx.getRepository(DisplayTelemetryEntity).insert(due.map(([displayId, p]) => ({ displayId, at, ...p })));
    for (const [displayId] of due) this.lastSampleAt.set(displayId, at.getTime());
    if (at.getTime() - this.lastPruneAt >= PRUNE_EVERY_MS) {
      this.lastPruneAt = at.getTime();
      await tx.getRepository(DisplayTelemetryEntity).delete({ at: LessThan(new Date(at.getTime() - KEEP_MS)) });
    }
  }

  /** The display's samples of the last HISTORY_DAYS days, oldest first. */
  async recent(displayId: number, now: Date): Promise<DisplayTelemetrySample[]> {
    return this.db.getRepository(DisplayTelemetryEntity).find({
      where: { displayId, at: MoreThanOrEqual(new Date(now.getTime() - HISTORY_DAYS * 86_400_000)) },
      order: { at: 'ASC' },
    });
  }
}
