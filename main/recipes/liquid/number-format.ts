/** number_with_delimiter and number_to_currency as Rails' NumberHelper writes them. */
import { rubyText } from './ruby-text.ts';
import { toRubyNumber } from './ruby-float.ts';

/** Currency unit and placement for the locales number_to_currency accepts instead of a unit. */
const CURRENCY_LOCALES: Record<string, { unit: string; format: string }> = {
  en: { unit: '$', format: '%u%n' },
  'en-US': { unit: '$', format: '%u%n' },
  'en-GB': { unit: '£', format: '%u%n' },
  de: { unit: '€', format: '%n %u' },
  fr: { unit: '€', format: '%n %u' },
  es: { unit: '€', format: '%n %u' },
  it: { unit: '€', format: '%n %u' },
  nl: { unit: '€', format: '%u %n' },
  pt: { unit: '€', format: '%u%n' },
  'pt-BR': { unit: 'R$', format: '%u %n' },
  ja: { unit: '円', format: '%n%u' },
  sv: { unit: 'kr', format: '%n %u' },
  pl: { unit: 'zł', format: '%n %u' },
};

function groupDigits(integer: string, delimiter: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, delimiter);
}

export function numberWithDelimiter(input: unknown, delimiter: unknown = ',', separator: unknown = '.'): unknown {
  const text = rubyText(input).trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return input;
  const [, sign, integer, fraction] = match;
  return `${sign}${groupDigits(integer, rubyText(delimiter))}${fraction === undefined ? '' : rubyText(separator) + fraction}`;
}

export function numberToCurrency(input: unknown, unitOrLocale: unknown = '$', delimiter: unknown = ',', separator: unknown = '.', precision: unknown = 2): unknown {
  const text = rubyText(input).trim();
  if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) return input;
  const places = Math.max(0, toRubyNumber(precision).value);
  const value = Number(text);
  const fixed = Math.abs(value).toFixed(places);
  const [integer, fraction] = fixed.split('.');
  const number = `${groupDigits(integer, rubyText(delimiter))}${fraction === undefined ? '' : rubyText(separator) + fraction}`;
  const choice = rubyText(unitOrLocale);
  const locale = CURRENCY_LOCALES[choice];
  const unit = locale ? locale.unit : choice;
  const format = locale ? locale.format : '%u%n';
  const formatted = format.replace('%u', unit).replace('%n', number);
  return value < 0 && Number(fixed) !== 0 ? `-${formatted}` : formatted;
}
