import { z } from 'zod';
import { SourceError } from '../sources/source-http.ts';
import { formatInstant, localDay, type LoadContext } from './time-data.ts';

/**
 * "Agenda": the coming days' events of the calendars get_calendar keeps (ICS feeds and CalDAV
 * calendars alike), grouped by day in the display's zone. A render never waits on the network.
 */
export const agendaSettings = z.strictObject({
  days: z.number().int().min(1).max(31).default(7),
  /** Calendar names to show; empty = every enabled calendar. */
  calendars: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
});

const DAY_MS = 86_400_000;

export async function agendaData(settings: z.infer<typeof agendaSettings>, context: LoadContext) {
  if (!context.app) throw new SourceError('the agenda screen reads the stored calendars and needs the app');
  const known = (await context.app.calendars.list()).map((c) => c.name);
  const missing = settings.calendars.filter((name) => !known.includes(name));
  if (missing.length > 0) throw new SourceError(`no calendar named ${missing.map((m) => `"${m}"`).join(', ')} (there are ${known.map((k) => `"${k}"`).join(', ') || 'none: add one under Dashboard'})`);
  const to = new Date(context.now.getTime() + settings.days * DAY_MS);
  const occurrences = (await context.app.calendars.occurrences({ from: context.now, to }))
    .filter((o) => settings.calendars.length === 0 || settings.calendars.includes(o.calendarName));
  const events = occurrences.map((o) => ({ start: o.start.toISOString(), all_day: o.allDay, summary: o.summary, calendar: o.calendarName }));
  return { events, count: occurrences.length, span: settings.days === 1 ? 'today' : `next ${settings.days} days` };
}

type StoredEvent = { start: string; all_day: boolean; summary: string; calendar: string };

/** When drawn: the events grouped by day and their times, in the display's zone. */
export function presentAgenda(data: { events?: StoredEvent[] }, context: LoadContext) {
  if (!Array.isArray(data.events)) return data;
  const today = localDay(context.now, context.timeZone);
  const days = new Map<string, { label: string; events: { time: string; summary: string; calendar: string }[] }>();
  for (const o of data.events) {
    const start = new Date(o.start);
    // An all-day event runs from its local midnight; one that began earlier shows under today.
    const day = [localDay(start, context.timeZone), today].sort()[1];
    if (!days.has(day)) days.set(day, { label: dayLabel(day, today, context.locale), events: [] });
    const time = o.all_day ? 'all day' : formatInstant(start, context, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    days.get(day)!.events.push({ time, summary: o.summary, calendar: o.calendar });
  }
  return { ...data, days: [...days.values()] };
}

function dayLabel(day: string, today: string, locale: string): string {
  const offset = Math.round((Date.parse(day) - Date.parse(today)) / DAY_MS);
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${day}T12:00:00Z`));
  return offset === 0 ? `Today · ${date}` : offset === 1 ? `Tomorrow · ${date}` : date;
}
