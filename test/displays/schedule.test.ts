import { describe, expect, it } from 'vitest';
import { findRuleOverlap, inQuietHours, localWeekMinute, resolveMode } from '../../main/displays/schedule.ts';
import type { Display } from '../../main/storage/entities/display.ts';
import type { Override, WeeklyRule } from '../../main/storage/entities/schedule.ts';

const display = (patch: Partial<Display> = {}) => ({ status: 'approved', timeZone: 'Europe/Berlin', defaultMode: 'photo', quietStart: null, quietEnd: null, ...patch }) as Display;
const rule = (weekday: number, start: string, end: string, mode: WeeklyRule['mode'] = 'dashboard'): WeeklyRule => {
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return { id: 0, displayId: 1, weekday, startMinute: m(start), endMinute: m(end), mode, itemId: null };
};

describe('resolveMode', () => {
  // 2026-11-24 is a Tuesday; Berlin is UTC+1 in November.
  const tuesday0730Berlin = new Date('2026-11-24T06:30:00Z');

  it('uses the weekly rule of the display’s local time, start inclusive and end exclusive', () => {
    const rules = [rule(2, '07:30', '09:00')];
    expect(resolveMode(display(), rules, null, tuesday0730Berlin)).toMatchObject({ mode: 'dashboard', source: 'rule' });
    expect(resolveMode(display(), rules, null, new Date('2026-11-24T08:00:00Z'))).toMatchObject({ mode: 'photo', source: 'default' });
    expect(resolveMode(display(), rules, null, new Date('2026-11-24T06:29:00Z'))).toMatchObject({ mode: 'photo' });
  });

  it('reads the rule in the display’s own time zone, not the server’s', () => {
    const rules = [rule(2, '07:30', '09:00')];
    expect(resolveMode(display({ timeZone: 'America/New_York' }), rules, null, tuesday0730Berlin).mode).toBe('photo');
    expect(resolveMode(display({ timeZone: 'America/New_York' }), rules, null, new Date('2026-11-24T12:30:00Z')).mode).toBe('dashboard');
  });

  it('lets an unexpired override win and ignores an expired one', () => {
    const rules = [rule(2, '07:30', '09:00')];
    const override: Override = { displayId: 1, mode: 'sleep', itemId: null, until: new Date('2026-11-24T07:00:00Z'), createdAt: new Date(0) };
    expect(resolveMode(display(), rules, override, tuesday0730Berlin)).toMatchObject({ mode: 'sleep', source: 'override', nextChangeAt: override.until });
    expect(resolveMode(display(), rules, override, new Date('2026-11-24T07:00:00Z')).mode).toBe('dashboard');
  });

  it('shows the pairing picture until the display is approved', () => {
    expect(resolveMode(display({ status: 'pending' }), [], null, tuesday0730Berlin).mode).toBe('pairing');
  });

  it('names the next rule boundary as the next change', () => {
    const rules = [rule(2, '07:30', '09:00')];
    expect(resolveMode(display(), rules, null, tuesday0730Berlin).nextChangeAt?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(resolveMode(display(), rules, null, new Date('2026-11-24T09:00:00Z')).nextChangeAt?.toISOString()).toBe('2026-12-01T06:30:00.000Z');
  });
});

describe('quiet hours and rules', () => {
  it('handles quiet hours that wrap past midnight', () => {
    const d = display({ quietStart: '22:00', quietEnd: '07:00' });
    expect(inQuietHours(d, new Date('2026-11-24T22:30:00Z'))).toBe(true); // 23:30 Berlin
    expect(inQuietHours(d, new Date('2026-11-24T05:30:00Z'))).toBe(true); // 06:30
    expect(inQuietHours(d, new Date('2026-11-24T06:00:00Z'))).toBe(false); // 07:00
  });

  it('finds overlapping rules on the same weekday only', () => {
    expect(findRuleOverlap([rule(1, '07:00', '09:00'), rule(1, '08:00', '10:00')])).toMatch(/overlap/);
    expect(findRuleOverlap([rule(1, '07:00', '09:00'), rule(1, '09:00', '10:00'), rule(2, '08:00', '10:00')])).toBeNull();
  });

  it('computes local weekday and minute across DST', () => {
    expect(localWeekMinute(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toEqual({ weekday: 0, minute: 90 });
    expect(localWeekMinute(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toEqual({ weekday: 0, minute: 210 });
  });
});
