/** Dates and times as seen on the display's wall clock (its IANA time zone). */
export interface Clock {
  timeZone: string;
  locale: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options, kept: building an Intl.DateTimeFormat costs far more
 * than formatting with it, and a dashboard formats a few hundred dates.
 */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** YYYY-MM-DD of an instant in the clock's time zone. */
export function dayKey(instant: Date, clock: Clock): string {
  const parts = formatter('en-CA', {
    timeZone: clock.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The calendar date of an all-day event boundary. Calendar importers store these either as
 * UTC midnight or as midnight in the display's zone; a UTC-midnight instant is read as a UTC
 * date, anything else in the display's zone. The two readings agree where they overlap.
 */
export function allDayKey(instant: Date, clock: Clock): string {
  const isUtcMidnight = instant.getTime() % 86_400_000 === 0;
  return isUtcMidnight ? instant.toISOString().slice(0, 10) : dayKey(instant, clock);
}

export function addDays(key: string, days: number): string {
  const date = new Date(`${key}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(fromKey: string, toKey: string): number {
  return Math.round((Date.parse(`${toKey}T00:00:00Z`) - Date.parse(`${fromKey}T00:00:00Z`)) / 86_400_000);
}

/** "14:05" (or "2:05 PM" where the locale says so). */
export function timeOfDay(instant: Date, clock: Clock): string {
  const twelveHour = formatter(clock.locale, { hour: 'numeric' }).resolvedOptions().hour12;
  return formatter(clock.locale, {
    timeZone: clock.timeZone,
    // 24-hour clocks read best with a leading zero ("09:30" lines up under "14:05").
    hour: twelveHour ? 'numeric' : '2-digit',
    minute: '2-digit',
  }).format(instant);
}

/** "Tuesday 24 November" */
export function longDate(instant: Date, clock: Clock): string {
  return formatter(clock.locale, {
    timeZone: clock.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(instant);
}

// Day keys are formatted in UTC: they already are calendar dates.
/** "Wed" */
export function shortWeekday(key: string, clock: Clock): string {
  return formatter(clock.locale, { timeZone: 'UTC', weekday: 'short' }).format(new Date(`${key}T12:00:00Z`));
}

/** "Wed 25 Nov" */
export function shortDate(key: string, clock: Clock, withWeekday = true): string {
  return formatter(clock.locale, {
    timeZone: 'UTC',
    weekday: withWeekday ? 'short' : undefined,
    day: 'numeric',
    month: 'short',
  }).format(new Date(`${key}T12:00:00Z`));
}
