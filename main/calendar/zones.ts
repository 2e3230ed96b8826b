import { createRequire } from 'node:module';
import { findIana } from 'windows-iana';
import { propertyValue, type RawComponent } from './feed-text.ts';
import { vtimezoneZone } from './vtimezone.ts';
import type { Zone } from './zone.ts';

export type { Zone };

// Read with require: the main-process bundle keeps packages external and drops `with { type: 'json' }`, which Node then refuses.
const windowsDisplayNames = createRequire(import.meta.url)('timezones.json/timezones.json') as typeof import('timezones.json/timezones.json');

export const UTC_ZONE: Zone = { name: 'UTC', instantOf: (wall) => wall, wallOf: (instant) => instant };

const DAY_MS = 86_400_000;
const BUCKET_MS = 900_000;
const ianaZones = new Map<string, Zone | null>();

/** An IANA zone through Intl, or null if the runtime does not know the name. Offsets are cached per quarter hour (every transition falls on one). */
export function ianaZone(name: string): Zone | null {
  let zone = ianaZones.get(name);
  if (zone !== undefined) return zone;
  zone = null;
  try {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    const offsets = new Map<number, number>();
    const offsetAt = (instant: number): number => {
      const bucket = Math.floor(instant / BUCKET_MS);
      let offset = offsets.get(bucket);
      if (offset === undefined) {
        const at = bucket * BUCKET_MS;
        const parts: Record<string, number> = {};
        for (const part of format.formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
        offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - at;
        offsets.set(bucket, offset);
      }
      return offset;
    };
    zone = {
      name: format.resolvedOptions().timeZone,
      wallOf: (instant) => instant + offsetAt(instant),
      instantOf(wall) {
        const before = offsetAt(wall - DAY_MS);
        const after = offsetAt(wall + DAY_MS);
        const fits = [wall - before, wall - after].filter((instant) => offsetAt(instant) === wall - instant);
        return fits.length > 0 ? Math.min(...fits) : wall - before;
      },
    };
  } catch {
    // not a zone name this runtime knows
  }
  ianaZones.set(name, zone);
  return zone;
}

/**
 * An IANA zone a TZID stands for without the file's help: an IANA name; a Windows name (Outlook,
 * Exchange); or a name whose tail is an IANA name behind a vendor prefix or path
 * ("/freeassociation.sourceforge.net/Tzfile/America/Los_Angeles" from Evolution,
 * "/mozilla.org/20050126_1/Europe/Berlin", "posix/Europe/Vaduz", "/Europe/Stockholm").
 */
export function knownZone(tzid: string): Zone | null {
  const name = tzid.trim();
  const direct = ianaZone(name);
  if (direct) return direct;
  const windows = findIana(name)[0];
  if (windows) return ianaZone(windows);
  const parts = name.split('/');
  for (let i = 1; i < parts.length; i++) {
    const tail = parts.slice(i).join('/');
    if (tail) {
      const zone = ianaZone(tail);
      if (zone) return zone;
    }
  }
  return null;
}

/** Windows display names ("(UTC+07:00) Bangkok, Hanoi, Jakarta") by their normalised text, to the Windows zone id. */
let displayNames: Map<string, { windowsId: string; iana: readonly string[] }> | undefined;

function normalisedDisplayName(name: string): string {
  return name.trim().replace(/^"|"$/g, '').replace(/^\(GMT/i, '(UTC').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The zone a Windows display name stands for. Exchange and Outlook write the name Windows shows a
 * user ("(UTC+07:00) Bangkok, Hanoi, Jakarta", older versions "(GMT+07:00) …") as the TZID and
 * often leave the VTIMEZONE out. The names come from the timezones.json package (Windows' list of
 * display names with their zone ids); windows-iana turns the id into the zone's IANA name. Only the
 * exact name counts (spacing, case and GMT/UTC aside): the offset alone would lose DST.
 */
export function windowsDisplayNameZone(tzid: string): Zone | null {
  displayNames ??= new Map(windowsDisplayNames.map((z) => [normalisedDisplayName(z.text), { windowsId: z.value, iana: z.utc }]));
  const entry = displayNames.get(normalisedDisplayName(tzid));
  if (!entry) return null;
  for (const name of [...findIana(entry.windowsId), ...entry.iana]) {
    const zone = ianaZone(name);
    if (zone) return zone;
  }
  return null;
}

export interface ZoneReading {
  zone: Zone;
  /** Set when the TZID could not be resolved and a fallback zone was used. */
  fallback?: string;
}

/**
 * Resolves the TZIDs of one feed: a name known without the file, else the file's own VTIMEZONE of
 * that name, else a Windows display name (a guess, so the file's own definition beats it), else
 * the calendar's X-WR-TIMEZONE, else the display's zone. Never the machine's zone.
 */
export function zoneResolver(vtimezones: readonly RawComponent[], fallbackZone: { zone: Zone; why: string }): (tzid: string) => ZoneReading {
  const definitions = new Map<string, RawComponent>();
  for (const vtimezone of vtimezones) {
    const tzid = propertyValue(vtimezone, 'TZID');
    if (tzid) definitions.set(tzid, vtimezone);
  }
  const readings = new Map<string, ZoneReading>();
  return (tzid) => {
    let reading = readings.get(tzid);
    if (!reading) {
      const definition = definitions.get(tzid);
      const zone = knownZone(tzid) ?? (definition ? vtimezoneZone(tzid, definition) : null) ?? windowsDisplayNameZone(tzid);
      reading = zone ? { zone } : { zone: fallbackZone.zone, fallback: `time zone "${tzid}" is neither known nor defined in the file; its times are read in ${fallbackZone.zone.name} (${fallbackZone.why})` };
      readings.set(tzid, reading);
    }
    return reading;
  };
}
