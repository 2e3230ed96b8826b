import type { Logger } from '../core/logger.ts';
import type { DisplayStore } from './display-store.ts';
import type { TelemetryHistoryStore, TelemetryPoint } from './telemetry-history-store.ts';
import type { TelemetryValues } from './telemetry-statement.ts';

export interface Telemetry {
  batteryVoltage?: number;
  rssi?: number;
  firmware?: string;
  cpuTemperature?: number;
  uptimeS?: number;
}

export interface TelemetryRecorderDeps {
  displays: Pick<DisplayStore, 'writeTelemetry'>;
  /** Samples kept for the sparklines, appended in the same transaction. */
  history?: TelemetryHistoryStore;
  log: Logger;
  now(): Date;
}

const FLUSH_INTERVAL_MS = 5000;
/** A display not heard from for this long counts as just coming online when it polls again. */
const RETURN_AFTER_MS = 60_000;

/**
 * Last-seen times and device telemetry, kept in memory per poll and written in batches, so polls
 * never wait on a write: one transaction every few seconds, one short statement per display heard
 * from (about a millisecond for 200). A display that shows up after a silence is written at once
 * (the store announces every batch), so the UI shows it online without waiting for the next batch.
 */
export class TelemetryRecorder {
  private readonly pending = new Map<number, TelemetryValues>();
  private readonly heardAt = new Map<number, number>();
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: TelemetryRecorderDeps) {}

  start(): void {
    this.timer = setInterval(() => this.flushInBackground(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    this.stopped = true;
  }

  record(displayId: number, telemetry: Telemetry): void {
    const now = this.deps.now();
    const previous = this.heardAt.get(displayId);
    this.heardAt.set(displayId, now.getTime());
    let row = this.pending.get(displayId);
    if (!row) this.pending.set(displayId, (row = {}));
    row.lastSeen = now;
    if (telemetry.batteryVoltage !== undefined) row.batteryVoltage = telemetry.batteryVoltage;
    if (telemetry.rssi !== undefined) row.rssi = telemetry.rssi;
    if (telemetry.firmware !== undefined) row.firmware = telemetry.firmware;
    if (telemetry.cpuTemperature !== undefined) row.cpuTemperature = telemetry.cpuTemperature;
    if (telemetry.uptimeS !== undefined) row.uptimeS = telemetry.uptimeS;
    if (previous === undefined || now.getTime() - previous > RETURN_AFTER_MS) setImmediate(() => this.flushInBackground());
  }

  /** Writes everything recorded so far; flushes run one after another. */
  flush(): Promise<void> {
    const run = this.writing.then(() => this.writeBatch());
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async writeBatch(): Promise<void> {
    const batch = [...this.pending].map(([displayId, values]) => ({ displayId, values }));
    this.pending.clear();
    const { history } = this.deps;
    const points = new Map<number, TelemetryPoint>(batch.map(({ displayId, values }) => [displayId, { cpuTemperature: values.cpuTemperature ?? null, rssi: values.rssi ?? null, batteryVoltage: values.batteryVoltage ?? null }]));
    await this.deps.displays.writeTelemetry(batch, history ? (tx) => history.append(tx, this.deps.now(), points) : undefined);
  }

  private flushInBackground(): void {
    if (this.stopped) return;
    this.flush().catch((err) => this.deps.log.warn({ err }, 'could not write display telemetry'));
  }
}

/** Reads telemetry from headers, ignoring values that are not plausible numbers. */
export function telemetryFromHeaders(
  get: (name: string) => string | undefined,
  names: { battery: string; rssi: string; firmware: string; cpuTemperature?: string; uptime?: string },
): Telemetry {
  const number = (value: string | undefined, min: number, max: number) => {
    const n = value === undefined ? NaN : Number(value);
    return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
  };
  const firmware = get(names.firmware)?.slice(0, 64);
  return {
    batteryVoltage: number(get(names.battery), 0, 20),
    rssi: number(get(names.rssi), -150, 0) !== undefined ? Math.round(Number(get(names.rssi))) : undefined,
    firmware: firmware || undefined,
    cpuTemperature: names.cpuTemperature ? number(get(names.cpuTemperature), -60, 150) : undefined,
    uptimeS: names.uptime && number(get(names.uptime), 0, 20 * 365 * 86400) !== undefined ? Math.floor(Number(get(names.uptime))) : undefined,
  };
}
