import { describe, expect, it } from 'vitest';
import { formatValue } from '../../main/markup/number-format.ts';

/** `data-value-format` in the `data-value-locale`: the locale's grouping and decimal mark, in and out. */
describe('value formatting per locale', () => {
  it('writes plain numbers (as Liquid prints them) the way the locale does', () => {
    expect(formatValue('1234.5', 'de-DE')).toBe('1.234,5');
    expect(formatValue('1234.5', 'fr-FR')).toBe('1\u202f234,5');
    expect(formatValue('1234.5', 'en-US')).toBe('1,234.5');
  });

  it('reads numbers already written in the locale, keeping a prefix or unit', () => {
    expect(formatValue('1.234,5', 'de-DE')).toBe('1.234,5');
    expect(formatValue('1 234,5', 'fr-FR')).toBe('1\u202f234,5');
    expect(formatValue('€ 12.345.678,9', 'de-DE')).toBe('€ 12,3M');
    expect(formatValue('1234 kWh', 'de-DE')).toBe('1.234 kWh');
    expect(formatValue('$1,234', 'en-US')).toBe('$1,234');
  });

  it('abbreviates from ten thousand on with the locale\'s decimal mark', () => {
    expect(formatValue('1284300')).toBe('1.3M');
    expect(formatValue('1284300', 'de-DE')).toBe('1,3M');
    expect(formatValue('25400', 'fr-FR')).toBe('25,4K');
  });

  it('leaves text that is not a number, and falls back to en-US for a locale it does not know', () => {
    expect(formatValue('n/a', 'de-DE')).toBe('n/a');
    expect(formatValue('1,2,3', 'de-DE')).toBe('1,2,3');
    expect(formatValue('1234.5', 'not a locale!')).toBe('1,234.5');
  });
});
