/**
 * Ruby keeps integers and floats apart and prints a float as a float (`100.0`, `2.5e-05`); a
 * JavaScript number cannot say which it is. A RubyFloat carries a value that was a float (a
 * literal with a point, a JSON number with a point or exponent, a float result) through liquidjs,
 * which reads it through valueOf() in comparisons and arithmetic.
 */
import { Drop } from 'liquidjs';

export class RubyFloat extends Drop {
  constructor(readonly value: number) {
    super();
  }

  override valueOf(): number {
    return this.value;
  }

  override toString(): string {
    return rubyFloatText(this.value);
  }

  toJSON(): number {
    return this.value;
  }
}

/** Ruby's Float#to_s. */
export function rubyFloatText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e16 || magnitude < 1e-4)) {
    const [mantissa, exponent] = value.toExponential().split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}e${sign}${digits}`;
  }
  const text = String(value);
  return Number.isInteger(value) ? `${text}.0` : text;
}

/** A number with Ruby's type: an Integer or a Float. */
export interface RubyNumber {
  value: number;
  float: boolean;
}

/** Liquid's Utils.to_number: "3.5" is a float, "12abc" is 12, anything else 0. */
export function toRubyNumber(input: unknown): RubyNumber {
  if (input instanceof RubyFloat) return { value: input.value, float: true };
  if (typeof input === 'number') return { value: input, float: !Number.isInteger(input) };
  if (typeof input === 'string') {
    const text = input.trim();
    if (/^-?\d+\.\d+$/.test(text)) return { value: Number(text), float: true };
    const leading = /^[+-]?\d+/.exec(text);
    return { value: leading ? Number(leading[0]) : 0, float: false };
  }
  if (input instanceof Drop) return toRubyNumber(input.valueOf());
  return { value: 0, float: false };
}

/** A result back into a Liquid value: a RubyFloat for a float, a plain number for an Integer. */
export function fromRubyNumber(number: RubyNumber): number | RubyFloat {
  return number.float ? new RubyFloat(number.value) : number.value;
}
