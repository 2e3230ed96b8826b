import ICAL from 'ical.js';
import { componentText, lineHead, lineValue as valueOf, type RawComponent } from './feed-text.ts';
import type { Zone } from './zone.ts';

/**
 * A zone defined only by the file's own VTIMEZONE (Lotus Notes' "Western/Central Europe", Outlook's
 * "(UTC-03:00) Brasília", made-up names of shift planners), read with ical.js's VTIMEZONE rules.
 * Null when the definition cannot be read.
 */
export function vtimezoneZone(tzid: string, definition: RawComponent): Zone | null {
  let timezone: ICAL.Timezone;
  try {
    timezone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(componentText(withOneOnsetPerRdate(definition)))));
    timezone.utcOffset(ICAL.Time.fromData({ year: 2025, month: 1, day: 1 })); // reads the rules now, so a broken definition fails here
  } catch {
    return null;
  }
  return {
    name: tzid,
    instantOf(wall) {
      const date = new Date(wall);
      const time = new ICAL.Time({
        year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(),
        hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds(), isDate: false,
      }, timezone);
      return time.toUnixTime() * 1000;
    },
    wallOf(instant) {
      const local = ICAL.Time.fromJSDate(new Date(instant), true).convertToZone(timezone);
      return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
    },
  };
}

/**
 * ical.js 2.2 reads only the first value of each RDATE in a STANDARD/DAYLIGHT part, and skips the
 * part's DTSTART (its first onset) when there are RDATEs: a zone whose changes are listed as
 * "RDATE:20241027T030000,20251026T030000" would stop changing after the first. Each onset gets
 * its own RDATE line, DTSTART included, before ical.js reads it.
 */
function withOneOnsetPerRdate(vtimezone: RawComponent): RawComponent {
  return {
    ...vtimezone,
    components: vtimezone.components.map((part) => {
      const rdates = part.lines.filter((line) => /^RDATE[;:]/i.test(line));
      if (rdates.length === 0) return part;
      const onsets = new Map<string, string>(); // value → its line
      const dtstart = part.lines.find((line) => /^DTSTART[;:]/i.test(line));
      if (dtstart && !part.lines.some((line) => /^RRULE[;:]/i.test(line))) onsets.set(valueOf(dtstart), `RDATE:${valueOf(dtstart)}`);
      for (const line of rdates) {
        const head = lineHead(line);
        for (const value of valueOf(line).split(',')) if (!onsets.has(value.trim())) onsets.set(value.trim(), `${head}:${value.trim()}`);
      }
      return { ...part, lines: [...part.lines.filter((line) => !rdates.includes(line)), ...onsets.values()] };
    }),
  };
}

