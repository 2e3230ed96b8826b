import type { FieldValue } from '../../contract/screens.ts';
import { ScreenInputError } from './errors.ts';
import type { RecipeField } from './recipe-port.ts';

/**
 * `KEY=VALUE` words from the command line as values for the recipe's fields: a multi-select field
 * gets one word per chosen value (an array); the recipe machinery checks them afterwards.
 */
export function valuesFromWords(fields: RecipeField[], words: string[]): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq <= 0) throw new ScreenInputError(`"${word}" is not KEY=VALUE`);
    const key = word.slice(0, eq);
    const value = word.slice(eq + 1);
    const field = fields.find((f) => f.keyname === key);
    if (field?.fieldType === 'select' && field.multiple) {
      const chosen = values[key];
      values[key] = [...(Array.isArray(chosen) ? chosen : []), value];
    } else {
      values[key] = value;
    }
  }
  return values;
}
