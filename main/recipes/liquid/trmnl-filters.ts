/** The trmnl-liquid filters (DESIGN.md §12), with the semantics of TRMNL's Ruby implementation. */
import { randomBytes } from 'node:crypto';
import type { FilterImplOptions } from 'liquidjs';
import { marked } from 'marked';
import { generateRubyJson, parseRubyJson } from '../ruby-json.ts';
import { ordinalNumber } from './english-words.ts';
import { dateNames, namedDateFormat } from './locale-text.ts';
import { localWord, pluralize } from './locale-words.ts';
import { numberToCurrency, numberWithDelimiter } from './number-format.ts';
import { qrCodeSvg } from './qr-code.ts';
import { toRubyNumber } from './ruby-float.ts';
import { rubyStrftime } from './ruby-strftime.ts';
import { rubyText } from './ruby-text.ts';
import { RubyTime, timeInZone, toRubyTime, type TimeContext } from './ruby-time.ts';
import { relativeTime } from './relative-time.ts';

type KeywordArgument = [string, unknown];

function keywordArguments(args: unknown[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const arg of args) if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string') options[(arg as KeywordArgument)[0]] = arg[1];
  return options;
}

/** An item's own property (never one inherited, such as `constructor`). */
function property(item: unknown, key: string): unknown {
  return item !== null && typeof item === 'object' && Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
}

/** Ruby's `==` between a value from data and one from the template. */
function sameValue(a: unknown, b: unknown): boolean {
  const left = a !== null && typeof a === 'object' && !Array.isArray(a) ? a.valueOf() : a;
  const right = b !== null && typeof b === 'object' && !Array.isArray(b) ? b.valueOf() : b;
  return left === right;
}

function rubyToInteger(value: unknown): number {
  if (typeof value === 'string') {
    const leading = /^\s*[+-]?\d+/.exec(value);
    return leading ? Number(leading[0]) : 0;
  }
  return Math.trunc(toRubyNumber(value).value);
}

export function trmnlFilters(time: TimeContext): Record<string, FilterImplOptions> {
  return {
    number_with_delimiter: numberWithDelimiter,
    number_to_currency: numberToCurrency,
    l_word: (word: unknown, locale: unknown) => localWord(rubyText(word), rubyText(locale)),
    l_date: (input: unknown, format: unknown, locale: unknown = 'en') => {
      const parsed = toRubyTime(input, time);
      if (!parsed) return input;
      const pattern = rubyText(format);
      const strftime = pattern.includes('%') ? pattern : namedDateFormat(pattern, rubyText(locale));
      return rubyStrftime(parsed, strftime, dateNames(rubyText(locale)));
    },
    days_ago: (days: unknown, zone: unknown = 'Etc/UTC') => {
      const today = timeInZone(time.now.getTime(), rubyText(zone) || 'Etc/UTC');
      const wall = today.wall();
      const date = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()) - rubyToInteger(days) * 86_400_000;
      return new RubyTime(date, 0, '', true);
    },
    pluralize: (singular: unknown, count: unknown, ...rest: unknown[]) => {
      const options = keywordArguments(rest);
      const countText = count === null || count === undefined ? '0' : rubyText(count);
      const plural = options.plural === undefined ? undefined : rubyText(options.plural);
      return pluralize(rubyText(singular), countText, plural, options.locale === undefined ? 'en' : rubyText(options.locale));
    },
    ordinalize: (input: unknown, format: unknown) => {
      const parsed = toRubyTime(input, time);
      if (!parsed) return input;
      const day = ordinalNumber(parsed.wall().getUTCDate());
      return rubyStrftime(parsed, rubyText(format).replace(/<<ordinal_day>>/g, day));
    },
    relative_time: (input: unknown, from: unknown, locale: unknown = 'en') => relativeTime(input, from, time, rubyText(locale)),
    group_by: (collection: unknown, key: unknown) => {
      const groups: Record<string, unknown[]> = {};
      for (const item of Array.isArray(collection) ? collection : []) {
        const group = rubyText(property(item, rubyText(key)));
        (groups[group] ??= []).push(item);
      }
      return groups;
    },
    find_by: (collection: unknown, key: unknown, value: unknown, fallback: unknown = null) =>
      (Array.isArray(collection) ? collection.find((item) => sameValue(property(item, rubyText(key)), value)) : undefined) ?? fallback,
    map_to_i: (collection: unknown) => (Array.isArray(collection) ? collection.map(rubyToInteger) : []),
    sample: (collection: unknown) => (Array.isArray(collection) && collection.length > 0 ? collection[Math.floor(Math.random() * collection.length)] : null),
    json: (value: unknown) => generateRubyJson(value),
    parse_json: (text: unknown) => {
      try {
        return parseRubyJson(rubyText(text));
      } catch (err) {
        throw new Error(`parse_json: ${(err as Error).message}`, { cause: err });
      }
    },
    markdown_to_html: (text: unknown) => marked.parse(rubyText(text), { async: false, gfm: false }),
    qr_code: (data: unknown, size: unknown = 11, level: unknown = '') => qrCodeSvg(rubyText(data), toRubyNumber(size).value || 11, rubyText(level)),
    append_random: (value: unknown) => `${rubyText(value)}${randomBytes(2).toString('hex')}`,
  };
}
