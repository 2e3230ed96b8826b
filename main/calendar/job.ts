import { z } from 'zod';
import type { JobKind } from '../jobs/types.ts';
import { fetchText } from '../jobs/http.ts';
import type { Calendar } from '../storage/entities/calendar.ts';
import { feedUrl, listCalendars } from './calendars.ts';
import { recordCalendarError, replaceOccurrences } from './occurrences.ts';
import { addDays, localDate, startOfLocalDay, systemTimeZone } from './zoned-time.ts';

const params = z.strictObject({
  days_ahead: z.number().int().min(1).max(366).default(14),
  timeout_s: z.number().int().min(1).max(300).default(30),
});

type Params = z.infer<typeof params>;

const MAX_ICS_BYTES = 20_000_000;

export const getCalendarJob: JobKind<Params> = {
  kind: 'get_calendar',
  description: "Fetches every enabled calendar's ICS feed and stores its events from today through `days_ahead` days",
  params,
  defaultJob: { name: 'get_calendar', cron: '*/30 * * * *', enabled: true },
  async run({ app, params, log, signal, progress, timeZone = systemTimeZone() }) {
    const calendars = await listCalendars(app.db, { enabledOnly: true });
    if (calendars.length === 0) return { status: 'skipped', summary: 'no calendars: add one with `inkstand calendars add NAME URL` or in the Dashboard view' };
    const today = localDate(app.now(), timeZone);
    const window = { from: startOfLocalDay(today, timeZone), to: startOfLocalDay(addDays(today, params.days_ahead), timeZone) };
    log.info(`reading ${calendars.length} calendar(s) for ${today} + ${params.days_ahead} days in ${timeZone}`);
    const failures: string[] = [];
    let stored = 0;
    for (const [index, calendar] of calendars.entries()) {
      try {
        stored += await updateCalendar(calendar, window, { app, params, log, signal, timeZone });
      } catch (err) {
        if (signal.aborted) throw err;
        const message = (err as Error).message;
        failures.push(`${calendar.name}: ${message}`);
        log.error(`calendar "${calendar.name}" not updated, its previous events stay: ${message}`);
        await recordCalendarError(app.db, calendar.id, message);
      }
      progress(index + 1, calendars.length);
    }
    if (failures.length < calendars.length) app.events.emit('content-changed', { kind: 'calendar' });
    if (failures.length > 0) throw new Error(`${failures.length} of ${calendars.length} calendars failed: ${failures.join('; ')}`);
    return { summary: `${stored} events in the next ${params.days_ahead} days from ${calendars.length} calendar(s)` };
  },
};

async function updateCalendar(
  calendar: Calendar,
  window: { from: Date; to: Date },
  { app, params, log, signal, timeZone }: Pick<Parameters<JobKind<Params>['run']>[0], 'app' | 'params' | 'log' | 'signal'> & { timeZone: string },
): Promise<number> {
  const url = feedUrl(calendar.url);
  const host = new URL(url).host;
  const response = await fetchText(url, {
    timeoutMs: params.timeout_s * 1000, maxBytes: MAX_ICS_BYTES, signal, label: `the feed of "${calendar.name}" at ${host}`, headers: { accept: 'text/calendar, */*;q=0.5' },
  });
  if (response.status !== 200) throw new Error(`${host} answered HTTP ${response.status}`);
  // The ICS parser is large; an idle server that has no calendars never loads it.
  const { expandIcs } = await import('./expand.ts');
  const { occurrences, problems } = await expandIcs(response.text, window, timeZone);
  for (const problem of problems) log.warn(`${calendar.name}: ${problem}`);
  await replaceOccurrences(app.db, calendar.id, occurrences, app.now());
  log.info(`${calendar.name}: ${occurrences.length} events stored`);
  return occurrences.length;
}
