import type { CaldavSettings } from '../sources/caldav.ts';

/**
 * A CalDAV calendar given as one URL, so it is added like an ICS feed (Dashboard view, `inkstand
 * calendars add`, admin `calendars.add`): `caldavs://USER:PASSWORD@HOST/PATH#CALENDAR` reads the
 * calendar named CALENDAR (its display name) from the CalDAV server at https://HOST/PATH;
 * `caldav://` is the same over plain http; without `#CALENDAR` every calendar of events is read.
 * User and password are percent-encoded, as in any URL (a space is %20).
 */
export const CALDAV_URL = /^caldavs?:\/\//i;

/** The CalDAV settings a caldav(s):// calendar URL stands for; null for an ICS feed URL. */
export function caldavOfUrl(url: string): CaldavSettings | null {
  if (!CALDAV_URL.test(url)) return null;
  const parsed = new URL(url);
  const server = new URL(`${parsed.protocol === 'caldavs:' ? 'https' : 'http'}://${parsed.host}${parsed.pathname}${parsed.search}`);
  const calendar = decodeURIComponent(parsed.hash.replace(/^#/, ''));
  return {
    server_url: server.toString(),
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    calendars: calendar ? [calendar] : [],
    max_items: 100,
  };
}

/** The URL as the UI shows it: a CalDAV password replaced by dots. */
export function shownCalendarUrl(url: string): string {
  return url.replace(/^(caldavs?:\/\/[^/@:]+:)[^/@]+@/i, '$1•••@');
}
