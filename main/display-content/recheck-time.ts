/** Spreads displays over a period: the fraction of it by which a display's grid is shifted. */
const SPREAD_STEPS = 1_000;

/**
 * The next moment after `now` on a fixed grid of `periodMs`, shifted per display. A due time made
 * from the reading of a clock (`now + period`) differs on every node that computes it, and with it
 * `next_change_at` and the ETag; on the grid, every node computing it within the same period gets
 * the same instant, and the shift spreads the displays over the period instead of waking all at once.
 * The result is at most one period after `now`.
 */
export function nextRecheckTime(now: Date, periodMs: number, displayId: number): Date {
  const shift = Math.floor(((displayId * 7_919) % SPREAD_STEPS) / SPREAD_STEPS * periodMs);
  const periodsSinceShift = Math.floor((now.getTime() - shift) / periodMs);
  return new Date((periodsSinceShift + 1) * periodMs + shift);
}
