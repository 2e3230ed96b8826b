/**
 * RFC 5545 "floating" times (a DATE-TIME with neither TZID nor a trailing Z) mean the same wall
 * clock wherever the calendar is viewed; Inkstand reads them in its configured time zone. Parsers
 * disagree here (node-ical uses the first VTIMEZONE of the file, else the process's zone), so
 * floating values are given an explicit TZID before parsing. VTIMEZONE definitions are left alone:
 * their DTSTARTs are floating by definition.
 */

const DATE_TIME_PROPERTIES = new Set(['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID', 'EXDATE', 'RDATE']);
const FLOATING_VALUE = /^\d{8}T\d{6}(,\d{8}T\d{6})*$/;

export function pinFloatingTimes(ics: string, timeZone: string): string {
  let inTimeZoneDefinition = false;
  return unfold(ics).map((line) => {
    const upper = line.toUpperCase();
    if (upper.startsWith('BEGIN:VTIMEZONE')) inTimeZoneDefinition = true;
    if (upper.startsWith('END:VTIMEZONE')) inTimeZoneDefinition = false;
    if (inTimeZoneDefinition) return line;
    const match = /^([A-Za-z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) return line;
    const [, name, params, value] = match;
    if (!DATE_TIME_PROPERTIES.has(name.toUpperCase())) return line;
    if (/;TZID=/i.test(params) || /VALUE=(DATE|PERIOD)(;|$)/i.test(params) || !FLOATING_VALUE.test(value.trim())) return line;
    return `${name}${params};TZID=${timeZone}:${value}`;
  }).join('\r\n');
}

/** Joins folded lines (a line break followed by a space or tab continues the line). */
function unfold(ics: string): string[] {
  return ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
}
