const UNITS = [
  { value: 1e12, suffix: 'T' },
  { value: 1e9, suffix: 'B' },
  { value: 1e6, suffix: 'M' },
  { value: 1e3, suffix: 'K' },
];

/** A number as the framework's value formatting shows it: grouped digits, or "12.3K" from ten thousand on. */
export function formatValue(text: string, locale = 'en-US'): string {
  const match = /^\s*([^\d-]*?)(-?[\d,]*\.?\d+)(\D*?)\s*$/.exec(text);
  if (!match) return text;
  const [, prefix, digits, suffix] = match;
  const n = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(n)) return text;
  return `${prefix}${abbreviate(n, locale)}${suffix}`;
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
  try {
    return n.toLocaleString(locale, { maximumFractionDigits: maxDigits });
  } catch {
    return n.toLocaleString('en-US', { maximumFractionDigits: maxDigits });
  }
}
