import { z } from 'zod';
import { addCalendar, listCalendars, removeCalendar } from '../calendar/calendars.ts';
import type { Core } from '../create-core.ts';
import { PanelImageRequests } from '../display-content/panel-image-requests.ts';
import { CalendarEntity, OccurrenceEntity, type Calendar } from '../storage/entities/calendar.ts';
import { DisplayEntity } from '../storage/entities/display.ts';
import { readWeatherConfig } from '../weather/config.ts';
import { loadWeatherFor } from '../weather/store.ts';
import type { AdminApi, CalendarDto } from '../../contract/admin.ts';
import { NotFoundError } from './errors.ts';

const id = z.coerce.number().int().positive();
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #1e88e5');

type DashboardOperations = Pick<AdminApi,
  'weather.current' | 'calendars.list' | 'calendars.add' | 'calendars.update' | 'calendars.remove' | 'dashboard.preview'>;

/** Weather, calendars and the dashboard preview, for the Dashboard view. */
export function dashboardOperations(core: Core): DashboardOperations {
  const calendars = core.db.getRepository(CalendarEntity);
  const occurrences = core.db.getRepository(OccurrenceEntity);

  const findCalendar = async (raw: unknown): Promise<Calendar> => {
    const calendarId = id.parse(raw);
    const calendar = await calendars.findOneBy({ id: calendarId });
    if (!calendar) throw new NotFoundError(`no calendar with id ${calendarId}`);
    return calendar;
  };
  const calendarDto = async (c: Calendar): Promise<CalendarDto> => {
    const upcomingEvents = await occurrences.createQueryBuilder('o')
      .where('o.calendarId = :calendarId AND o.endAt > :now', { calendarId: c.id, now: core.app.now() })
      .getCount();
    return {
      id: c.id, name: c.name, url: c.url, color: c.color, enabled: Boolean(c.enabled),
      lastFetchedAt: c.lastFetchedAt?.toISOString() ?? null, lastError: c.lastError,
      skipped: c.lastSkipped ?? [], notes: c.lastNotes ?? [], upcomingEvents,
    };
  };
  const calendarsChanged = () => core.app.events.emit('content-changed', { kind: 'calendar' });

  return {
    async 'weather.current'() {
      const { location } = await readWeatherConfig(core.app.settings);
      const weather = await loadWeatherFor(core.db, location);
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
      return Promise.all((await listCalendars(core.db)).map(calendarDto));
    },
    async 'calendars.add'(args) {
      const calendar = await addCalendar(core.db, args, core.app.now());
      calendarsChanged();
      return calendarDto(calendar);
    },
    async 'calendars.update'({ id: raw, ...patch }) {
      const calendar = await findCalendar(raw);
      const change = z.object({ enabled: z.boolean().optional(), color: color.optional(), name: z.string().trim().min(1).max(100).optional() }).strict().parse(patch);
      await calendars.update(calendar.id, change);
      calendarsChanged();
      return calendarDto(await calendars.findOneByOrFail({ id: calendar.id }));
    },
    async 'calendars.remove'({ id: raw }) {
      const calendar = await findCalendar(raw);
      await removeCalendar(core.db, calendar.name);
      calendarsChanged();
      return { deleted: true };
    },
    async 'dashboard.preview'({ displayId }) {
      const display = await core.db.getRepository(DisplayEntity).findOneBy({ id: id.parse(displayId) });
      if (!display) throw new NotFoundError(`no display with id ${displayId}`);
      const frame = await new PanelImageRequests(core.app, core.profiles).dashboard(display, core.app.now());
      return { pngBase64: (await frame.produce()).toString('base64') };
    },
  };
}
