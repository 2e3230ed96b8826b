import type { Repository } from 'typeorm';
import type { AppContext } from '../core/app-context.ts';
import { DisplayEntity, type Display } from '../storage/entities/display.ts';

export interface Telemetry {
  batteryVoltage?: number;
  rssi?: number;
  firmware?: string;
}

const FLUSH_INTERVAL_MS = 5000;
/** A display not heard from for this long counts as just coming online when it polls again. */
const RETURN_AFTER_MS = 60_000;

/**
 * Last-seen times and device telemetry, kept in memory per poll and written in batches, so polls
 * never wait on a write. A display that shows up after a silence is written at once and announced
 * (`displays-changed`), so the UI shows it online without waiting for the next batch.
 */
export class TelemetryRecorder {
  private readonly pending = new Map<number, Partial<Display>>();
  private readonly heardAt = new Map<number, number>();
  private readonly returning = new Set<number>();
  private readonly displays: Repository<Display>;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly app: Pick<AppContext, 'db' | 'events' | 'log' | 'now'>) {
    this.displays = app.db.getRepository(DisplayEntity);
  }

  start(): void {
    this.timer = setInterval(() => this.flushInBackground(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  record(displayId: number, telemetry: Telemetry): void {
    const now = this.app.now();
    const previous = this.heardAt.get(displayId);
    this.heardAt.set(displayId, now.getTime());
    const row: Partial<Display> = { ...this.pending.get(displayId), lastSeen: now };
    if (telemetry.batteryVoltage !== undefined) row.batteryVoltage = telemetry.batteryVoltage;
    if (telemetry.rssi !== undefined) row.rssi = telemetry.rssi;
    if (telemetry.firmware !== undefined) row.firmware = telemetry.firmware;
    this.pending.set(displayId, row);
    if (previous === undefined || now.getTime() - previous > RETURN_AFTER_MS) {
      this.returning.add(displayId);
      setImmediate(() => this.flushInBackground());
    }
  }

  async flush(): Promise<void> {
    const batch = [...this.pending];
    const announce = [...this.returning];
    this.pending.clear();
    this.returning.clear();
    for (const [id, row] of batch) await this.displays.update(id, row);
    for (const displayId of announce) this.app.events.emit('displays-changed', { displayId });
  }

  private flushInBackground(): void {
    if (!this.app.db.isInitialized) return;
    this.flush().catch((err) => this.app.log.warn({ err }, 'could not write display telemetry'));
  }
}

/** Reads telemetry from headers, ignoring values that are not plausible numbers. */
export function telemetryFromHeaders(get: (name: string) => string | undefined, names: { battery: string; rssi: string; firmware: string }): Telemetry {
  const number = (value: string | undefined, min: number, max: number) => {
    const n = value === undefined ? NaN : Number(value);
    return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
  };
  const firmware = get(names.firmware)?.slice(0, 64);
  return {
    batteryVoltage: number(get(names.battery), 0, 20),
    rssi: number(get(names.rssi), -150, 0) !== undefined ? Math.round(Number(get(names.rssi))) : undefined,
    firmware: firmware || undefined,
  };
}
