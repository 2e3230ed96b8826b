import { IncompleteFeed, propertyValue, readFeedText, FeedError, type FeedText, type RawComponent } from './feed-text.ts';
import { readEvent, UnreadableEvent, type EventModel, type TimeReading } from './event-reader.ts';
import { expandSeries, type ExpandedOccurrence, type Window } from './series.ts';
import { ianaZone, knownZone, UTC_ZONE, zoneResolver } from './zones.ts';

export type { ExpandedOccurrence } from './series.ts';
export { FeedError } from './feed-text.ts';

export interface Expansion {
  occurrences: ExpandedOccurrence[];
  /** Events left out, each naming the event and why. */
  skipped: string[];
  /** What was read differently from how it was written: dropped lines, zones that fell back. */
  notes: string[];
  /** Set when the feed may not be complete and only its complete events were read (see `acceptIncomplete`). */
  incomplete?: string;
}

export interface ExpandOptions {
  /**
   * Read the complete events of a feed that may be missing its end (cut off, or a mangled last
   * line) instead of refusing it. Right when nothing is stored that the refusal would protect.
   */
  acceptIncomplete?: boolean;
}

/**
 * Every occurrence overlapping the window of the events in an ICS feed, read the way calendar
 * clients read real feeds (see feed-text.ts, zones.ts, event-reader.ts, series.ts).
 *
 * Why this reader: the seed used node-ical, which has no RDATE, reads zones defined only by the
 * file's VTIMEZONE in the machine's zone and fails the whole feed for one bad event. On the corpus
 * in test/fixtures/calendar/corpus (24 feeds in the shapes Google, Outlook/Exchange, Apple,
 * Evolution, Lotus Notes and hand-made exporters produce), checked occurrence by occurrence
 * against python-recurring-ical-events, node-ical 0.26 matched 458 of 635 occurrences (8 of 24
 * feeds right) with the process in Berlin and 442 in New York. ical.js used whole, as Thunderbird
 * does, matched 548 in Berlin and 509 in New York: it reads every VTIMEZONE and RDATE, but one bad
 * line or RRULE fails the file, IANA zones the file does not define and floating times fall to the
 * machine's zone, and its own RRULE iterator adds wrong instances on rarer rules (27 on the
 * rrule-variety feed). So ical.js reads each component (values, parameters, text, durations,
 * VTIMEZONE rules), rrule expands recurrences, and the tolerance and zone rules are ours: all 635
 * match, in either process zone.
 *
 * `timeZone` is the display's zone: all-day dates are its days, and floating times and unknown
 * zones fall back to it when the calendar has no X-WR-TIMEZONE. Throws FeedError when the feed as
 * a whole cannot be trusted (not iCalendar, cut off, no readable event).
 */
export function expandIcs(ics: string, window: Window, timeZone: string, { acceptIncomplete = false }: ExpandOptions = {}): Expansion {
  const { feed: { calendar, strayLines }, incomplete } = feedText(ics, acceptIncomplete);
  const displayZone = ianaZone(timeZone);
  if (!displayZone) throw new Error(`"${timeZone}" is not an IANA time zone`);
  const notes = strayLines.map(({ line, text }) => `line ${line} ignored, it is not an iCalendar line: ${JSON.stringify(text)}`);
  const times = timeReading(calendar, displayZone, notes);

  const skipped: string[] = [];
  const events: EventModel[] = [];
  const vevents = calendar.components.filter((c) => c.name === 'VEVENT');
  for (const vevent of vevents) {
    try {
      events.push(readEvent(vevent, times));
    } catch (err) {
      if (!(err instanceof UnreadableEvent)) throw err;
      skipped.push(`${describe(vevent)} skipped: ${err.message}`);
    }
  }
  if (vevents.length > 0 && events.length === 0) throw new FeedError(`none of its ${vevents.length} events could be read (${skipped[0]})`);

  const occurrences: ExpandedOccurrence[] = [];
  for (const series of groupByUid(events)) {
    try {
      occurrences.push(...expandSeries(series, window, displayZone));
    } catch (err) {
      skipped.push(`"${series[0].summary}" (${series[0].uid}) skipped: ${(err as Error).message}`);
    }
  }
  occurrences.sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
  return { occurrences, skipped, notes, ...(incomplete ? { incomplete } : {}) };
}

function feedText(ics: string, acceptIncomplete: boolean): { feed: FeedText; incomplete?: string } {
  try {
    return { feed: readFeedText(ics) };
  } catch (err) {
    if (!acceptIncomplete || !(err instanceof IncompleteFeed)) throw err;
    return { feed: err.complete, incomplete: err.message };
  }
}

/** X-WR-TIMEZONE (Google, Apple) names the calendar's zone: for UTC and floating times, and for TZIDs nobody knows. */
function timeReading(calendar: RawComponent, displayZone: NonNullable<ReturnType<typeof ianaZone>>, notes: string[]): TimeReading {
  const declared = propertyValue(calendar, 'X-WR-TIMEZONE');
  const calendarZone = declared ? knownZone(declared) : null;
  if (declared && !calendarZone) notes.push(`X-WR-TIMEZONE "${declared}" is not a known zone and was ignored`);
  const fallback = calendarZone ? { zone: calendarZone, why: "the calendar's X-WR-TIMEZONE" } : { zone: displayZone, why: "the display's zone" };
  const reported = new Set<string>();
  return {
    zoneOf: zoneResolver(calendar.components.filter((c) => c.name === 'VTIMEZONE'), fallback),
    utcZone: calendarZone ?? UTC_ZONE,
    floatingZone: fallback.zone,
    onFallback(tzid, message) {
      if (reported.has(tzid)) return;
      reported.add(tzid);
      notes.push(message);
    },
  };
}

function groupByUid(events: EventModel[]): EventModel[][] {
  const groups = new Map<string, EventModel[]>();
  for (const event of events) {
    const group = groups.get(event.uid);
    if (group) group.push(event);
    else groups.set(event.uid, [event]);
  }
  return [...groups.values()];
}

/** Names an event in a message by its summary and UID (or line), which is what a user can find it by. */
function describe(vevent: RawComponent): string {
  const summary = propertyValue(vevent, 'SUMMARY');
  const uid = propertyValue(vevent, 'UID');
  return `${summary ? `"${summary.replace(/\\([,;\\])/g, '$1')}"` : 'an event'} (${uid ?? `line ${vevent.line}, no UID`})`;
}
