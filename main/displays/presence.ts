import type { Display } from '../storage/entities/display.ts';

/** A display is offline once it missed this many polls… */
export const MISSED_POLLS = 3;
/** …or, when it was told to sleep until a time (sleep mode, quiet hours), that time plus this margin. */
export const SLEEP_MARGIN_MS = 5 * 60_000;

/**
 * How long a display may be silent after its last request before it counts as offline: three poll
 * intervals, or, when its schedule lets it sleep past that (a TRMNL device sleeps through sleep mode
 * and quiet hours), until the end of that sleep plus a margin.
 */
export function silenceAllowedMs(display: Pick<Display, 'pollIntervalS' | 'lastSeen'>, restUntil: Date | null): number {
  const polls = MISSED_POLLS * display.pollIntervalS * 1000;
  if (!restUntil || !display.lastSeen) return polls;
  return Math.max(polls, restUntil.getTime() - display.lastSeen.getTime() + SLEEP_MARGIN_MS);
}

/** Heard from within its allowance. A display never heard from is not online (and was never offline). */
export function isOnline(display: Pick<Display, 'pollIntervalS' | 'lastSeen'>, restUntil: Date | null, now: Date): boolean {
  return display.lastSeen !== null && now.getTime() - display.lastSeen.getTime() <= silenceAllowedMs(display, restUntil);
}
