/**
 * A time zone as the expander needs it. Wall-clock times are carried as "wall milliseconds": the
 * epoch milliseconds the wall time would have if it were UTC, so recurrence rules can step
 * through local days and hours with plain UTC arithmetic and every DST rule stays in the zone.
 */
export interface Zone {
  name: string;
  /** The instant of a wall time. A time that happens twice is the first; one skipped by a DST gap moves on by the gap (RFC 5545 3.3.5). */
  instantOf(wall: number): number;
  wallOf(instant: number): number;
}
