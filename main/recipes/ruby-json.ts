/**
 * JSON as Ruby reads and writes it: a number written with a point or an exponent is a Float
 * (`100.0` stays 100.0 when printed), any other an Integer. JSON.parse cannot tell them apart, so
 * float literals are first turned into marked strings and revived as RubyFloat.
 */
import { randomBytes } from 'node:crypto';
import { RubyFloat, rubyFloatText } from './liquid/ruby-float.ts';
import { RubyTime, rubyTimeText } from './liquid/ruby-time.ts';

const NUMBER_CHARS = /[0-9eE+\-.]/;

function markFloats(text: string, marker: string): string {
  let out = '';
  let start = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      index += 1;
      while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      index += 1;
      continue;
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      const begin = index;
      while (index < text.length && NUMBER_CHARS.test(text[index])) index += 1;
      const literal = text.slice(begin, index);
      if (/[.eE]/.test(literal)) {
        out += `${text.slice(start, begin)}"${marker}${literal}"`;
        start = index;
      }
      continue;
    }
    index += 1;
  }
  return out + text.slice(start);
}

export function parseRubyJson(text: string): unknown {
  const marker = `@rf${randomBytes(6).toString('hex')}:`;
  const marked = markFloats(text, marker);
  return JSON.parse(marked, (_key, value) => (typeof value === 'string' && value.startsWith(marker) ? new RubyFloat(Number(value.slice(marker.length))) : value));
}

/** Ruby's JSON.generate. */
export function generateRubyJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof RubyFloat) return Number.isFinite(value.value) ? rubyFloatText(value.value) : 'null';
  if (value instanceof RubyTime) return JSON.stringify(rubyTimeText(value));
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(generateRubyJson).join(',')}]`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([key, inner]) => `${JSON.stringify(key)}:${generateRubyJson(inner)}`).join(',')}}`;
  return 'null';
}
