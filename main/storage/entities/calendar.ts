import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

export interface Calendar {
  id: number;
  name: string;
  /** ICS feed (http or https). */
  url: string;
  /** CSS hex colour, e.g. #1e88e5. */
  color: string;
  enabled: boolean;
  createdAt: Date;
  lastFetchedAt: Date | null;
  lastError: string | null;
  /** Events the last readable download left out, each naming the event and why. */
  lastSkipped: string[] | null;
  /** What the last readable download read differently from how it was written (dropped lines, zones that fell back). */
  lastNotes: string[] | null;
}

/** One expanded instance of an event; a calendar's rows are replaced as a whole after each successful fetch. */
export interface Occurrence {
  id: number;
  calendarId: number;
  uid: string;
  /** For instances of a recurring event: the original start of the instance (ISO instant, or YYYY-MM-DD when all-day). */
  recurrenceId: string | null;
  startAt: Date;
  /** Exclusive. */
  endAt: Date;
  allDay: boolean;
  summary: string;
  location: string | null;
  /** The zone the source gave the times in (floating times: the configured zone); null for all-day events. */
  sourceTimeZone: string | null;
}

export const CalendarEntity = new EntitySchema<Calendar>({
  name: 'Calendar',
  tableName: 'calendars',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 100, unique: true },
    url: { type: 'varchar', length: 2000 },
    color: { type: 'varchar', length: 9 },
    enabled: { type: 'boolean' },
    createdAt: { name: 'created_at', type: TIMESTAMP },
    lastFetchedAt: { name: 'last_fetched_at', type: TIMESTAMP, nullable: true },
    lastError: { name: 'last_error', type: 'text', nullable: true },
    lastSkipped: { name: 'last_skipped', type: 'simple-json', nullable: true },
    lastNotes: { name: 'last_notes', type: 'simple-json', nullable: true },
  },
});

export const OccurrenceEntity = new EntitySchema<Occurrence>({
  name: 'Occurrence',
  tableName: 'calendar_occurrences',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    calendarId: { name: 'calendar_id', type: 'integer' },
    uid: { type: 'varchar', length: 255 },
    recurrenceId: { name: 'recurrence_id', type: 'varchar', length: 40, nullable: true },
    startAt: { name: 'start_at', type: TIMESTAMP },
    endAt: { name: 'end_at', type: TIMESTAMP },
    allDay: { name: 'all_day', type: 'boolean' },
    summary: { type: 'text' },
    location: { type: 'text', nullable: true },
    sourceTimeZone: { name: 'source_time_zone', type: 'varchar', length: 64, nullable: true },
  },
  indices: [
    { name: 'idx_calendar_occurrences_calendar', columns: ['calendarId'] },
    { name: 'idx_calendar_occurrences_start', columns: ['startAt'] },
  ],
});
