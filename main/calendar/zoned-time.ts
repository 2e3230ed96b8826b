/**
 * Wall-clock arithmetic in IANA time zones with Intl only (no date library): converting between
 * instants and a zone's local date/time, and formatting instants as ISO 8601 with their offset.
 */

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone this machine is set to. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** Minutes the zone is ahead of UTC at that instant. */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const wall = wallTimeAt(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time has in a zone. A time that occurs twice (fall-back) gives the
 * first occurrence; a time inside a spring-forward gap is moved forward by the gap.
 */
export function instantOfWallTime(wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsets = new Set([offsetMinutesAt(new Date(asUtc - 86_400_000), timeZone), offsetMinutesAt(new Date(asUtc + 86_400_000), timeZone)]);
  const matches = [...offsets]
    .map((offset) => asUtc - offset * 60_000)
    .filter((candidate) => offsetMinutesAt(new Date(candidate), timeZone) * 60_000 === asUtc - candidate)
    .sort((a, b) => a - b);
  if (matches.length > 0) return new Date(matches[0]);
  return new Date(asUtc - Math.min(...offsets) * 60_000);
}

/** YYYY-MM-DD of the instant in the zone. */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallTimeAt(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Midnight at the start of a YYYY-MM-DD day in the zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return instantOfWallTime({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** e.g. 2025-10-27T09:30:00+01:00 */
export function formatInZone(instant: Date, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  const offset = offsetMinutesAt(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${localDate(instant, timeZone)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Parses `YYYY-MM-DDTHH:MM[:SS]` (no offset) as a wall-clock time. */
export function parseWallTime(text: string): WallTime | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((v) => Number(v ?? 0));
  return { year, month, day, hour, minute, second };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
