const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Weather older than this is labelled with its age. */
export const WEATHER_STALE_AFTER_MS = 2 * HOUR;

/** "25 min", "3 h", "2 days": how long before `now` something happened, rounded down. */
export function formatAge(then: Date, now: Date): string {
  const ms = Math.max(0, now.getTime() - then.getTime());
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < 48 * HOUR) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / (24 * HOUR))} days`;
}

/** "weather from 3 h ago" once the weather is older than two hours, else null. */
export function weatherAgeLabel(fetchedAt: Date, now: Date): string | null {
  return now.getTime() - fetchedAt.getTime() > WEATHER_STALE_AFTER_MS ? `weather from ${formatAge(fetchedAt, now)} ago` : null;
}

