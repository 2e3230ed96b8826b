/**
 * trmnl-liquid's relative_time ("3 hours ago", "in 2 days", "just now"): in English as it
 * prints it, in another locale as CLDR says it (Intl.RelativeTimeFormat: "vor 3 Stunden").
 */
import { localeTag } from './locale-words.ts';
import { rubyText } from './ruby-text.ts';
import { toRubyTime, type TimeContext } from './ruby-time.ts';

const INTERVALS: [string, number][] = [
  ['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3_600], ['minute', 60],
];

export function relativeTime(input: unknown, from: unknown, time: TimeContext, locale = 'en'): string {
  const target = toRubyTime(input, time);
  if (!target) return rubyText(input);
  const base = from === undefined || from === null || from === '' ? time.now.getTime() : toRubyTime(from, time)?.epochMs ?? time.now.getTime();
  const seconds = Math.trunc((target.epochMs - base) / 1000);
  const interval = INTERVALS.find(([, length]) => Math.abs(seconds) >= length);
  const other = otherLanguage(locale);
  if (!interval) return other ? new Intl.RelativeTimeFormat(other, { numeric: 'auto' }).format(0, 'second') : 'just now';
  const count = Math.floor(Math.abs(seconds) / interval[1]);
  if (other) return new Intl.RelativeTimeFormat(other).format(Math.sign(seconds) * count, interval[0] as Intl.RelativeTimeFormatUnit);
  const phrase = `${count} ${interval[0]}${count === 1 ? '' : 's'}`;
  return seconds > 0 ? `in ${phrase}` : `${phrase} ago`;
}

/** The locale's tag when it is a language other than English. */
function otherLanguage(locale: string): string | undefined {
  const tag = localeTag(locale);
  return tag && !tag.startsWith('en') ? tag : undefined;
}
