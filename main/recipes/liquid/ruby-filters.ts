/**
 * Standard Liquid filters whose liquidjs versions differ from Ruby's: arithmetic keeps Integer
 * and Float apart (`10 | divided_by: 4` is 2, `10.0 | divided_by: 4` is 2.5, `100.0` prints as
 * 100.0), rounding goes half away from zero, text joins print floats as Ruby does, and `date`
 * follows Ruby's parsing and strftime.
 */
import { Drop, type FilterImplOptions } from 'liquidjs';
import { fromRubyNumber, toRubyNumber, type RubyFloat, type RubyNumber } from './ruby-float.ts';
import { rubyStrftime } from './ruby-strftime.ts';
import { rubyText } from './ruby-text.ts';
import { toRubyTime, type TimeContext } from './ruby-time.ts';

function arithmetic(operation: (left: number, right: number, float: boolean) => number): FilterImplOptions {
  return (input: unknown, operand: unknown) => {
    const left = toRubyNumber(input);
    const right = toRubyNumber(operand);
    const float = left.float || right.float;
    return fromRubyNumber({ value: operation(left.value, right.value, float), float });
  };
}

function divide(left: number, right: number, float: boolean): number {
  if (right === 0 && !float) throw new Error('divided by 0');
  return float ? left / right : Math.floor(left / right);
}

function modulo(left: number, right: number, float: boolean): number {
  if (right === 0 && !float) throw new Error('divided by 0');
  return left - right * Math.floor(left / right);
}

/** Ruby's round: half away from zero; with digits a Float stays a Float, without it an Integer. */
function round(input: unknown, digits: unknown = 0): number | RubyFloat {
  const number = toRubyNumber(input);
  const places = toRubyNumber(digits).value;
  const factor = 10 ** places;
  const rounded = (Math.sign(number.value) * Math.round(Math.abs(number.value) * factor + Number.EPSILON)) / factor;
  return fromRubyNumber({ value: rounded, float: number.float && places > 0 });
}

function bound(pick: (a: number, b: number) => boolean): FilterImplOptions {
  return (input: unknown, limit: unknown) => {
    const a: RubyNumber = toRubyNumber(input);
    const b: RubyNumber = toRubyNumber(limit);
    return fromRubyNumber(pick(a.value, b.value) ? a : b);
  };
}

/** Liquid's sum: each item (or its property) as a number; any Float makes the total a Float. */
function sum(input: unknown, property?: unknown): number | RubyFloat {
  const items = Array.isArray(input) ? input.flat(Infinity) : [input];
  const key = property === undefined || property === null ? undefined : rubyText(property);
  let total = 0;
  let float = false;
  for (const item of items) {
    const value = key === undefined ? item : item !== null && typeof item === 'object' && Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
    const number = toRubyNumber(value);
    total += number.value;
    float ||= number.float;
  }
  return fromRubyNumber({ value: total, float });
}

/** first/last as Ruby answers them: an array's element, a hash's [key, value] pair, else nothing. */
function end(pick: (items: unknown[]) => unknown): FilterImplOptions {
  return (input: unknown) => {
    if (Array.isArray(input)) return pick(input);
    if (input !== null && typeof input === 'object' && !(input instanceof Drop)) return pick(Object.entries(input));
    return null;
  };
}

export function rubyFilters(time: TimeContext): Record<string, FilterImplOptions> {
  return {
    plus: arithmetic((a, b) => a + b),
    minus: arithmetic((a, b) => a - b),
    times: arithmetic((a, b) => a * b),
    divided_by: arithmetic(divide),
    modulo: arithmetic(modulo),
    round,
    ceil: (input: unknown) => Math.ceil(toRubyNumber(input).value),
    floor: (input: unknown) => Math.floor(toRubyNumber(input).value),
    abs: (input: unknown) => {
      const number = toRubyNumber(input);
      return fromRubyNumber({ ...number, value: Math.abs(number.value) });
    },
    sum,
    first: end((items) => items[0]),
    last: end((items) => items[items.length - 1]),
    at_least: bound((a, b) => a >= b),
    at_most: bound((a, b) => a <= b),
    append: (input: unknown, suffix: unknown) => rubyText(input) + rubyText(suffix),
    prepend: (input: unknown, prefix: unknown) => rubyText(prefix) + rubyText(input),
    join: (input: unknown, glue: unknown = ' ') => (Array.isArray(input) ? input.map(rubyText).join(rubyText(glue)) : rubyText(input)),
    to_s: (input: unknown) => rubyText(input),
    date: (input: unknown, format: unknown) => {
      const pattern = rubyText(format);
      if (pattern === '' || input === null || input === undefined || input === '') return input;
      const parsed = toRubyTime(input, time);
      return parsed ? rubyStrftime(parsed, pattern) : input;
    },
  };
}
