import { z } from 'zod';
import type { Core } from '../core/create-core.ts';
import { ContentFrames } from '../screens/content.ts';
import { CalendarEntity, OccurrenceEntity, type Calendar } from '../storage/entities/calendar.ts';
import { DisplayEntity } from '../storage/entities/display.ts';
import { WeatherCurrentEntity, WeatherDayEntity } from '../storage/entities/weather.ts';
import type { AdminApi, CalendarDto } from './contract.ts';
import { NotFoundError, ValidationError } from './errors.ts';

const id = z.coerce.number().int().positive();
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #1e88e5');
const icsUrl = z.string().trim().url().refine((u) => /^(https?|webcal):\/\//i.test(u), 'an ICS feed URL starts with http://, https:// or webcal://');
const CALENDAR_COLOURS = ['#1e88e5', '#e53935', '#43a047', '#fb8c00', '#8e24aa', '#00897b'];

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
      lastFetchedAt: c.lastFetchedAt?.toISOString() ?? null, lastError: c.lastError, upcomingEvents,
    };
  };
  const calendarsChanged = () => core.app.events.emit('content-changed', { kind: 'calendar' });

  return {
    async 'weather.current'() {
      const current = await core.db.getRepository(WeatherCurrentEntity).findOne({ where: {}, order: { fetchedAt: 'DESC' } });
      if (!current) return null;
      const days = await core.db.getRepository(WeatherDayEntity).find({ where: { locationKey: current.locationKey }, order: { date: 'ASC' } });
      return {
        locationName: current.locationName,
        fetchedAt: current.fetchedAt.toISOString(),
        temperatureC: current.temperatureC,
        weatherCode: current.weatherCode,
        days: days.map((d) => ({ date: d.date, minC: d.minC, maxC: d.maxC, weatherCode: d.weatherCode, precipitationProbabilityPct: d.precipitationProbabilityPct })),
      };
    },
    async 'calendars.list'() {
      return Promise.all((await calendars.find({ order: { id: 'ASC' } })).map(calendarDto));
    },
    async 'calendars.add'(args) {
      const input = z.object({ name: z.string().trim().min(1).max(100), url: icsUrl, color: color.optional() }).parse(args);
      if (await calendars.existsBy({ name: input.name })) throw new ValidationError(`name: there is already a calendar called "${input.name}"`);
      const count = await calendars.count();
      const saved = await calendars.save({
        name: input.name, url: input.url, color: input.color ?? CALENDAR_COLOURS[count % CALENDAR_COLOURS.length],
        enabled: true, createdAt: core.app.now(), lastFetchedAt: null, lastError: null,
      });
      calendarsChanged();
      return calendarDto(saved as Calendar);
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
      await core.db.transaction(async (tx) => {
        await tx.getRepository(OccurrenceEntity).delete({ calendarId: calendar.id });
        await tx.getRepository(CalendarEntity).delete({ id: calendar.id });
      });
      calendarsChanged();
      return { deleted: true };
    },
    async 'dashboard.preview'({ displayId }) {
      const display = await core.db.getRepository(DisplayEntity).findOneBy({ id: id.parse(displayId) });
      if (!display) throw new NotFoundError(`no display with id ${displayId}`);
      const frame = await new ContentFrames(core.app, core.profiles).dashboard(display, core.app.now());
      return { pngBase64: (await frame.produce()).toString('base64') };
    },
  };
}
