import type { EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { AppContext } from '../core/app-context.ts';
import { DisplayEntity, type Display } from '../storage/entities/display.ts';
import type { TelemetryHistory, TelemetryPoint } from './telemetry-history.ts';

export interface Telemetry {
  batteryVoltage?: number;
  rssi?: number;
  firmware?: string;
  cpuTemperature?: number;
  uptimeS?: number;
}

const FLUSH_INTERVAL_MS = 5000;
/** A display not heard from for this long counts as just coming online when it polls again. */
const RETURN_AFTER_MS = 60_000;
const TELEMETRY_COLUMNS = ['lastSeen', 'batteryVoltage', 'rssi', 'firmware', 'cpuTemperature', 'uptimeS'] as const satisfies readonly (keyof Display)[];

/**
 * Last-seen times and device telemetry, kept in memory per poll and written in batches, so polls
 * never wait on a write: one transaction every few seconds, one short statement per display heard
 * from (about a millisecond for 200). A display that shows up after a silence is written at once
 * and announced (`displays-changed`), so the UI shows it online without waiting for the next batch.
 */
export class TelemetryRecorder {
  private readonly pending = new Map<number, Partial<Display>>();
  private readonly heardAt = new Map<number, number>();
  private readonly returning = new Set<number>();
  private readonly metadata: EntityMetadata;
  private readonly updateSql: string;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly app: Pick<AppContext, 'db' | 'events' | 'log' | 'now'>, private readonly history?: TelemetryHistory) {
    this.metadata = app.db.getMetadata(DisplayEntity);
    // One statement text for every row, so the driver prepares it once; what a frame did not report stays as it was.
    const { driver } = app.db;
    const name = (property: keyof Display) => driver.escape(this.column(property).databaseName);
    const assignments = TELEMETRY_COLUMNS.map((p, i) => `${name(p)} = COALESCE(${driver.createParameter(p, i)}, ${name(p)})`);
    this.updateSql = `UPDATE ${driver.escape(this.metadata.tableName)} SET ${assignments.join(', ')} WHERE ${name('id')} = ${driver.createParameter('id', TELEMETRY_COLUMNS.length)}`;
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
    let row = this.pending.get(displayId);
    if (!row) this.pending.set(displayId, (row = {}));
    row.lastSeen = now;
    if (telemetry.batteryVoltage !== undefined) row.batteryVoltage = telemetry.batteryVoltage;
    if (telemetry.rssi !== undefined) row.rssi = telemetry.rssi;
    if (telemetry.firmware !== undefined) row.firmware = telemetry.firmware;
    if (telemetry.cpuTemperature !== undefined) row.cpuTemperature = telemetry.cpuTemperature;
    if (telemetry.uptimeS !== undefined) row.uptimeS = telemetry.uptimeS;
    if (previous === undefined || now.getTime() - previous > RETURN_AFTER_MS) {
      this.returning.add(displayId);
      setImmediate(() => this.flushInBackground());
    }
  }

  /** Writes everything recorded so far; flushes run one after another. */
  flush(): Promise<void> {
    const run = this.writing.then(() => this.writeBatch());
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async writeBatch(): Promise<void> {
    const batch = [...this.pending];
    const announce = [...this.returning];
    this.pending.clear();
    this.returning.clear();
    if (batch.length > 0) {
      // Plain statements rather than repository updates: TypeORM's per-entity update costs ~100 µs of
      // main-thread time each, which for a few hundred frames is a visible stall in their polls.
      const rows = batch.map(([id, row]) => this.updateParameters(id, row));
      const points = new Map<number, TelemetryPoint>(batch.map(([id, row]) => [id, { cpuTemperature: row.cpuTemperature ?? null, rssi: row.rssi ?? null, batteryVoltage: row.batteryVoltage ?? null }]));
      await this.app.db.transaction(async (tx) => {
        for (const parameters of rows) await tx.query(this.updateSql, parameters);
        await this.history?.append(tx, this.app.now(), points);
      });
    }
    for (const displayId of announce) this.app.events.emit('displays-changed', { displayId });
  }

  /** Parameters in the order of `updateSql`: the telemetry columns, then the id. */
  private updateParameters(id: number, row: Partial<Display>): unknown[] {
    const { driver } = this.app.db;
    return [...TELEMETRY_COLUMNS.map((p) => (row[p] === undefined ? null : driver.preparePersistentValue(row[p], this.column(p)))), id];
  }

  private column(property: keyof Display): ColumnMetadata {
    return this.metadata.findColumnWithPropertyName(property)!;
  }

  private flushInBackground(): void {
    if (!this.app.db.isInitialized) return;
    this.flush().catch((err) => this.app.log.warn({ err }, 'could not write display telemetry'));
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
