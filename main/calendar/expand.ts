import ical, { type EventInstance, type ParameterValue, type VEvent } from 'node-ical';
import { pinFloatingTimes } from './floating.ts';
import { addDays, startOfLocalDay } from './zoned-time.ts';

export interface ExpandedOccurrence {
  uid: string;
  recurrenceId: string | null;
  start: Date;
  /** Exclusive. */
  end: Date;
  allDay: boolean;
  summary: string;
  location: string | null;
  sourceTimeZone: string | null;
}

export class IcsError extends Error {}

const DAY_MS = 86_400_000;

/**
 * Every occurrence overlapping [from, to) of the events in an ICS text: recurring events expanded
 * (RRULE, EXDATE, RECURRENCE-ID overrides), cancelled events and instances left out. Floating
 * times and all-day dates are read in `timeZone`. An event that cannot be expanded is skipped
 * and reported in `problems`; text that is not iCalendar at all throws IcsError.
 */
export async function expandIcs(ics: string, window: { from: Date; to: Date }, timeZone: string): Promise<{ occurrences: ExpandedOccurrence[]; problems: string[] }> {
  if (!/^\s*BEGIN:VCALENDAR/i.test(ics)) throw new IcsError(`not an iCalendar file (it begins ${JSON.stringify(ics.trim().slice(0, 40))})`);
  let parsed: Awaited<ReturnType<typeof ical.async.parseICS>>;
  try {
    parsed = await ical.async.parseICS(pinFloatingTimes(ics, timeZone));
  } catch (err) {
    throw new IcsError(`the iCalendar file could not be read: ${(err as Error).message}`);
  }
  // node-ical decides all-day ranges in the process's zone; a day of margin each side, then the exact filter below.
  const search = { from: new Date(window.from.getTime() - DAY_MS), to: new Date(window.to.getTime() + DAY_MS) };
  const occurrences: ExpandedOccurrence[] = [];
  const problems: string[] = [];
  for (const component of Object.values(parsed)) {
    if (component?.type !== 'VEVENT' || !(component as VEvent).start) continue;
    const event = component as VEvent;
    try {
      for (const instance of ical.expandRecurringEvent(event, { ...search, expandOngoing: true })) {
        if (instance.event.status === 'CANCELLED') continue;
        const occurrence = toOccurrence(event, instance, timeZone);
        if (occurrence.end > window.from && occurrence.start < window.to) occurrences.push(occurrence);
      }
    } catch (err) {
      problems.push(`event ${event.uid ?? '(no UID)'} skipped: ${(err as Error).message}`);
    }
  }
  occurrences.sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
  return { occurrences, problems };
}

function toOccurrence(base: VEvent, instance: EventInstance, timeZone: string): ExpandedOccurrence {
  const event = instance.event;
  const recurrence = event.recurrenceid ?? (instance.isRecurring ? instance.start : null);
  const common = {
    uid: event.uid ?? base.uid,
    summary: text(instance.summary) || '(no title)',
    location: text(event.location) || null,
    allDay: instance.isFullDay,
  };
  if (!instance.isFullDay) {
    return {
      ...common,
      recurrenceId: recurrence ? recurrence.toISOString() : null,
      start: instance.start,
      end: instance.end,
      sourceTimeZone: instance.start.tz ?? null,
    };
  }
  // All-day dates arrive as the process's local midnight; keep the calendar date, place it in the configured zone.
  const startDate = processLocalDate(instance.start);
  const days = Math.max(1, Math.round((instance.end.getTime() - instance.start.getTime()) / DAY_MS));
  return {
    ...common,
    recurrenceId: recurrence ? processLocalDate(recurrence) : null,
    start: startOfLocalDay(startDate, timeZone),
    end: startOfLocalDay(addDays(startDate, days), timeZone),
    sourceTimeZone: null,
  };
}

function processLocalDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function text(value: ParameterValue | undefined): string {
  if (value === undefined || value === null) return '';
  return (typeof value === 'string' ? value : value.val ?? '').trim();
}
