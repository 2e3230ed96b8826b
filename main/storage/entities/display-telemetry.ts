import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

/** One sample of what a display reported, kept a few days for the sparkline on its card. */
export interface DisplayTelemetrySample {
  id: number;
  displayId: number;
  at: Date;
  cpuTemperature: number | null;
  rssi: number | null;
  batteryVoltage: number | null;
}

export const DisplayTelemetryEntity = new EntitySchema<DisplayTelemetrySample>({
  name: 'DisplayTelemetry',
  tableName: 'display_telemetry',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    displayId: { name: 'display_id', type: 'integer' },
    at: { type: TIMESTAMP },
    cpuTemperature: { name: 'cpu_temperature', type: 'real', nullable: true },
    rssi: { type: 'integer', nullable: true },
    batteryVoltage: { name: 'battery_voltage', type: 'real', nullable: true },
  },
  indices: [{ name: 'idx_display_telemetry_display_at', columns: ['displayId', 'at'] }],
});
