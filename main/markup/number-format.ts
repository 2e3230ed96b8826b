const UNITS = [
  { value: 1e12, suffix: 'T' },
  { value: 1e9, suffix: 'B' },
  { value: 1e6, suffix: 'M' },
  { value: 1e3, suffix: 'K' },
];

/**
 * A number as the framework's value formatting shows it (`data-value-format`, in the
 * `data-value-locale`): digits grouped and the decimal mark as the locale writes them, or "12.3K"
 * from ten thousand on ("12,3K" in German). The text may hold a plain number as Liquid prints it
 * ("1234.5") or one already written in the locale ("1.234,5", "1 234,5"), with a prefix or suffix
 * ("€ 1.234,5", "1234 kWh").
 */
export function formatValue(text: string, locale = 'en-US'): string {
  const match = /^([^\d-]*?)(-?\d(?:[\d.,'\u00a0\u202f ]*\d)?)(\D*)$/.exec(text.trim());
  if (!match) return text;
  const [, prefix, digits, suffix] = match;
  const n = parseNumber(digits, usable(locale));
  if (!Number.isFinite(n)) return text;
  return `${prefix}${abbreviate(n, locale)}${suffix}`;
}

/** A plain number first (what Liquid prints), else as the locale writes numbers. */
function parseNumber(digits: string, locale: string): number {
  if (/^-?\d+(\.\d+)?$/.test(digits)) return Number(digits);
  const parts = numberFormat(locale, 1).formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const spaces = /[\s\u00a0\u202f]/.test(group) ? /[\s\u00a0\u202f]/g : /$^/g;
  const plain = digits.replace(spaces, '').split(group).join('').split(decimal).join('.');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : NaN;
}

const usableLocales = new Map<string, string>();

/** The locale, or en-US when Intl does not know it (a recipe's typo must not break the drawing). */
function usable(locale: string): string {
  let found = usableLocales.get(locale);
  if (found === undefined) {
    try {
      found = new Intl.NumberFormat(locale).resolvedOptions().locale;
    } catch {
      found = 'en-US';
    }
    usableLocales.set(locale, found);
  }
  return found;
}

// Building an Intl.NumberFormat costs far more than using one: one per locale and precision.
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, maxDigits: number): Intl.NumberFormat {
  const key = `${locale} ${maxDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits });
    formats.set(key, format);
  }
  return format;
}

export function abbreviate(n: number, locale = 'en-US'): string {
  const abs = Math.abs(n);
  for (const { value, suffix } of UNITS) {
    if (abs >= value && abs >= 1e4) {
      const scaled = n / value;
      const digits = Math.abs(scaled) >= 100 ? 0 : 1;
      return `${safeFormat(scaled, locale, digits)}${suffix}`;
    }
  }
  return safeFormat(n, locale, Number.isInteger(n) ? 0 : 2);
}

function safeFormat(n: number, locale: string, maxDigits: number): string {
  return numberFormat(usable(locale), maxDigits).format(n);
}
