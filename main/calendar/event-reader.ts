import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { componentText, lineHead, lineValue, propertyValue, type RawComponent } from './feed-text.ts';
import type { Zone, ZoneReading } from './zones.ts';

/** A start, end or recurrence date: a calendar date (all-day) or a wall time in a zone (see Zone). */
export type Moment = { date: string } | { wall: number; zone: Zone };

/** An event's length: whole days counted on the calendar (DST changes keep the time of day) plus exact milliseconds. */
export interface Length {
  days: number;
  ms: number;
}

export interface EventModel {
  uid: string;
  summary: string;
  location: string | null;
  cancelled: boolean;
  sequence: number;
  /** DTSTAMP as epoch milliseconds, 0 without one: of two versions with the same SEQUENCE the later one counts. */
  stamp: number;
  start: Moment;
  /** From DTEND or DURATION; null when the event gives neither (or an end before its start). */
  length: Length | null;
  /** The RRULE text, checked by ical.js. */
  rrule: string | null;
  rdates: { start: Moment; end?: Moment; length?: Length }[];
  exdates: Moment[];
  recurrenceId: Moment | null;
}

/** How the feed's times are placed: TZIDs, UTC times and floating times. */
export interface TimeReading {
  zoneOf(tzid: string): ZoneReading;
  /** UTC times of a calendar with X-WR-TIMEZONE are read in that zone (as Google shows them), else UTC. */
  utcZone: Zone;
  /** Floating times: X-WR-TIMEZONE, else the display's zone. */
  floatingZone: Zone;
  /** Called with each TZID that fell back to another zone. */
  onFallback(tzid: string, message: string): void;
}

export class UnreadableEvent extends Error {}

const TIME_PROPERTIES = ['DTSTART', 'DTEND', 'RECURRENCE-ID', 'RDATE', 'EXDATE'];
const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME_VALUE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/;
/** Properties that change on every export without changing the event: left out of a synthetic UID. */
const VOLATILE = /^(DTSTAMP|LAST-MODIFIED|SEQUENCE|CREATED)[;:]/i;

/** Reads one VEVENT; an event that cannot be shown throws UnreadableEvent saying why. */
export function readEvent(raw: RawComponent, times: TimeReading): EventModel {
  const lines = raw.lines.map(withDateValueType);
  checkTimeValues(lines);
  let component: ICAL.Component;
  try {
    component = new ICAL.Component(ICAL.parse(componentText({ ...raw, lines, components: [] })));
  } catch (err) {
    throw new UnreadableEvent((err as Error).message);
  }
  const starts = component.getAllProperties('dtstart');
  if (starts.length === 0) throw new UnreadableEvent('it has no DTSTART');
  if (starts.length > 1) throw new UnreadableEvent(`it has ${starts.length} DTSTART lines`);
  const start = momentsOf(starts[0], times)[0];
  const recurrenceIdProperty = component.getFirstProperty('recurrence-id');
  return {
    uid: text(component, 'uid') || syntheticUid(raw),
    summary: text(component, 'summary') || '(no title)',
    location: text(component, 'location') || null,
    cancelled: text(component, 'status').toUpperCase() === 'CANCELLED',
    sequence: Number(component.getFirstPropertyValue('sequence') ?? 0) || 0,
    stamp: stampOf(component),
    start,
    length: lengthOf(component, start, times),
    rrule: component.getFirstProperty('rrule') ? propertyValue(raw, 'RRULE')! : null,
    rdates: component.getAllProperties('rdate').flatMap((property) => property.getValues().map((value) => rdateOf(property, value, times))),
    exdates: component.getAllProperties('exdate').flatMap((property) => momentsOf(property, times)),
    recurrenceId: recurrenceIdProperty ? momentsOf(recurrenceIdProperty, times)[0] : null,
  };
}

/** "DTSTART:20251018" (no VALUE=DATE) is common in hand-made feeds and read as the date it is. */
function withDateValueType(line: string): string {
  const head = lineHead(line);
  const value = lineValue(line);
  const name = /^[A-Za-z-]+/.exec(head)?.[0].toUpperCase() ?? '';
  if (!TIME_PROPERTIES.includes(name) || /;VALUE=/i.test(head) || !/^\d{8}(,\d{8})*$/.test(value)) return line;
  return `${head};VALUE=DATE:${value}`;
}

