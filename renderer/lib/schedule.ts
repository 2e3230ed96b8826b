import type { WeeklyRuleInput } from '../../contract/admin.ts';
import { minutesToHhmm } from './format.ts';
import { WEEKDAYS } from './options.ts';

/** Sorted by day, then start: the order the editor lists them in. */
export function sortRules(rules: WeeklyRuleInput[]): WeeklyRuleInput[] {
  return [...rules].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
}

/** The same slot on each chosen day. */
export function rulesForDays(days: number[], startMinute: number, endMinute: number, mode: WeeklyRuleInput['mode'], itemId: number | null = null): WeeklyRuleInput[] {
  return days.map((weekday) => ({ weekday, startMinute, endMinute, mode, itemId }));
}

/** The first clash between two rules of one day, as a sentence; null when there is none. */
export function findOverlap(rules: WeeklyRuleInput[]): string | null {
  const sorted = sortRules(rules);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a.weekday === b.weekday && b.startMinute < a.endMinute) {
      return `${WEEKDAYS[a.weekday]}: ${describe(a)} overlaps ${describe(b)}`;
    }
  }
  return null;
}

export function describe(rule: WeeklyRuleInput): string {
  return `${minutesToHhmm(rule.startMinute)}–${minutesToHhmm(rule.endMinute)}`;
}
