import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';
import type { DisplayMode } from './display.ts';

/** A weekly slot: on `weekday` (0 = Sunday) from `startMinute` (inclusive) to `endMinute` (exclusive), local time. */
export interface WeeklyRule {
  id: number;
  displayId: number;
  weekday: number;
  startMinute: number;
  endMinute: number;
  mode: DisplayMode;
  /** The screen, mashup or playlist of an item mode. */
  itemId: number | null;
}

export const WeeklyRuleEntity = new EntitySchema<WeeklyRule>({
  name: 'WeeklyRule',
  tableName: 'weekly_rules',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    displayId: { name: 'display_id', type: 'integer' },
    weekday: { type: 'integer' },
    startMinute: { name: 'start_minute', type: 'integer' },
    endMinute: { name: 'end_minute', type: 'integer' },
    mode: { type: 'varchar', length: 16 },
    itemId: { name: 'item_id', type: 'integer', nullable: true },
  },
  indices: [{ name: 'idx_weekly_rules_display', columns: ['displayId'] }],
});

/** A temporary mode for one display (a button, "Dashboard everywhere for 30 min"); at most one per display. */
export interface Override {
  displayId: number;
  mode: DisplayMode;
  itemId: number | null;
  until: Date;
  createdAt: Date;
}

export const OverrideEntity = new EntitySchema<Override>({
  name: 'Override',
  tableName: 'overrides',
  columns: {
    displayId: { name: 'display_id', type: 'integer', primary: true },
    mode: { type: 'varchar', length: 16 },
    itemId: { name: 'item_id', type: 'integer', nullable: true },
    until: { type: TIMESTAMP },
    createdAt: { name: 'created_at', type: TIMESTAMP },
  },
});
