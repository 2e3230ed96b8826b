import { describe, expect, it } from 'vitest';
import { nextRecheckTime } from '../../main/display-content/recheck-time.ts';

const MINUTE = 60_000;

describe('recheck times on a grid', () => {
  it('are the same for two nodes whose clocks read the same period a few seconds apart', () => {
    const displayId = 12;
    const onA = nextRecheckTime(new Date('2026-12-07T10:00:05.120Z'), MINUTE, displayId);
    const period = onA.getTime() - MINUTE;
    const readings = [period + 1, period + 17_400, onA.getTime() - 1];
    for (const reading of readings) expect(nextRecheckTime(new Date(reading), MINUTE, displayId)).toEqual(onA);
  });

  it('lie after now and at most one period later', () => {
    for (let displayId = 1; displayId <= 50; displayId++) {
      for (const at of ['2026-12-07T10:00:00.000Z', '2026-12-07T10:00:59.999Z', '2026-03-29T01:30:00.000Z']) {
        const now = new Date(at);
        const next = nextRecheckTime(now, 15 * MINUTE, displayId).getTime();
        expect(next).toBeGreaterThan(now.getTime());
        expect(next - now.getTime()).toBeLessThanOrEqual(15 * MINUTE);
      }
    }
  });

  it('spread displays over the period rather than waking all at once', () => {
    const now = new Date('2026-12-07T10:00:00.000Z');
    const seconds = new Set(Array.from({ length: 20 }, (_, i) => nextRecheckTime(now, MINUTE, i + 1).getUTCSeconds()));
    expect(seconds.size).toBeGreaterThan(10);
  });
});
