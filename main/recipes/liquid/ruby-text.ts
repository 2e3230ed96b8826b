/** How Ruby Liquid prints a value: `{{ x }}`, `append`, `join`. */
import { Drop } from 'liquidjs';
import { RubyFloat } from './ruby-float.ts';
import { RubyTime, rubyTimeText } from './ruby-time.ts';

/** Ruby's `inspect`, for values inside a printed hash. */
function inspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inspect).join(', ')}]`;
  if (value instanceof RubyFloat || value instanceof RubyTime || typeof value !== 'object') return rubyText(value);
  return `{${Object.entries(value).map(([key, inner]) => `${JSON.stringify(key)} => ${inspect(inner)}`).join(', ')}}`;
}

export function rubyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof RubyFloat) return value.toString();
  if (value instanceof RubyTime) return rubyTimeText(value);
  if (Array.isArray(value)) return value.map(rubyText).join('');
  if (value instanceof Drop) return rubyText(value.valueOf());
  if (typeof value === 'object') return inspect(value);
  return String(value);
}
