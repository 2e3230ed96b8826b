import type { CalendarOccurrence } from './types.ts';
import { drawableText } from './drawable-text.ts';
import { addDays, allDayKey, type Clock, dayKey, daysBetween, shortDate, shortWeekday, timeOfDay } from './clock.ts';

export interface AgendaEntry {
  uid: string;
  title: string;
  location?: string;
  /** What stands in the narrow time column: "09:30", "All day", "until Thu", "Now". */
  slot: string;
  /** When an event that runs past this day, or is already running, ends: "until Sun", "until 16:00". */
  until?: string;
  /** The calendar's own CSS colour. */
  calendarColor: string;
}

export interface AgendaDay {
  key: string;
  heading: string;
  isToday: boolean;
  entries: AgendaEntry[];
}

interface Span {
  event: CalendarOccurrence;
  firstDay: string;
  /** Inclusive. */
  lastDay: string;
}

/**
 * Today (always, possibly empty: events still running or to come) followed by each later day
 * that has events starting on it. A multi-day event is listed once, on its first day (or under
 * Today while it is running).
 */
export function buildAgenda(events: CalendarOccurrence[], now: Date, clock: Clock): AgendaDay[] {
  const today = dayKey(now, clock);
  const spans = events.map((event) => toSpan(event, clock)).sort(byStart);
  const todays = spans.filter(
    (s) => s.firstDay <= today && s.lastDay >= today && (s.event.allDay || s.event.end.getTime() > now.getTime()),
  );
  const days: AgendaDay[] = [{ key: today, heading: 'Today', isToday: true, entries: todays.map((s) => toEntry(s, today, today, clock)) }];
  for (const span of spans) {
    if (span.firstDay <= today) continue;
    let day = days.find((d) => d.key === span.firstDay);
    if (!day) {
      day = { key: span.firstDay, heading: dayHeading(span.firstDay, today, clock), isToday: false, entries: [] };
      days.push(day);
    }
    day.entries.push(toEntry(span, span.firstDay, today, clock));
  }
  return days;
}

/** The height each part of the agenda takes, in pixels. */
export interface AgendaMetrics {
  heading: number;
  entry: number;
  /** An entry whose second line (location or "until") is shown. */
  entryWithDetail: number;
  /** "Nothing today", and the "+3 more" line. */
  note: number;
}

export interface FittedAgenda {
  days: AgendaDay[];
  /** Today has nothing (left) on it: the agenda says so under its heading. */
  nothingToday: boolean;
  hiddenCount: number;
}

/**
 * Keeps as many entries, in order, as fit in `budget` pixels, leaving room for a "+N more" line
 * when some are left out. Today's heading is always kept; a later day's heading only with at
 * least one of its entries.
 */
export function fitAgenda(days: AgendaDay[], budget: number, metrics: AgendaMetrics): FittedAgenda {
  const total = days.reduce((sum, day) => sum + day.entries.length, 0);
  const fitted: AgendaDay[] = [];
  let used = 0;
  let shown = 0;
  const fits = (height: number, afterwards: number) => used + height + (shown + afterwards < total ? metrics.note : 0) <= budget;

  const nothingToday = days.some((day) => day.isToday && day.entries.length === 0);
  for (const day of days) {
    const headingHeight = metrics.heading + (day.isToday && nothingToday ? metrics.note : 0);
    if (!day.isToday) {
      const first = day.entries[0];
      if (!first || !fits(headingHeight + entryHeight(first, metrics), 1)) break;
    }
    used += headingHeight;
    const kept: AgendaEntry[] = [];
    for (const entry of day.entries) {
      if (!fits(entryHeight(entry, metrics), 1)) break;
      used += entryHeight(entry, metrics);
      shown += 1;
      kept.push(entry);
    }
    fitted.push({ ...day, entries: kept });
    if (kept.length < day.entries.length) break;
  }
  return { days: fitted, nothingToday, hiddenCount: total - shown };
}

export function entryHeight(entry: AgendaEntry, metrics: AgendaMetrics): number {
  return entry.location || entry.until ? metrics.entryWithDetail : metrics.entry;
}

function toSpan(event: CalendarOccurrence, clock: Clock): Span {
  if (event.allDay) {
    const firstDay = allDayKey(event.start, clock);
    // The end of an all-day event is exclusive: the day after its last day.
    const lastDay = addDays(allDayKey(event.end, clock), -1);
    return { event, firstDay, lastDay: lastDay < firstDay ? firstDay : lastDay };
  }
  const lastInstant = new Date(Math.max(event.start.getTime(), event.end.getTime() - 1));
  return { event, firstDay: dayKey(event.start, clock), lastDay: dayKey(lastInstant, clock) };
}

function byStart(a: Span, b: Span): number {
  if (a.firstDay !== b.firstDay) return a.firstDay < b.firstDay ? -1 : 1;
  if (a.event.allDay !== b.event.allDay) return a.event.allDay ? -1 : 1;
  return a.event.start.getTime() - b.event.start.getTime() || a.event.summary.localeCompare(b.event.summary);
}

function toEntry(span: Span, listedOn: string, today: string, clock: Clock): AgendaEntry {
  const { event } = span;
  const runsOn = span.lastDay > listedOn;
  const endsOn = dayName(span.lastDay, today, clock);
  const untilEnd = `until ${endsOn ?? shortDate(span.lastDay, clock, false)}`;
  let slot: string;
  let until: string | undefined;
  if (event.allDay) {
    // The time column is narrow: "until Thu" fits it, "until 19 Dec" goes on the second line.
    const fitsSlot = runsOn && endsOn !== undefined;
    slot = fitsSlot ? untilEnd : 'All day';
    until = runsOn && !fitsSlot ? untilEnd : undefined;
  } else if (span.firstDay < listedOn) {
    slot = 'Now';
    until = runsOn ? untilEnd : `until ${timeOfDay(event.end, clock)}`;
  } else {
    slot = timeOfDay(event.start, clock);
    until = runsOn ? untilEnd : undefined;
  }
  return {
    uid: event.uid,
    title: drawableText(event.summary) || '(no title)',
    location: event.location?.trim() || undefined,
    slot,
    until,
    calendarColor: event.calendarColor,
  };
}

/** "Thu" for a day within the coming week, else undefined. */
function dayName(key: string, today: string, clock: Clock): string | undefined {
  return daysBetween(today, key) < 7 ? shortWeekday(key, clock) : undefined;
}

function dayHeading(key: string, today: string, clock: Clock): string {
  return daysBetween(today, key) === 1 ? 'Tomorrow' : shortDate(key, clock);
}
