import type { CalendarStore } from '../calendar/calendar-store.ts';
import { shownCalendarUrl } from '../calendar/caldav-url.ts';
import { parseInput } from '../core/errors.ts';
import type { PanelImageRequests } from '../display-content/panel-image-requests.ts';
import type { DisplayStore } from '../displays/display-store.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Calendar } from '../storage/entities/calendar.ts';
import { readWeatherConfig } from '../weather/config.ts';
import type { WeatherStore } from '../weather/store.ts';
import type { AdminApi, CalendarDto } from '../../contract/admin.ts';
import { recordIdSchema } from '../../contract/display-schemas.ts';
import { imageDto } from './image-dto.ts';

export interface DashboardOperationsDeps {
  calendars: CalendarStore;
  weather: Pick<WeatherStore, 'forLocation'>;
  settings: SettingsStore;
  displays: Pick<DisplayStore, 'get'>;
  panelImageRequests: Pick<PanelImageRequests, 'dashboard'>;
  now(): Date;
}

type DashboardOperations = Pick<AdminApi,
  'weather.current' | 'calendars.list' | 'calendars.add' | 'calendars.update' | 'calendars.remove' | 'dashboard.preview'>;

/** Weather, calendars and the dashboard preview, for the Dashboard view. */
export function dashboardOperations(deps: DashboardOperationsDeps): DashboardOperations {
  const { calendars } = deps;
  const calendarId = (raw: unknown) => parseInput(recordIdSchema, raw, 'id');
  const calendarDto = async (c: Calendar): Promise<CalendarDto> => ({
    id: c.id, name: c.name, url: shownCalendarUrl(c.url), color: c.color, enabled: Boolean(c.enabled),
    lastFetchedAt: c.lastFetchedAt?.toISOString() ?? null, lastError: c.lastError,
    skipped: c.lastSkipped ?? [], notes: c.lastNotes ?? [], upcomingEvents: await calendars.upcomingCount(c.id, deps.now()),
  });

  return {
    async 'weather.current'() {
      const { location } = await readWeatherConfig(deps.settings);
      const weather = await deps.weather.forLocation(location);
      if (!weather) return null;
      return {
        locationName: weather.locationName,
        fetchedAt: weather.fetchedAt.toISOString(),
        temperatureC: weather.current?.temperatureC ?? null,
        weatherCode: weather.current?.weatherCode ?? null,
        days: weather.days.map((d) => ({ date: d.date, minC: d.minC, maxC: d.maxC, weatherCode: d.weatherCode, precipitationProbabilityPct: d.precipitationProbabilityPct ?? null })),
      };
    },
    async 'calendars.list'() {
      return Promise.all((await calendars.list()).map(calendarDto));
    },
    async 'calendars.add'(args) {
      return calendarDto(await calendars.add(args, deps.now()));
    },
    async 'calendars.update'({ id: raw, ...patch }) {
      return calendarDto(await calendars.update(calendarId(raw), patch));
    },
    async 'calendars.remove'({ id: raw }) {
      const calendar = await calendars.get(calendarId(raw));
      await calendars.removeByName(calendar.name);
      return { deleted: true };
    },
    async 'dashboard.preview'({ displayId }) {
      const display = await deps.displays.get(parseInput(recordIdSchema, displayId, 'displayId'));
      const request = await deps.panelImageRequests.dashboard(display, deps.now());
      return imageDto('image/png', await request.produce());
    },
  };
}
