import { describe, expect, it } from 'vitest';
import { formatInZone, instantOfWallTime, startOfLocalDay } from '../../main/calendar/zoned-time.ts';

describe('zoned time', () => {
  it('places wall-clock times around DST changes', () => {
    const berlin = 'Europe/Berlin';
    // Fall-back: 02:30 happens twice; the first is taken.
    expect(instantOfWallTime({ year: 2025, month: 10, day: 26, hour: 2, minute: 30, second: 0 }, berlin).toISOString()).toBe('2025-10-26T00:30:00.000Z');
    // Spring-forward: 02:30 does not exist; it moves on by the gap to 03:30 CEST.
    expect(instantOfWallTime({ year: 2025, month: 3, day: 30, hour: 2, minute: 30, second: 0 }, berlin).toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(startOfLocalDay('2025-10-27', berlin).toISOString()).toBe('2025-10-26T23:00:00.000Z');
    expect(formatInZone(new Date('2025-10-26T00:30:00Z'), berlin)).toBe('2025-10-26T02:30:00+02:00');
    expect(formatInZone(new Date('2025-10-26T01:30:00Z'), berlin)).toBe('2025-10-26T02:30:00+01:00');
    expect(formatInZone(new Date('2025-07-01T12:00:00Z'), 'Asia/Kathmandu')).toBe('2025-07-01T17:45:00+05:45');
    expect(formatInZone(new Date('2025-07-01T12:00:00Z'), 'America/St_Johns')).toBe('2025-07-01T09:30:00-02:30');
  });
});
