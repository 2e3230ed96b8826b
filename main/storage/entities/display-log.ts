import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

/** One log entry a device sent (TRMNL's `POST /api/log`); a bounded number is kept per display. */
export interface DisplayLog {
  id: number;
  displayId: number;
  receivedAt: Date;
  /** The device's own clock, when it sent one (it may not have synced its clock). */
  loggedAt: Date | null;
  message: string;
  /** Where in the firmware, e.g. `src/bl.cpp:612`. */
  source: string | null;
  /** The rest of the entry (device status stamp, wake reason, heap …) as JSON. */
  details: string | null;
}

export const DisplayLogEntity = new EntitySchema<DisplayLog>({
  name: 'DisplayLog',
  tableName: 'display_logs',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    displayId: { name: 'display_id', type: 'integer' },
    receivedAt: { name: 'received_at', type: TIMESTAMP },
    loggedAt: { name: 'logged_at', type: TIMESTAMP, nullable: true },
    message: { type: 'text' },
    source: { type: 'varchar', length: 200, nullable: true },
    details: { type: 'text', nullable: true },
  },
  indices: [{ name: 'idx_display_logs_display', columns: ['displayId', 'id'] }],
});
