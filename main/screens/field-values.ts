import type { FieldValue } from '../../contract/screens.ts';
import type { RecipeField } from './recipe-port.ts';

export class FieldValueError extends Error {}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

/**
 * `KEY=VALUE` words from the command line as typed values for the recipe's fields; a multi-select
 * field gets one word per chosen value.
 */
export function fieldValuesFromWords(fields: RecipeField[], words: string[]): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq <= 0) throw new FieldValueError(`"${word}" is not KEY=VALUE`);
    const key = word.slice(0, eq);
    const field = fieldNamed(fields, key);
    const raw = word.slice(eq + 1);
    if (field.type === 'select' && field.multiple) {
      const chosen = values[key];
      values[key] = [...(Array.isArray(chosen) ? chosen : []), raw];
    } else {
      values[key] = raw;
    }
  }
  return checkFieldValues(fields, values);
}

/** Values checked against the recipe's fields and brought to the field's type; unknown keys and impossible values are refused. */
export function checkFieldValues(fields: RecipeField[], values: Record<string, FieldValue | null>): Record<string, FieldValue> {
  const checked: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null) continue;
    checked[key] = typedValue(fieldNamed(fields, key), value);
  }
  return checked;
}

/** The value each field has: the user's, else the recipe's default. */
export function effectiveValues(fields: RecipeField[], values: Record<string, FieldValue>): Record<string, FieldValue> {
  const effective: Record<string, FieldValue> = {};
  for (const field of fields) {
    const value = values[field.keyname] ?? field.default;
    if (value !== null && value !== undefined) effective[field.keyname] = value;
  }
  return effective;
}

function fieldNamed(fields: RecipeField[], key: string): RecipeField {
  const field = fields.find((f) => f.keyname === key);
  if (field) return field;
  const known = fields.map((f) => f.keyname).join(', ') || 'none';
  throw new FieldValueError(`the recipe has no field "${key}" (its fields: ${known})`);
}

function typedValue(field: RecipeField, value: FieldValue): FieldValue {
  const label = `field "${field.keyname}"`;
  switch (field.type) {
    case 'number': {
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      if (Array.isArray(value) || String(value).trim() === '' || !Number.isFinite(number)) throw new FieldValueError(`${label} takes a number, not "${String(value)}"`);
      return number;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const word = String(value).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      throw new FieldValueError(`${label} takes true or false, not "${String(value)}"`);
    }
    case 'select': {
      const chosen = Array.isArray(value) ? value : [String(value)];
      if (!field.multiple && chosen.length !== 1) throw new FieldValueError(`${label} takes one option`);
      const allowed = field.options?.map((o) => o.value);
      const wrong = allowed ? chosen.find((c) => !allowed.includes(c)) : undefined;
      if (wrong !== undefined) throw new FieldValueError(`${label} has no option "${wrong}" (options: ${allowed!.join(', ')})`);
      return field.multiple ? chosen : chosen[0];
    }
    case 'date': {
      const text = String(value).trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw new FieldValueError(`${label} takes a date as YYYY-MM-DD, not "${text}"`);
      return text;
    }
    default:
      if (Array.isArray(value)) return value.join(',');
      return String(value);
  }
}
