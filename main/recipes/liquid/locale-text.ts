/** What l_date localises: month and day names from Intl, and each language's named date formats. (l_word: locale-words.ts.) */
import { ENGLISH_NAMES, type DateNames } from './ruby-strftime.ts';

function language(locale: string): string {
  return locale.split(/[-_]/)[0].toLowerCase();
}

const namesCache = new Map<string, DateNames>();

/** Month and day names in a locale (English when Intl does not know it). */
export function dateNames(locale: string): DateNames {
  if (language(locale) === 'en' || locale === '') return ENGLISH_NAMES;
  const cached = namesCache.get(locale);
  if (cached) return cached;
  let names: DateNames;
  try {
    const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    const months = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2025, month, 1)));
    const days = Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2025, 0, 5 + day)));
    names = {
      months: months.map((date) => format({ month: 'long' }).format(date)),
      monthsShort: months.map((date) => format({ month: 'short' }).format(date).replace(/\.$/, '')),
      days: days.map((date) => format({ weekday: 'long' }).format(date)),
      daysShort: days.map((date) => format({ weekday: 'short' }).format(date).replace(/\.$/, '')),
      meridiem: ENGLISH_NAMES.meridiem,
    };
  } catch {
    names = ENGLISH_NAMES;
  }
  namesCache.set(locale, names);
  return names;
}

/** Named date formats (l_date with a name instead of a pattern): Rails' English ones, and each language's usual forms. */
const NAMED_DATE_FORMATS: Record<string, Record<string, string>> = {
  en: { default: '%Y-%m-%d', short: '%b %d', long: '%B %d, %Y' },
  de: { default: '%d.%m.%Y', short: '%-d. %b', long: '%-d. %B %Y' },
  fr: { default: '%d/%m/%Y', short: '%-d %b', long: '%-d %B %Y' },
  es: { default: '%d/%m/%Y', short: '%-d %b', long: '%-d de %B de %Y' },
  it: { default: '%d/%m/%Y', short: '%-d %b', long: '%-d %B %Y' },
  nl: { default: '%d-%m-%Y', short: '%-d %b', long: '%-d %B %Y' },
  pt: { default: '%d/%m/%Y', short: '%-d de %b', long: '%-d de %B de %Y' },
};

export function namedDateFormat(name: string, locale: string): string {
  const formats = NAMED_DATE_FORMATS[language(locale)] ?? NAMED_DATE_FORMATS.en;
  return formats[name] ?? formats.default;
}
