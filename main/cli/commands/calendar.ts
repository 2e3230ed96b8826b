import { shownCalendarUrl } from '../../calendar/caldav-url.ts';
import { formatInZone, systemTimeZone } from '../../calendar/zoned-time.ts';
import { ValidationError } from '../../core/errors.ts';
import type { AppContext } from '../../core/app-context.ts';
import { CliError, printListing } from '../output.ts';

/**
 * `inkstand events`: the stored occurrences, start/end as ISO 8601 with the offset of `timeZone`
 * (default: this machine's zone), so each is an absolute instant.
 */
export async function eventsCommand(app: AppContext, options: { json?: boolean; timeZone?: string }, out: NodeJS.WritableStream): Promise<void> {
  const zone = options.timeZone ?? systemTimeZone();
  const rows = (await app.calendars.occurrences({ includeDisabled: true })).map((o) => ({
    calendar: o.calendarName,
    summary: o.summary,
    start: formatInZone(o.start, zone),
    end: formatInZone(o.end, zone),
    allDay: o.allDay,
    location: o.location ?? null,
    uid: o.uid,
    recurrenceId: o.recurrenceId,
    color: o.calendarColor,
  }));
  printListing(rows, Boolean(options.json), ['start', 'end', 'allDay', 'calendar', 'summary'], out);
}

/** `inkstand calendars add NAME URL [--color #rrggbb]` */
export async function calendarsAddCommand(app: AppContext, name: string, url: string, options: { color?: string }, out: NodeJS.WritableStream): Promise<void> {
  try {
    const calendar = await app.calendars.add({ name, url, color: options.color }, app.now());
    out.write(`calendar "${calendar.name}" added (${calendar.color}); its events arrive with the next get_calendar run (\`inkstand job get_calendar\`)\n`);
  } catch (err) {
    if (err instanceof ValidationError) throw new CliError(err.message);
    throw err;
  }
}

/** `inkstand calendars`: name, URL, colour, enabled, last fetch and error, and what the last download skipped (the events, with --json). */
export async function calendarsListCommand(app: AppContext, options: { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const calendars = await app.calendars.list();
  const common = (c: (typeof calendars)[number]) => ({
    name: c.name, url: shownCalendarUrl(c.url), color: c.color, enabled: Boolean(c.enabled), lastFetchedAt: c.lastFetchedAt?.toISOString() ?? null, lastError: c.lastError,
  });
  if (options.json) {
    printListing(calendars.map((c) => ({ ...common(c), skipped: c.lastSkipped ?? [], notes: c.lastNotes ?? [] })), true, [], out);
    return;
  }
  const rows = calendars.map((c) => ({ ...common(c), skipped: c.lastSkipped?.length ?? 0 }));
  printListing(rows, false, ['name', 'color', 'enabled', 'lastFetchedAt', 'skipped', 'lastError', 'url'], out);
}

/** `inkstand calendars remove NAME`: the calendar and its stored events. */
export async function calendarsRemoveCommand(app: AppContext, name: string, out: NodeJS.WritableStream): Promise<void> {
  if (!(await app.calendars.removeByName(name))) throw new CliError(`no calendar called "${name}"; see \`inkstand calendars\``);
  out.write(`calendar "${name}" removed with its events\n`);
}
