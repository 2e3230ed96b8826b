import { z } from 'zod';
import type { AppContext } from '../core/app-context.ts';

/** What every built-in's data loader gets: the render's clock, the display's zone and the app's locale. */
export interface LoadContext {
  now: Date;
  timeZone: string;
  locale: string;
  signal?: AbortSignal;
  /** The app's stored data, for screens drawn from it (weather, calendars). */
  app?: Pick<AppContext, 'weather' | 'settings' | 'calendars'>;
}

const format = (context: LoadContext, options: Intl.DateTimeFormatOptions) => formatInstant(context.now, context, options);

/** An instant as the display's wall clock shows it (its zone, the app's locale). */
export function formatInstant(instant: Date | string, context: Pick<LoadContext, 'locale' | 'timeZone'>, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(context.locale, { timeZone: context.timeZone, ...options }).format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The wall-clock date (YYYY-MM-DD) of an instant in a zone. */
export function localDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export const clockSettings = z.strictObject({ hour_cycle: z.enum(['h23', 'h12']).default('h23') });

export function clockData(settings: z.infer<typeof clockSettings>, context: LoadContext) {
  return {
    time: format(context, { hour: '2-digit', minute: '2-digit', hourCycle: settings.hour_cycle }),
    weekday: format(context, { weekday: 'long' }),
    date: format(context, { day: 'numeric', month: 'long', year: 'numeric' }),
    zone: context.timeZone,
  };
}

export const countdownSettings = z.strictObject({
  label: z.string().trim().min(1).max(120),
  /** A day (YYYY-MM-DD, counted in whole days in the display's zone). */
  date: z.iso.date(),
});

/** Days to (or since) a day: "12 days to go", "3 days ago", "Today". */
export function countdownData(settings: z.infer<typeof countdownSettings>, context: LoadContext) {
  const days = Math.round((Date.parse(settings.date) - Date.parse(localDay(context.now, context.timeZone))) / 86_400_000);
  const date = new Intl.DateTimeFormat(context.locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(settings.date));
  if (days === 0) return { number: 'Today', unit: '', direction: '', label: settings.label, date };
  const count = Math.abs(days);
  return { number: String(count), unit: count === 1 ? 'day' : 'days', direction: days > 0 ? 'to go' : 'ago', label: settings.label, date };
}

export const progressSettings = z.strictObject({});

/** How far through the year, the month and the day the display's clock is. */
export function progressData(_settings: unknown, context: LoadContext) {
  const [year, month, day] = localDay(context.now, context.timeZone).split('-').map(Number);
  const wall = wallMs(context.now, context.timeZone);
  const share = (from: number, to: number) => Math.min(100, Math.max(0, Math.floor(((wall - from) / (to - from)) * 100)));
  const yearStart = Date.UTC(year, 0, 1);
  const monthStart = Date.UTC(year, month - 1, 1);
  const dayStart = Date.UTC(year, month - 1, day);
  const monthName = new Intl.DateTimeFormat(context.locale, { month: 'long', timeZone: 'UTC' }).format(new Date(monthStart));
  const daysInYear = (Date.UTC(year + 1, 0, 1) - yearStart) / 86_400_000;
  const dayOfYear = (dayStart - yearStart) / 86_400_000 + 1;
  return {
    today: format(context, { day: 'numeric', month: 'long', year: 'numeric' }),
    bars: [
      { label: String(year), percent: share(yearStart, Date.UTC(year + 1, 0, 1)), detail: `day ${dayOfYear} of ${daysInYear}` },
      { label: monthName, percent: share(monthStart, Date.UTC(year, month, 1)), detail: `day ${day} of ${(Date.UTC(year, month, 1) - monthStart) / 86_400_000}` },
      { label: 'Today', percent: share(dayStart, dayStart + 86_400_000), detail: format(context, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) },
    ],
  };
}

/** The instant's wall time in the zone, as if it were UTC milliseconds. */
function wallMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    .formatToParts(instant).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}
