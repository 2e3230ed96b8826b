/**
 * What l_word and pluralize know of languages.
 *
 * l_word looks a word up as TRMNL's does (its `custom_plugins` translations): TRMNL's own words
 * (today, tomorrow, updated, activity, done, due) print as TRMNL prints them in the languages
 * below. Any other word naming a day around today or a calendar field (yesterday, now, day, week,
 * month, year, …) comes from the Unicode CLDR data that Intl carries, in every locale it knows.
 * Anything else prints the word itself.
 *
 * pluralize picks the singular or the plural by the language's CLDR plural rules
 * (Intl.PluralRules: French says "0 jour", Polish "5 dni" takes the plural). Without `plural:`,
 * only English words are inflected (Rails' rules); another language's word stays as it is, as in
 * Rails, which has inflections for English only.
 */
import { pluralizeWord } from './english-words.ts';

const TRMNL_WORDS: Record<string, Record<string, string>> = {
  today: { en: 'today', de: 'Heute', fr: "Aujourd'hui", es: 'Hoy', it: 'Oggi', nl: 'Vandaag', pt: 'Hoje', pl: 'Dzisiaj', ja: '今日' },
  tomorrow: { en: 'tomorrow', de: 'Morgen', fr: 'Demain', es: 'Mañana', it: 'Domani', nl: 'Morgen', pt: 'Amanhã', pl: 'Jutro', ja: '明日' },
  updated: { en: 'Updated', de: 'Aktualisiert', fr: 'Mis à jour', es: 'Actualizado', it: 'Aggiornato', nl: 'Bijgewerkt', pt: 'Atualizado', pl: 'Zaktualizowano', ja: '更新' },
  activity: { en: 'Activity', de: 'Aktivität', fr: 'Activité', es: 'Actividad', it: 'Attività', nl: 'Activiteit', pt: 'Atividade', pl: 'Aktywność', ja: 'アクティビティ' },
  done: { en: 'Done', de: 'Erledigt', fr: 'Terminé', es: 'Hecho', it: 'Fatto', nl: 'Klaar', pt: 'Concluído', pl: 'Gotowe', ja: '完了' },
  due: { en: 'Due', de: 'Fällig', fr: 'Échéance', es: 'Vence', it: 'Scadenza', nl: 'Vervalt', pt: 'Vence', pl: 'Termin', ja: '期限' },
};

/** Words for a day counted from today, as Intl.RelativeTimeFormat says them ("gestern", "jetzt"). */
const RELATIVE: Record<string, [number, Intl.RelativeTimeFormatUnit]> = {
  yesterday: [-1, 'day'], today: [0, 'day'], tomorrow: [1, 'day'], now: [0, 'second'],
};
/** Calendar fields, as Intl.DisplayNames names them ("Woche", "mois"). */
const FIELDS: Record<string, string> = {
  era: 'era', year: 'year', quarter: 'quarter', month: 'month', week: 'weekOfYear', weekday: 'weekday', day: 'day', hour: 'hour', minute: 'minute', second: 'second',
};

/** A BCP 47 tag from what recipes write ("de_AT", "pt-BR"), or undefined if Intl does not take it. */
export function localeTag(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale.trim().replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

export function localWord(word: string, locale: string): string {
  const key = word.trim().toLowerCase();
  const tag = localeTag(locale);
  if (!tag) return word;
  const trmnl = TRMNL_WORDS[key];
  const language = tag.split('-')[0];
  const known = trmnl?.[tag] ?? trmnl?.[language];
  if (known) return known;
  if (RELATIVE[key]) return new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }).format(...RELATIVE[key]);
  if (FIELDS[key]) return new Intl.DisplayNames(tag, { type: 'dateTimeField' }).of(FIELDS[key]) ?? word;
  return word;
}

/**
 * "3 items": the count, then the word in the form the count asks for in the locale. English
 * follows Rails (only a count of 1 or 1.0 is singular); other languages their CLDR plural rules.
 */
export function pluralize(singular: string, countText: string, plural: string | undefined, locale: string): string {
  const tag = localeTag(locale) ?? 'en';
  const english = tag.split('-')[0] === 'en';
  const one = english ? /^1(\.0+)?$/.test(countText) : isOne(countText, tag);
  if (one) return `${countText} ${singular}`;
  return `${countText} ${plural ?? (english ? pluralizeWord(singular) : singular)}`;
}

function isOne(countText: string, tag: string): boolean {
  const count = Number(countText);
  if (countText.trim() === '' || !Number.isFinite(count)) return false;
  return new Intl.PluralRules(tag).select(count) === 'one';
}
