import type { DataSource, Repository } from 'typeorm';
import { DisplayEntity, type Display } from '../storage/entities/display.ts';

export interface Telemetry {
  batteryVoltage?: number;
  rssi?: number;
  firmware?: string;
}

const FLUSH_INTERVAL_MS = 5000;

/** Last-seen times and device telemetry, kept in memory per poll and written in batches, so polls never wait on a write. */
export class TelemetryRecorder {
  private readonly pending = new Map<number, Partial<Display>>();
  private readonly displays: Repository<Display>;
  private timer: NodeJS.Timeout | null = null;

  constructor(db: DataSource, private readonly now: () => Date) {
    this.displays = db.getRepository(DisplayEntity);
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  record(displayId: number, telemetry: Telemetry): void {
    const row: Partial<Display> = { ...this.pending.get(displayId), lastSeen: this.now() };
    if (telemetry.batteryVoltage !== undefined) row.batteryVoltage = telemetry.batteryVoltage;
    if (telemetry.rssi !== undefined) row.rssi = telemetry.rssi;
    if (telemetry.firmware !== undefined) row.firmware = telemetry.firmware;
    this.pending.set(displayId, row);
  }

  async flush(): Promise<void> {
    const batch = [...this.pending];
    this.pending.clear();
    for (const [id, row] of batch) await this.displays.update(id, row);
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
