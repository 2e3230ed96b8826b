import rrule from 'rrule';
import type { EventModel, Length, Moment } from './event-reader.ts';
import type { Zone } from './zones.ts';

export interface ExpandedOccurrence {
  uid: string;
  /** For instances of a recurring event: the original start (ISO instant, or YYYY-MM-DD when all-day). */
  recurrenceId: string | null;
  start: Date;
  /** Exclusive. */
  end: Date;
  allDay: boolean;
  summary: string;
  location: string | null;
  sourceTimeZone: string | null;
}

export interface Window {
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;
/** Wall times differ from instants by at most ±14 h: a day of margin each side when searching in wall time. */
const MARGIN_MS = 2 * DAY_MS;
/** More instances of one series than a screen can show: the rest are not generated. */
const MAX_INSTANCES = 5_000;

/**
 * Every occurrence overlapping the window of one UID's events: its series (RRULE, RDATE, EXDATE),
 * the instances moved or cancelled by RECURRENCE-ID overrides (wherever they are listed), and
 * overrides whose series is missing. All-day dates become the display zone's days.
 *
 * Recurrence rules are stepped through by rrule (a port of python-dateutil) in the wall time of
 * the series' zone, as RFC 5545 requires, so a weekly 09:00 stays 09:00 across DST changes.
 * ical.js's own iterator was measured against python-dateutil on 25 rules seen in feeds and got 7
 * wrong (it yields 1 March for a 29 February yearly rule, ignores BYWEEKNO and BYDAY=20MO, repeats
 * instances of MONTHLY with BYMONTH); rrule got all 25 right. 22 of them are in the corpus feed rrule-variety.ics.
 */
export function expandSeries(events: readonly EventModel[], window: Window, displayZone: Zone): ExpandedOccurrence[] {
  const overrides = events.filter((e) => e.recurrenceId);
  const masters = latestVersion(events.filter((e) => !e.recurrenceId));
  const result: (ExpandedOccurrence & { cancelled: boolean })[] = [];
  const overridden = instanceSet(overrides.map((o) => o.recurrenceId!));
  for (const master of masters) {
    const recurring = Boolean(master.rrule || master.rdates.length > 0);
    const excluded = instanceSet(master.exdates);
    for (const instance of instancesOf(master, window, displayZone)) {
      if (overridden(instance.start) || excluded(instance.start)) continue;
      result.push(occurrence(master, instance.start, instance.end, displayZone, recurring ? instance.start : null));
    }
  }
  for (const override of overrides) {
    const master = masters.find((m) => m.uid === override.uid);
    const length = override.length ?? master?.length ?? null;
    result.push(occurrence(override, override.start, endOf(override.start, length), displayZone, override.recurrenceId));
  }
  return result.filter((o) => !o.cancelled && overlaps(o, window)).map(({ cancelled: _, ...o }) => o);
}

/**
 * Several events with one UID and no RECURRENCE-ID are versions of one event (a merged export, a
 * re-sent invitation): the highest SEQUENCE wins, then the later DTSTAMP, then the later in the
 * feed (RFC 5545 3.8.7.4, RFC 5546 2.1.5).
 */
function latestVersion(masters: readonly EventModel[]): EventModel[] {
  if (masters.length < 2) return [...masters];
  return [masters.reduce((best, e) => (e.sequence > best.sequence || (e.sequence === best.sequence && e.stamp >= best.stamp) ? e : best))];
}

interface Instance {
  start: Moment;
  end: Moment;
}

/** DTSTART (always the first instance), the RRULE's instances near the window, and the RDATEs. */
function instancesOf(event: EventModel, window: Window, displayZone: Zone): Instance[] {
  const starts: Moment[] = [event.start];
  if (event.rrule) starts.push(...ruleStarts(event, window, displayZone));
  const instances = starts.map((start) => ({ start, end: endOf(start, event.length) }));
  for (const rdate of event.rdates) {
    const end = rdate.end ?? endOf(rdate.start, rdate.length ?? event.length);
    instances.push({ start: rdate.start, end });
  }
  const seen = new Set<string>();
  return instances.filter((i) => {
    const key = instanceKey(i.start);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function ruleStarts(event: EventModel, window: Window, displayZone: Zone): Moment[] {
  const start = event.start;
  const zone = 'date' in start ? displayZone : start.zone;
  const startWall = 'date' in start ? Date.parse(start.date) : start.wall;
  const { until: _, dtstart: __, ...options } = rrule.RRule.parseString(event.rrule!);
  if (options.freq === undefined) throw new Error(`its RRULE has no FREQ the rule reader knows ("${event.rrule}")`);
  // Stepping from DTSTART to the window second by second or minute by minute could take minutes; no family calendar repeats that often.
  if (options.freq === rrule.RRule.MINUTELY || options.freq === rrule.RRule.SECONDLY) throw new Error(`it repeats every ${options.freq === rrule.RRule.MINUTELY ? 'minute' : 'second'}, which is not shown`);
  const rule = new rrule.RRule({ ...options, dtstart: new Date(startWall), until: untilWall(event.rrule!, start) });
  const lengthMs = event.length ? event.length.days * DAY_MS + event.length.ms : DAY_MS;
  const from = new Date(zone.wallOf(window.from.getTime()) - lengthMs - MARGIN_MS);
  const to = new Date(zone.wallOf(window.to.getTime()) + MARGIN_MS);
  return rule.between(from, to, true, (_, count) => count < MAX_INSTANCES).map((wall): Moment => ('date' in start ? { date: wall.toISOString().slice(0, 10) } : { wall: wall.getTime(), zone: start.zone }));
}

/**
 * UNTIL in the series' wall time. RFC 5545 wants it in UTC when DTSTART has a zone; feeds also give
 * it as local time (read in the series' zone) or as a date (the whole day counts).
 */
function untilWall(rule: string, start: Moment): Date | null {
  const match = /(?:^|;)UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?/i.exec(rule);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const hasTime = match[4] !== undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if ('date' in start) return new Date(Date.UTC(year, month - 1, day));
  if (!hasTime) return new Date(wall + DAY_MS - 1000);
  return new Date(match[7] ? start.zone.wallOf(wall) : wall);
}

function endOf(start: Moment, length: Length | null): Moment {
  if ('date' in start) {
    const days = length && length.days > 0 ? length.days : 1;
    return { date: new Date(Date.parse(start.date) + days * DAY_MS).toISOString().slice(0, 10) };
  }
  if (!length) return start;
  const dayStep = start.wall + length.days * DAY_MS;
  return { wall: start.zone.wallOf(start.zone.instantOf(dayStep) + length.ms), zone: start.zone };
}

/** Whether EXDATEs or RECURRENCE-IDs name an instance: the same instant, or where either is a date, the same day. */
function instanceSet(named: readonly Moment[]): (instance: Moment) => boolean {
  if (named.length === 0) return () => false;
  const instants = new Set(named.filter((m) => !('date' in m)).map(instanceKey));
  const dates = new Set(named.filter((m) => 'date' in m).map(dayOf));
  const daysOfInstants = new Set(named.filter((m) => !('date' in m)).map(dayOf));
  return (instance) => ('date' in instance
    ? dates.has(instance.date) || daysOfInstants.has(instance.date)
    : instants.has(instanceKey(instance)) || dates.has(dayOf(instance)));
}

function dayOf(moment: Moment): string {
  return 'date' in moment ? moment.date : new Date(moment.wall).toISOString().slice(0, 10);
}

function instanceKey(moment: Moment): string {
  return 'date' in moment ? moment.date : new Date(moment.zone.instantOf(moment.wall)).toISOString();
}

function occurrence(event: EventModel, start: Moment, end: Moment, displayZone: Zone, recurrenceId: Moment | null): ExpandedOccurrence & { cancelled: boolean } {
  const allDay = 'date' in start;
  return {
    uid: event.uid,
    recurrenceId: recurrenceId ? instanceKey(recurrenceId) : null,
    start: instant(start, displayZone),
    end: new Date(Math.max(instant(end, displayZone).getTime(), instant(start, displayZone).getTime())),
    allDay,
    summary: event.summary,
    location: event.location,
    sourceTimeZone: 'date' in start ? null : start.zone.name,
    cancelled: event.cancelled,
  };
}

function instant(moment: Moment, displayZone: Zone): Date {
  return new Date('date' in moment ? displayZone.instantOf(Date.parse(moment.date)) : moment.zone.instantOf(moment.wall));
}

/** Overlap with [from, to); an event of no length counts when it starts inside. */
function overlaps(o: ExpandedOccurrence, window: Window): boolean {
  if (o.end.getTime() === o.start.getTime()) return o.start >= window.from && o.start < window.to;
  return o.end > window.from && o.start < window.to;
}
