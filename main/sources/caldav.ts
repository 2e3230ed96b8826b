import type ICAL from 'ical.js';
import type { createDAVClient, DAVCalendar } from 'tsdav';
import { z } from 'zod';
import type { Expansion } from '../calendar/expand.ts';
import { SourceError } from './source-http.ts';
import { sortedTodos, type TodoItem, type TodoList } from './todos.ts';

/**
 * CalDAV lists and calendars (Nextcloud, Radicale, iCloud, Fastmail, Baïkal) through tsdav, which
 * discovers the principal and home set and speaks REPORT. Events go through the same ICS reader as
 * calendar feeds (expand.ts), so zones and recurrences read the same way.
 */
export const caldavSettings = z.strictObject({
  server_url: z.url({ protocol: /^https?$/ }).describe('e.g. https://cloud.example.org/remote.php/dav'),
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(500).describe('an app password where the server offers them'),
  /** Display names or URLs of the calendars or lists to read; empty = all that hold the wanted component. */
  calendars: z.array(z.string().min(1).max(500)).max(50).default([]),
  max_items: z.number().int().min(1).max(100).default(20),
});

export type CaldavSettings = z.infer<typeof caldavSettings>;

type Client = Awaited<ReturnType<typeof createDAVClient>>;

// The CalDAV client, the iCalendar parser and the feed expander are loaded with the first CalDAV
// read: most servers never make one, and V8 keeps a loaded module's source for good.
async function connect(settings: CaldavSettings): Promise<Client> {
  const { createDAVClient } = await import('tsdav');
  try {
    return await createDAVClient({ serverUrl: settings.server_url, credentials: { username: settings.username, password: settings.password }, authMethod: 'Basic', defaultAccountType: 'caldav' });
  } catch (err) {
    throw new SourceError(`could not sign in to the CalDAV server at ${new URL(settings.server_url).host}: ${davProblem(err)}`);
  }
}

async function chosenCalendars(client: Client, settings: CaldavSettings, component: 'VTODO' | 'VEVENT'): Promise<DAVCalendar[]> {
  const all = await client.fetchCalendars();
  const holding = all.filter((c) => !c.components || c.components.includes(component));
  if (settings.calendars.length === 0) return holding;
  const chosen = holding.filter((c) => settings.calendars.some((name) => name === nameOf(c) || name === c.url));
  const missing = settings.calendars.filter((name) => !chosen.some((c) => name === nameOf(c) || name === c.url));
  if (missing.length > 0) throw new SourceError(`no ${component === 'VTODO' ? 'task list' : 'calendar'} named ${missing.map((m) => `"${m}"`).join(', ')} on the server (it has ${holding.map((c) => `"${nameOf(c)}"`).sort().join(', ') || 'none'})`);
  return chosen;
}

/** Open to-dos of the chosen lists; completed and cancelled ones are left out. */
export async function fetchCaldavTodos(settings: CaldavSettings): Promise<TodoList> {
  const client = await connect(settings);
  const items: TodoItem[] = [];
  try {
    const { default: ical } = await import('ical.js');
    for (const calendar of await chosenCalendars(client, settings, 'VTODO')) {
      const objects = await client.fetchCalendarObjects({ calendar, filters: componentFilter('VTODO') });
      for (const object of objects) items.push(...openTodos(ical, String(object.data ?? ''), nameOf(calendar)));
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(`the CalDAV server at ${new URL(settings.server_url).host} could not list the to-dos: ${davProblem(err)}`);
  }
  return sortedTodos(items, settings.max_items);
}

/** The events of the chosen calendars overlapping the window, expanded in `timeZone` like ICS feeds. */
export async function fetchCaldavEvents(settings: CaldavSettings, window: { from: Date; to: Date }, timeZone: string): Promise<Expansion> {
  const client = await connect(settings);
  const texts: string[] = [];
  try {
    for (const calendar of await chosenCalendars(client, settings, 'VEVENT')) {
      const objects = await client.fetchCalendarObjects({ calendar, timeRange: { start: window.from.toISOString(), end: window.to.toISOString() } });
      texts.push(...objects.map((o) => String(o.data ?? '')).filter((t) => t.includes('BEGIN:VCALENDAR')));
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(`the CalDAV server at ${new URL(settings.server_url).host} could not list the events: ${davProblem(err)}`);
  }
  if (texts.length === 0) return { occurrences: [], skipped: [], notes: [] };
  // One object per event; the feed reader takes calendars one after another as one.
  const { expandIcs } = await import('../calendar/expand.ts');
  return expandIcs(texts.join('\r\n'), window, timeZone);
}

function openTodos(ical: typeof ICAL, ics: string, list: string): TodoItem[] {
  let calendar: ICAL.Component;
  try {
    calendar = new ical.Component(ical.parse(ics));
  } catch {
    return [];
  }
  return calendar.getAllSubcomponents('vtodo').flatMap((todo): TodoItem[] => {
    const status = String(todo.getFirstPropertyValue('status') ?? '').toUpperCase();
    if (status === 'COMPLETED' || status === 'CANCELLED' || todo.getFirstPropertyValue('completed')) return [];
    if (todo.getFirstPropertyValue('recurrence-id')) return []; // an instance's own state: the series item stands for it
    const due = todo.getFirstPropertyValue('due');
    return [{
      title: String(todo.getFirstPropertyValue('summary') ?? '').trim() || '(untitled)',
      due: due instanceof ical.Time ? (due.isDate ? due.toString() : due.toJSDate().toISOString()) : null,
      priority: priorityOf(Number(todo.getFirstPropertyValue('priority') ?? 0)),
      list,
    }];
  });
}

/** RFC 5545 PRIORITY: 1–4 high, 5 medium, 6–9 low, 0 undefined. */
function priorityOf(value: number): TodoItem['priority'] {
  if (value >= 1 && value <= 4) return 1;
  if (value === 5) return 2;
  if (value >= 6 && value <= 9) return 3;
  return 4;
}

function componentFilter(component: string) {
  return { 'comp-filter': { _attributes: { name: 'VCALENDAR' }, 'comp-filter': { _attributes: { name: component } } } };
}

function nameOf(calendar: DAVCalendar): string {
  const name = calendar.displayName;
  return typeof name === 'string' && name ? name : decodeURIComponent(calendar.url.replace(/\/$/, '').split('/').pop() ?? calendar.url);
}

function davProblem(err: unknown): string {
  const message = (err as Error).message ?? String(err);
  if (/401|Unauthorized|invalid credentials/i.test(message)) return 'the user name or password was refused';
  const code = (err as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused (ECONNREFUSED)';
  return message;
}
