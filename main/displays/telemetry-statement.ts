import type { DataSource, EntityManager, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { DisplayEntity, type Display } from '../storage/entities/display.ts';

export const TELEMETRY_COLUMNS = ['lastSeen', 'batteryVoltage', 'rssi', 'firmware', 'cpuTemperature', 'uptimeS'] as const satisfies readonly (keyof Display)[];
export type TelemetryValues = Partial<Pick<Display, (typeof TELEMETRY_COLUMNS)[number]>>;
export interface TelemetryRow {
  displayId: number;
  values: TelemetryValues;
}

/**
 * The display store's batch write of telemetry. Plain statements rather than repository updates:
 * TypeORM's per-entity update costs ~100 µs of main-thread time each, which for a few hundred
 * frames is a visible stall in their polls. One statement text for every row, so the driver
 * prepares it once; what a frame did not report stays as it was.
 */
export class TelemetryStatement {
  private readonly metadata: EntityMetadata;
  private readonly sql: string;

  constructor(private readonly db: DataSource) {
    this.metadata = db.getMetadata(DisplayEntity);
    const { driver } = db;
    const name = (property: keyof Display) => driver.escape(this.column(property).databaseName);
    const assignments = TELEMETRY_COLUMNS.map((p, i) => `${name(p)} = COALESCE(${driver.createParameter(p, i)}, ${name(p)})`);
    this.sql = `UPDATE ${driver.escape(this.metadata.tableName)} SET ${assignments.join(', ')} WHERE ${name('id')} = ${driver.createParameter('id', TELEMETRY_COLUMNS.length)}`;
  }

  /** `alsoInTransaction`: more writes that belong with these rows (the telemetry history). */
  async run(rows: TelemetryRow[], alsoInTransaction?: (tx: EntityManager) => Promise<void>): Promise<void> {
    const parameters = rows.map((row) => this.parameters(row));
    await this.db.transaction(async (tx) => {
      for (const values of parameters) await tx.query(this.sql, values);
      await alsoInTransaction?.(tx);
    });
  }

  /** Parameters in the order of the statement: the telemetry columns, then the id. */
  private parameters({ displayId, values }: TelemetryRow): unknown[] {
    const { driver } = this.db;
    return [...TELEMETRY_COLUMNS.map((p) => (values[p] === undefined ? null : driver.preparePersistentValue(values[p], this.column(p)))), displayId];
  }

  private column(property: keyof Display): ColumnMetadata {
    return this.metadata.findColumnWithPropertyName(property)!;
  }
}
