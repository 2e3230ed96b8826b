import { LessThan, MoreThan, type DataSource } from 'typeorm';
import type { CalendarOccurrence } from '../dashboard/types.ts';
import { CalendarEntity, OccurrenceEntity } from '../storage/entities/calendar.ts';
import type { ExpandedOccurrence, Expansion } from './expand.ts';

export interface StoredOccurrence extends CalendarOccurrence {
  calendarId: number;
  recurrenceId: string | null;
  sourceTimeZone: string | null;
}

/** Keeps each insert well under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 50;

/**
 * Replaces a calendar's occurrences with those of a readable download in one short transaction;
 * events gone from the source go with it. What the download skipped and noted replaces the last
 * report; a warning (a download that was stored although it may be incomplete) becomes the calendar's error line.
 */
export async function replaceOccurrences(
  db: DataSource, calendarId: number, occurrences: readonly ExpandedOccurrence[], fetchedAt: Date,
  { skipped, notes, warning }: Pick<Expansion, 'skipped' | 'notes'> & { warning?: string } = { skipped: [], notes: [] },
): Promise<void> {
  const rows = occurrences.map((o) => ({
    calendarId,
    uid: o.uid.slice(0, 255),
    recurrenceId: o.recurrenceId,
    startAt: o.start,
    endAt: o.end,
    allDay: o.allDay,
    summary: o.summary,
    location: o.location,
    sourceTimeZone: o.sourceTimeZone?.slice(0, 64) ?? null,
  }));
  await db.transaction(async (tx) => {
    const repo = tx.getRepository(OccurrenceEntity);
    await repo.delete({ calendarId });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await repo.insert(rows.slice(i, i + INSERT_CHUNK));
    await tx.getRepository(CalendarEntity).update({ id: calendarId }, { lastFetchedAt: fetchedAt, lastError: warning ?? null, lastSkipped: skipped, lastNotes: notes });
  });
}

/** Remembers why a calendar could not be updated; its occurrences stay as they were. */
export async function recordCalendarError(db: DataSource, calendarId: number, message: string): Promise<void> {
  await db.getRepository(CalendarEntity).update({ id: calendarId }, { lastError: message });
}

/** Stored occurrences overlapping [from, to) (all when not given), of enabled calendars unless told otherwise, by start. */
export async function listOccurrences(db: DataSource, range: { from?: Date; to?: Date; includeDisabled?: boolean } = {}): Promise<StoredOccurrence[]> {
  const calendars = new Map((await db.getRepository(CalendarEntity).find()).map((c) => [c.id, c]));
  const rows = await db.getRepository(OccurrenceEntity).find({
    where: { ...(range.from ? { endAt: MoreThan(range.from) } : {}), ...(range.to ? { startAt: LessThan(range.to) } : {}) },
    order: { startAt: 'ASC', id: 'ASC' },
  });
  const result: StoredOccurrence[] = [];
  for (const row of rows) {
    const calendar = calendars.get(row.calendarId);
    if (!calendar || (!calendar.enabled && !range.includeDisabled)) continue;
    result.push({
      uid: row.uid,
      calendarId: row.calendarId,
      calendarName: calendar.name,
      calendarColor: calendar.color,
      summary: row.summary,
      ...(row.location ? { location: row.location } : {}),
      start: row.startAt,
      end: row.endAt,
      allDay: Boolean(row.allDay),
      recurrenceId: row.recurrenceId,
      sourceTimeZone: row.sourceTimeZone,
    });
  }
  return result;
}
