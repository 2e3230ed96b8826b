/**
 * Times as Ruby's `date` filter sees them: an instant with the UTC offset it is shown in. A time
 * parsed from a string keeps the string's own offset (`…T10:00:00+05:00` stays at 10:00 +05:00);
 * epochs, "now" and strings without an offset are placed in the display's time zone.
 */
import { instantOfWallTime, offsetMinutesAt } from '../../calendar/zoned-time.ts';

export class RubyTime {
  constructor(
    readonly epochMs: number,
    readonly offsetMinutes: number,
    /** The zone's abbreviation for %Z ("UTC", "CET"), empty when only an offset is known. */
    readonly zoneName: string,
    /** A Ruby Date (days_ago): printed as 2025-01-31. */
    readonly dateOnly = false,
  ) {}

  /** Wall-clock fields in the time's own offset (read with getUTC…). */
  wall(): Date {
    return new Date(this.epochMs + this.offsetMinutes * 60_000);
  }
}

export interface TimeContext {
  timeZone: string;
  /** The render's clock (`--at` previews render as if it were another instant). */
  now: Date;
}

function shortZoneName(instant: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(instant).find((one) => one.type === 'timeZoneName')?.value ?? '';
}

/** %Z: the zone's abbreviation as tzinfo has it; Intl knows American ones in en-US, European ones in en-GB. */
function zoneAbbreviation(instant: Date, timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const american = shortZoneName(instant, timeZone, 'en-US');
  if (!american.startsWith('GMT')) return american;
  const european = shortZoneName(instant, timeZone, 'en-GB');
  return european.startsWith('GMT') && european !== 'GMT' ? american : european;
}

export function timeInZone(epochMs: number, timeZone: string): RubyTime {
  const instant = new Date(epochMs);
  return new RubyTime(epochMs, offsetMinutesAt(instant, timeZone), zoneAbbreviation(instant, timeZone));
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function offsetOf(text: string): number {
  if (/^(z|utc|gmt)$/i.test(text)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

function fromIso(match: RegExpExecArray, context: TimeContext): RubyTime {
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone] = match;
  const wall = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) };
  const milliseconds = Math.round(Number(`0.${fraction}`) * 1000);
  if (zone === undefined) {
    const instant = instantOfWallTime(wall, context.timeZone);
    return timeInZone(instant.getTime() + milliseconds, context.timeZone);
  }
  const offset = offsetOf(zone);
  const epochMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, milliseconds) - offset * 60_000;
  return new RubyTime(epochMs, offset, offset === 0 && /^(z|utc|gmt)$/i.test(zone) ? 'UTC' : '');
}

/** Other written forms (RFC 2822 from feeds, "January 5, 2025 10:00"), through Date.parse. */
function fromFreeText(text: string, context: TimeContext): RubyTime | null {
  const zone = /\s(Z|UTC|GMT|[+-]\d{2}:?\d{2})$/i.exec(text);
  if (zone) {
    const epochMs = Date.parse(text);
    if (Number.isNaN(epochMs)) return null;
    const offset = offsetOf(zone[1]);
    return new RubyTime(epochMs, offset, offset === 0 && !/^[+-]/.test(zone[1]) ? 'UTC' : '');
  }
  const local = Date.parse(`${text} UTC`);
  if (Number.isNaN(local)) return null;
  const asUtc = new Date(local);
  const wall = { year: asUtc.getUTCFullYear(), month: asUtc.getUTCMonth() + 1, day: asUtc.getUTCDate(), hour: asUtc.getUTCHours(), minute: asUtc.getUTCMinutes(), second: asUtc.getUTCSeconds() };
  return timeInZone(instantOfWallTime(wall, context.timeZone).getTime(), context.timeZone);
}

/** Liquid's Utils.to_date: a time, an epoch (number or digits), "now"/"today", or a date string. */
export function toRubyTime(input: unknown, context: TimeContext): RubyTime | null {
  if (input instanceof RubyTime) return input;
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : timeInZone(input.getTime(), context.timeZone);
  const value = typeof input === 'object' && input !== null ? input.valueOf() : input;
  if (typeof value === 'number') return Number.isFinite(value) ? timeInZone(value * 1000, context.timeZone) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^(now|today)$/i.test(text)) return timeInZone(context.now.getTime(), context.timeZone);
  if (/^-?\d+(\.\d+)?$/.test(text)) return timeInZone(Number(text) * 1000, context.timeZone);
  const iso = ISO.exec(text);
  if (iso) return fromIso(iso, context);
  return fromFreeText(text, context);
}

function pad(value: number, width: number): string {
  return String(Math.abs(value)).padStart(width, '0');
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}${colon ? ':' : ''}${pad(Math.abs(minutes) % 60, 2)}`;
}

/** Ruby's Time#to_s ("2025-01-31 10:00:00 +0100") or Date#to_s ("2025-01-31"). */
export function rubyTimeText(time: RubyTime): string {
  const wall = time.wall();
  const date = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}`;
  if (time.dateOnly) return date;
  const clock = `${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}:${pad(wall.getUTCSeconds(), 2)}`;
  return `${date} ${clock} ${time.offsetMinutes === 0 && time.zoneName === 'UTC' ? 'UTC' : offsetText(time.offsetMinutes, false)}`;
}

export { offsetText };
