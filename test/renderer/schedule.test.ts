import { describe, expect, it } from 'vitest';
import { hhmmToMinutes, minutesToHhmm, timeAgo } from '../../renderer/lib/format.ts';
import { findOverlap, rulesForDays, sortRules } from '../../renderer/lib/schedule.ts';

describe('schedule editor logic', () => {
  it('makes the same slot on each chosen day, listed by day then start', () => {
    const rules = sortRules([...rulesForDays([3, 1], 600, 720, 'photo'), ...rulesForDays([1], 420, 540, 'dashboard')]);
    expect(rules.map((r) => [r.weekday, r.startMinute])).toEqual([[1, 420], [1, 600], [3, 600]]);
  });

  it('names the first overlap of one day, and allows touching slots', () => {
    expect(findOverlap([...rulesForDays([1], 420, 540, 'dashboard'), ...rulesForDays([1], 540, 600, 'photo')])).toBeNull();
    expect(findOverlap([...rulesForDays([2], 420, 540, 'dashboard'), ...rulesForDays([2], 500, 600, 'photo')])).toBe('Tuesday: 07:00–09:00 overlaps 08:20–10:00');
    expect(findOverlap([...rulesForDays([1], 420, 540, 'dashboard'), ...rulesForDays([2], 420, 540, 'photo')])).toBeNull();
  });

  it('reads and writes HH:MM, up to midnight', () => {
    expect(hhmmToMinutes('7:05')).toBe(425);
    expect(hhmmToMinutes('24:00')).toBe(1440);
    expect(hhmmToMinutes('12:60')).toBeNull();
    expect(hhmmToMinutes('noon')).toBeNull();
    expect(minutesToHhmm(1440)).toBe('24:00');
  });

  it('says how long ago in words', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(timeAgo(null, now)).toBe('never');
    expect(timeAgo('2026-05-01T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-05-01T11:30:00Z', now)).toBe('30 min ago');
    expect(timeAgo('2026-04-28T12:00:00Z', now)).toBe('3 days ago');
  });
});
