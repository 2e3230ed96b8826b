import type { DisplayState } from '../display-content/display-state.ts';

/** A display waiting for approval asks again this often, so it notices approval quickly. */
export const PENDING_REFRESH_S = 10;
/** The device arrives a little after the change rather than a little before it (its sleep timer drifts). */
const WAKE_MARGIN_S = 2;
const MIN_REFRESH_S = 5;
const MAX_REST_S = 24 * 3600;

/**
 * TRMNL's `refresh_rate`: how long the device sleeps before it asks again, in whole seconds (trmnl-display
 * decodes it into an integer). Its poll interval, shortened to wake for the next scheduled change;
 * through sleep mode and quiet hours it sleeps until they end, which is what saves a battery.
 */
export function refreshRate(state: DisplayState, now: Date): number {
  if (state.mode === 'pairing') return PENDING_REFRESH_S;
  const secondsUntil = (at: Date) => Math.ceil((at.getTime() - now.getTime()) / 1000) + WAKE_MARGIN_S;
  const seconds = state.restUntil
    ? Math.min(secondsUntil(state.restUntil), MAX_REST_S)
    : Math.min(state.pollIntervalS, state.nextChangeAt ? secondsUntil(state.nextChangeAt) : Infinity);
  return Math.max(MIN_REFRESH_S, Math.round(seconds));
}

/** `<kind>-<6 chars>-<10-digit epoch>`: changes exactly when the picture does; a safe file name on any client. */
export function trmnlFilename(kind: string, version: string, producedAt: Date): string {
  return `${kind}-${version.slice(0, 6)}-${String(Math.floor(producedAt.getTime() / 1000)).padStart(10, '0')}`;
}
