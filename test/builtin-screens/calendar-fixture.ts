import { replaceOccurrences } from '../../main/calendar/occurrences.ts';
import type { TestApp } from '../jobs/test-app.ts';

const event = (uid: string, summary: string, start: string, end: string, allDay = false) => ({ uid, recurrenceId: null, start: new Date(start), end: new Date(end), allDay, summary, location: null, sourceTimeZone: null });

/** A "Family" calendar as get_calendar stores it, around Wednesday 2025-10-15 10:05 in Berlin (the events of the past are gone by then). */
export async function storeCalendar(testApp: TestApp): Promise<void> {
  const { app } = testApp;
  if ((await app.calendars.list()).length > 0) return;
  const family = await app.calendars.add({ name: 'Family', url: 'https://calendar.example.org/family.ics' }, new Date('2025-10-15T08:00:00Z'));
  await replaceOccurrences(app.db, family.id, [
    event('early', 'Breakfast meeting', '2025-10-15T05:00:00Z', '2025-10-15T06:00:00Z'),
    event('dentist', 'Dentist', '2025-10-15T14:30:00Z', '2025-10-15T15:00:00Z'),
    event('swim', 'Swimming', '2025-10-16T15:00:00Z', '2025-10-16T16:00:00Z'),
    event('market', 'Harbour market', '2025-10-17T22:00:00Z', '2025-10-18T22:00:00Z', true),
    event('later', 'Far away', '2025-12-01T10:00:00Z', '2025-12-01T11:00:00Z'),
  ], new Date('2025-10-15T08:00:00Z'));
}
