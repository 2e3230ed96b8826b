import { z } from 'zod';
import type { JobKind, JobLogger } from '../jobs/types.ts';
import { fetchText } from '../jobs/http.ts';
import type { Calendar } from '../storage/entities/calendar.ts';
import { fetchCaldavEvents } from '../sources/caldav.ts';
import { caldavOfUrl } from './caldav-url.ts';
import { feedUrl } from './calendars.ts';
import type { Expansion } from './expand.ts';
import { addDays, formatInZone, localDate, startOfLocalDay, systemTimeZone } from './zoned-time.ts';

const params = z.strictObject({
  days_ahead: z.number().int().min(1).max(366).default(14),
  timeout_s: z.number().int().min(1).max(300).default(30),
});

type Params = z.infer<typeof params>;

const MAX_ICS_BYTES = 20_000_000;
/** Events named one by one in the log; the rest are counted. */
const LOGGED_PER_KIND = 20;

export const getCalendarJob: JobKind<Params> = {
  kind: 'get_calendar',
  description: "Fetches every enabled calendar (ICS feed or CalDAV) and stores its events from today through `days_ahead` days",
  params,
  defaultJob: { name: 'get_calendar', cron: '*/30 * * * *', enabled: true },
  async run({ app, params, log, signal, progress, timeZone = systemTimeZone() }) {
    const calendars = await app.calendars.list({ enabledOnly: true });
    if (calendars.length === 0) return { status: 'skipped', summary: 'no calendars: add one with `inkstand calendars add NAME URL` or in the Dashboard view' };
    const today = localDate(app.now(), timeZone);
    const window = { from: startOfLocalDay(today, timeZone), to: startOfLocalDay(addDays(today, params.days_ahead), timeZone) };
    log.info(`reading ${calendars.length} calendar(s) for ${today} + ${params.days_ahead} days in ${timeZone}`);
    const failures: string[] = [];
    let stored = 0;
    let skipped = 0;
    for (const [index, calendar] of calendars.entries()) {
      try {
        const result = await updateCalendar(calendar, window, { app, params, log, signal, timeZone });
        stored += result.stored;
        skipped += result.skipped;
      } catch (err) {
        if (signal.aborted) throw err;
        const message = `${(err as Error).message} — ${keptSince(calendar, timeZone)}`;
        failures.push(`${calendar.name}: ${message}`);
        log.error(`calendar "${calendar.name}" not updated: ${message}`);
        await app.calendars.recordError(calendar.id, message);
      }
      progress(index + 1, calendars.length);
    }
    if (failures.length > 0) throw new Error(`${failures.length} of ${calendars.length} calendars failed: ${failures.join('; ')}`);
    const left = skipped > 0 ? `, ${skipped} unreadable event(s) skipped (see the log)` : '';
    return { summary: `${stored} events in the next ${params.days_ahead} days from ${calendars.length} calendar(s)${left}` };
  },
};

type RunContext = Pick<Parameters<JobKind<Params>['run']>[0], 'app' | 'params' | 'log' | 'signal'> & { timeZone: string };

/** Fetches and reads one feed; only a complete, readable feed replaces the stored events (anything else throws). */
async function updateCalendar(calendar: Calendar, window: { from: Date; to: Date }, { app, params, log, signal, timeZone }: RunContext): Promise<{ stored: number; skipped: number }> {
  const caldav = caldavOfUrl(calendar.url);
  // A CalDAV server answers object by object (REPORT), so there is no truncated download to guard against.
  const expansion = caldav ? await fetchCaldavEvents(caldav, window, timeZone) : await readIcsFeed(calendar, window, { params, signal, timeZone });
  logEach(log, 'warn', calendar.name, expansion.skipped);
  logEach(log, 'info', calendar.name, expansion.notes);
  const warning = expansion.incomplete && `${expansion.incomplete}; its complete events are shown, since none were stored before`;
  if (warning) log.warn(`${calendar.name}: ${warning}`);
  await app.calendars.replaceOccurrences(calendar.id, expansion.occurrences, app.now(), { ...expansion, warning });
  const skipped = expansion.skipped.length > 0 ? ` (${expansion.skipped.length} unreadable event(s) skipped)` : '';
  log.info(`${calendar.name}: ${expansion.occurrences.length} events stored${skipped}`);
  return { stored: expansion.occurrences.length, skipped: expansion.skipped.length };
}

async function readIcsFeed(calendar: Calendar, window: { from: Date; to: Date }, { params, signal, timeZone }: Pick<RunContext, 'params' | 'signal' | 'timeZone'>): Promise<Expansion> {
  const url = feedUrl(calendar.url);
  const host = new URL(url).host;
  const response = await fetchText(url, {
    timeoutMs: params.timeout_s * 1000, maxBytes: MAX_ICS_BYTES, signal, label: `the feed of "${calendar.name}" at ${host}`, headers: { accept: 'text/calendar, */*;q=0.5' },
  });
  if (response.status !== 200) throw new Error(httpProblem(host, response.status));
  // The ICS reader is large; an idle server that has no calendars never loads it.
  const { expandIcs } = await import('./expand.ts');
  // A feed that may be incomplete is refused while older events are stored; a first download keeps what is complete in it.
  return expandIcs(response.text, window, timeZone, { acceptIncomplete: !calendar.lastFetchedAt });
}

function logEach(log: JobLogger, level: 'warn' | 'info', calendarName: string, messages: string[]): void {
  for (const message of messages.slice(0, LOGGED_PER_KIND)) log[level](`${calendarName}: ${message}`);
  if (messages.length > LOGGED_PER_KIND) log[level](`${calendarName}: … and ${messages.length - LOGGED_PER_KIND} more like these`);
}

function httpProblem(host: string, status: number): string {
  if (status === 404 || status === 410) return `${host} answered HTTP ${status}: the feed is not there (the calendar may have been deleted or its private link reset)`;
  if (status === 401 || status === 403) return `${host} answered HTTP ${status}: access refused (a private link that was reset, or a feed that needs signing in)`;
  return `${host} answered HTTP ${status}`;
}

/** "kept the events from 2025-10-15 10:00" — what the calendar shows instead, and since when. */
function keptSince(calendar: Calendar, timeZone: string): string {
  if (!calendar.lastFetchedAt) return 'no events stored yet';
  return `kept the events from ${formatInZone(calendar.lastFetchedAt, timeZone).slice(0, 16).replace('T', ' ')}`;
}
