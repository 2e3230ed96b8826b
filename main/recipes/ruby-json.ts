/**
 * JSON as Ruby reads and writes it: a number written with a point or an exponent is a Float
 * (`100.0` stays 100.0 when printed), any other an Integer. JSON.parse cannot tell them apart, so
 * float literals are first turned into marked strings and revived as RubyFloat.
 */
import { randomBytes } from 'node:crypto';
import { RubyFloat, rubyFloatText } from './liquid/ruby-float.ts';
import { RubyTime, rubyTimeText } from './liquid/ruby-time.ts';

/** Index just past the string whose opening quote is at `at`. */
function endOfString(text: string, at: number): number {
  let from = at + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Wraps each number written with a point or exponent in a marked string; skips strings whole. */
function markFloats(text: string, marker: string): string {
  const parts: string[] = [];
  let copied = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      index = endOfString(text, index);
    } else if (code === 45 || isDigit(code)) {
      const begin = index;
      let float = false;
      for (index += 1; index < text.length; index += 1) {
        const next = text.charCodeAt(index);
        if (next === 46 || next === 101 || next === 69) float = true;
        else if (!isDigit(next) && next !== 43 && next !== 45) break;
      }
      if (float) {
        parts.push(text.slice(copied, begin), '"', marker, text.slice(begin, index), '"');
        copied = index;
      }
    } else {
      index += 1;
    }
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Turns marked strings back into floats, in place (faster than a JSON.parse reviver). */
function reviveFloats(value: unknown, marker: string): unknown {
  if (typeof value === 'string') return value.startsWith(marker) ? new RubyFloat(Number(value.slice(marker.length))) : value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) value[index] = reviveFloats(value[index], marker);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = reviveFloats(record[key], marker);
  }
  return value;
}

export function parseRubyJson(text: string): unknown {
  const marker = `@rf${randomBytes(6).toString('hex')}:`;
  return reviveFloats(JSON.parse(markFloats(text, marker)), marker);
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
