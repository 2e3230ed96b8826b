import type { Display, DisplayMode } from '../storage/entities/display.ts';
import type { Override, WeeklyRule } from '../storage/entities/schedule.ts';

export interface ResolvedMode {
  mode: DisplayMode;
  /** The screen, mashup or playlist an item mode shows (null for the other modes). */
  itemId: number | null;
  /** Why: which layer decided. */
  source: 'pairing' | 'override' | 'rule' | 'default';
  /** The next moment the mode may change by itself (override end, rule boundary), or null. */
  nextChangeAt: Date | null;
}

const MINUTES_PER_WEEK = 7 * 24 * 60;

/** One formatter per time zone: making one costs far more than using it, and every state recompute asks. */
const weekMinuteFormats = new Map<string, Intl.DateTimeFormat>();

/** Weekday (0 = Sunday) and minute of day of `at` in `timeZone`. */
export function localWeekMinute(at: Date, timeZone: string): { weekday: number; minute: number } {
  let format = weekMinuteFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    weekMinuteFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { weekday, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** Override (unexpired) > weekly rule for the display's local time > default mode. Pending displays show pairing. */
export function resolveMode(display: Display, rules: WeeklyRule[], override: Override | null, now: Date): ResolvedMode {
  const ruleBoundary = nextRuleBoundary(rules, display.timeZone, now);
  if (display.status !== 'approved') return { mode: 'pairing', itemId: null, source: 'pairing', nextChangeAt: null };
  if (override && override.until.getTime() > now.getTime()) {
    return { mode: override.mode, itemId: override.itemId ?? null, source: 'override', nextChangeAt: override.until };
  }
  const { weekday, minute } = localWeekMinute(now, display.timeZone);
  const rule = rules.find((r) => r.weekday === weekday && r.startMinute <= minute && minute < r.endMinute);
  if (rule) return { mode: rule.mode, itemId: rule.itemId ?? null, source: 'rule', nextChangeAt: ruleBoundary };
  return { mode: display.defaultMode, itemId: display.defaultItemId ?? null, source: 'default', nextChangeAt: ruleBoundary };
}

/** The next start or end of any rule, in absolute time, found by walking local minutes forward. */
function nextRuleBoundary(rules: WeeklyRule[], timeZone: string, now: Date): Date | null {
  if (rules.length === 0) return null;
  const { weekday, minute } = localWeekMinute(now, timeZone);
  const nowWeekMinute = weekday * 24 * 60 + minute;
  let best = Infinity;
  for (const rule of rules) {
    for (const boundary of [rule.startMinute, rule.endMinute]) {
      const at = rule.weekday * 24 * 60 + boundary;
      const ahead = (at - nowWeekMinute + MINUTES_PER_WEEK) % MINUTES_PER_WEEK || MINUTES_PER_WEEK;
      best = Math.min(best, ahead);
    }
  }
  // Seconds into the current minute are dropped so the boundary lands on the minute; a DST jump can shift it by an hour, and the next check corrects it.
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + best * 60_000);
}

/** Whether `now` falls in the display's quiet hours ('HH:MM'–'HH:MM', may wrap past midnight). */
export function inQuietHours(display: Pick<Display, 'quietStart' | 'quietEnd' | 'timeZone'>, now: Date): boolean {
  if (!display.quietStart || !display.quietEnd) return false;
  const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const start = toMinute(display.quietStart);
  const end = toMinute(display.quietEnd);
  const { minute } = localWeekMinute(now, display.timeZone);
  return start <= end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** When the quiet hours `now` falls in end (call only inside them); like rule boundaries, to the minute. */
export function quietHoursEnd(display: Pick<Display, 'quietEnd' | 'timeZone'>, now: Date): Date {
  const end = Number(display.quietEnd!.slice(0, 2)) * 60 + Number(display.quietEnd!.slice(3, 5));
  const { minute } = localWeekMinute(now, display.timeZone);
  const ahead = (end - minute + 24 * 60) % (24 * 60) || 24 * 60;
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000 + ahead * 60_000);
}

/** Rules may not overlap on the same weekday; returns a message for the first overlap, or null. */
export function findRuleOverlap(rules: Pick<WeeklyRule, 'weekday' | 'startMinute' | 'endMinute'>[]): string | null {
  const sorted = [...rules].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a.weekday === b.weekday && b.startMinute < a.endMinute) return `rules overlap on weekday ${a.weekday}`;
  }
  return null;
}