/** ical.js quietly rolls impossible dates over (20251132 becomes 2 December): they are refused here instead. */
function checkTimeValues(lines: string[]): void {
  for (const line of lines) {
    const name = /^[A-Za-z-]+/.exec(line)?.[0].toUpperCase() ?? '';
    if (!TIME_PROPERTIES.includes(name)) continue;
    const values = lineValue(line).split(',');
    for (const value of values.flatMap((v) => v.split('/'))) {
      if (/^[+-]?P/.test(value)) continue; // a PERIOD's duration
      if (!isRealDate(value)) throw new UnreadableEvent(`${name} "${value}" is not an iCalendar date or date-time`);
    }
  }
}

function isRealDate(value: string): boolean {
  const match = DATE_VALUE.exec(value) ?? DATE_TIME_VALUE.exec(value);
  if (!match) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    && hour < 24 && minute < 60 && second <= 60;
}

function momentsOf(property: ICAL.Property, times: TimeReading): Moment[] {
  return property.getValues().map((value) => momentOf(property, value as ICAL.Time, times));
}

function momentOf(property: ICAL.Property, time: ICAL.Time, times: TimeReading): Moment {
  if (time.isDate) return { date: `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}` };
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, Math.min(time.second, 59));
  if (time.zone === ICAL.Timezone.utcTimezone) return { wall: times.utcZone.wallOf(wall), zone: times.utcZone };
  const tzid = property.getParameter('tzid');
  if (typeof tzid !== 'string' || tzid === '') return { wall, zone: times.floatingZone };
  const reading = times.zoneOf(tzid);
  if (reading.fallback) times.onFallback(tzid, reading.fallback);
  return { wall, zone: reading.zone };
}

function rdateOf(property: ICAL.Property, value: unknown, times: TimeReading): EventModel['rdates'][number] {
  if (!(value instanceof ICAL.Period)) return { start: momentOf(property, value as ICAL.Time, times) };
  const start = momentOf(property, value.start, times);
  if (value.end) return { start, end: momentOf(property, value.end, times) };
  return { start, length: durationLength(value.duration!) };
}

function stampOf(component: ICAL.Component): number {
  const stamp = component.getFirstPropertyValue('dtstamp');
  return stamp instanceof ICAL.Time ? stamp.toUnixTime() * 1000 : 0;
}

/**
 * DTEND, else DURATION; an end before the start counts as no end (Outlook leaves DTEND behind when
 * it moves an instance later). A DATE end under a timed start (booking systems write the departure
 * day) is the start of that day in the start's zone.
 */
function lengthOf(component: ICAL.Component, start: Moment, times: TimeReading): Length | null {
  const endProperty = component.getFirstProperty('dtend');
  if (endProperty) {
    const written = momentOf(endProperty, endProperty.getFirstValue() as ICAL.Time, times);
    const end = 'date' in written && !('date' in start) ? { wall: Date.parse(written.date), zone: start.zone } : written;
    const length = between(start, end);
    return length && (length.days > 0 || length.ms > 0 || !('date' in start)) ? length : null;
  }
  const duration = component.getFirstPropertyValue('duration');
  if (duration instanceof ICAL.Duration && !duration.isNegative) return durationLength(duration);
  return null;
}

/** The length from start to end, null when the end is before the start. */
export function between(start: Moment, end: Moment): Length | null {
  if ('date' in start && 'date' in end) {
    const days = Math.round((Date.parse(end.date) - Date.parse(start.date)) / 86_400_000);
    return days >= 0 ? { days, ms: 0 } : null;
  }
  if ('date' in start || 'date' in end) return null;
  const ms = end.zone.instantOf(end.wall) - start.zone.instantOf(start.wall);
  return ms >= 0 ? { days: 0, ms } : null;
}

function durationLength(duration: ICAL.Duration): Length {
  return { days: duration.weeks * 7 + duration.days, ms: ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000 };
}

function text(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? '' : String(value).trim();
}

/** RFC 5545 requires a UID, some exports leave it out: one made from the event's content stays the same from fetch to fetch. */
function syntheticUid(raw: RawComponent): string {
  const content = raw.lines.filter((line) => !VOLATILE.test(line)).join('\n');
  return `no-uid-${createHash('sha256').update(content).digest('hex').slice(0, 24)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
