/**
 * What l_word and l_date localise: a few common words (TRMNL's custom_plugins translations for
 * the languages below; any other word or language prints the word itself) and month and day
 * names from Intl.
 */
import { ENGLISH_NAMES, type DateNames } from './ruby-strftime.ts';

const WORDS: Record<string, Record<string, string>> = {
  today: { de: 'Heute', fr: "Aujourd'hui", es: 'Hoy', nl: 'Vandaag', it: 'Oggi', pt: 'Hoje', en: 'Today' },
  tomorrow: { de: 'Morgen', fr: 'Demain', es: 'Mañana', nl: 'Morgen', it: 'Domani', pt: 'Amanhã', en: 'Tomorrow' },
  yesterday: { de: 'Gestern', fr: 'Hier', es: 'Ayer', nl: 'Gisteren', it: 'Ieri', pt: 'Ontem', en: 'Yesterday' },
  now: { de: 'Jetzt', fr: 'Maintenant', es: 'Ahora', nl: 'Nu', it: 'Ora', pt: 'Agora', en: 'Now' },
  week: { de: 'Woche', fr: 'Semaine', es: 'Semana', nl: 'Week', it: 'Settimana', pt: 'Semana', en: 'Week' },
  month: { de: 'Monat', fr: 'Mois', es: 'Mes', nl: 'Maand', it: 'Mese', pt: 'Mês', en: 'Month' },
  year: { de: 'Jahr', fr: 'Année', es: 'Año', nl: 'Jaar', it: 'Anno', pt: 'Ano', en: 'Year' },
  updated: { de: 'Aktualisiert', fr: 'Mis à jour', es: 'Actualizado', nl: 'Bijgewerkt', it: 'Aggiornato', pt: 'Atualizado', en: 'Updated' },
};

function language(locale: string): string {
  return locale.split(/[-_]/)[0].toLowerCase();
}

export function localWord(word: string, locale: string): string {
  const entry = WORDS[word.toLowerCase()];
  return entry?.[locale] ?? entry?.[language(locale)] ?? word;
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
