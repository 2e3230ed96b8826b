import type { StoreContext } from '../core/app-context.ts';
import type { DashboardData } from '../dashboard/types.ts';
import { addDays, localDate, startOfLocalDay } from '../calendar/zoned-time.ts';
import { readWeatherConfig } from '../weather/config.ts';

/** Today and the next days: what the dashboard's agenda covers. */
export const DASHBOARD_DAYS = 7;

/**
 * Everything a dashboard render needs, from stored data only (a render never waits on the
 * network): the weather of the configured location from today on, calendar occurrences from the
 * start of today (in the display's zone) for DASHBOARD_DAYS days, and the last hour of stats.
 */
export async function loadDashboardData(app: StoreContext, timeZone: string, now: Date): Promise<DashboardData> {
  const today = localDate(now, timeZone);
  const [config, stats, events] = await Promise.all([
    readWeatherConfig(app.settings),
    app.stats.systemStatus(now),
    app.calendars.occurrences({ from: startOfLocalDay(today, timeZone), to: startOfLocalDay(addDays(today, DASHBOARD_DAYS), timeZone) }),
  ]);
  const stored = await app.weather.forLocation(config.location);
  const weather = stored && {
    locationName: stored.locationName,
    fetchedAt: stored.fetchedAt,
    current: stored.current,
    days: stored.days.filter((day) => day.date >= localDate(now, stored.timeZone ?? timeZone)),
  };
  return {
    now,
    timeZone,
    weather,
    events: events.map(({ uid, calendarName, calendarColor, summary, location, start, end, allDay }) => ({
      uid, calendarName, calendarColor, summary, ...(location ? { location } : {}), start, end, allDay,
    })),
    stats,
  };
}
