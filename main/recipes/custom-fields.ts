/**
 * settings.yml's `custom_fields`: reading the declarations, and turning what a user chose (or
 * the defaults) into `trmnl.plugin_settings.custom_fields_values` as TRMNL hands them to Liquid:
 * strings everywhere, a multi-select as an array, a multi_string as one comma-joined string.
 */
import { RecipeError } from './errors.ts';
import type { CustomField, CustomFieldType, FieldValues, Recipe, SelectOption } from './types.ts';

const FIELD_TYPES = new Set<CustomFieldType>([
  'string', 'text', 'number', 'select', 'boolean', 'date', 'time', 'password', 'multi_string',
  'copyable_webhook_url', 'copyable', 'url', 'author_bio', 'xhrSelect', 'xhrSelectSearch',
]);

/** Types the user does not fill in: text shown to them, a URL to copy. */
const DISPLAY_ONLY = new Set<CustomFieldType>(['author_bio', 'copyable', 'copyable_webhook_url']);

/** A YAML scalar as TRMNL's form would hold it (Ruby's `to_s`: true → "true", 5 → "5"). */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function parseOption(option: unknown, keyname: string): SelectOption {
  if (option !== null && typeof option === 'object' && !Array.isArray(option)) {
    const entries = Object.entries(option);
    if (entries.length !== 1) throw new RecipeError('invalid-settings', `custom field "${keyname}": an option must be a value or one "Label: value" pair`);
    return { label: entries[0][0], value: scalarText(entries[0][1]) };
  }
  if (Array.isArray(option)) throw new RecipeError('invalid-settings', `custom field "${keyname}": an option cannot be a list`);
  return { label: scalarText(option), value: scalarText(option) };
}

function parseDefault(raw: unknown, multiple: boolean): string | string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (multiple) return Array.isArray(raw) ? raw.map(scalarText) : scalarText(raw).split(',').map((part) => part.trim()).filter(Boolean);
  return Array.isArray(raw) ? raw.map(scalarText).join(',') : scalarText(raw);
}

function text(raw: unknown): string | undefined {
  return raw === undefined || raw === null ? undefined : scalarText(raw);
}

export function parseCustomFields(raw: unknown): CustomField[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new RecipeError('invalid-settings', 'custom_fields must be a list');
  const seen = new Set<string>();
  return raw.map((entry, index): CustomField => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new RecipeError('invalid-settings', `custom_fields[${index}] must be a mapping`);
    const field = entry as Record<string, unknown>;
    const keyname = text(field.keyname)?.trim();
    if (!keyname) throw new RecipeError('invalid-settings', `custom_fields[${index}] has no keyname`);
    if (seen.has(keyname)) throw new RecipeError('invalid-settings', `custom field "${keyname}" is declared twice`);
    seen.add(keyname);
    const fieldType = (text(field.field_type) ?? 'string') as CustomFieldType;
    if (!FIELD_TYPES.has(fieldType)) throw new RecipeError('invalid-settings', `custom field "${keyname}" has an unknown field_type "${fieldType}"`);
    const multiple = fieldType === 'select' && (field.multiple === true || field.multiple === 'true');
    let options: SelectOption[] | undefined;
    if (field.options !== undefined && field.options !== null) {
      if (!Array.isArray(field.options)) throw new RecipeError('invalid-settings', `custom field "${keyname}": options must be a list`);
      options = field.options.map((option) => parseOption(option, keyname));
    }
    if (fieldType === 'select' && !options?.length) throw new RecipeError('invalid-settings', `custom field "${keyname}" is a select without options`);
    return {
      keyname,
      name: text(field.name) ?? keyname,
      fieldType,
      description: text(field.description),
      placeholder: text(field.placeholder),
      helpText: text(field.help_text),
      optional: field.optional === true || field.optional === 'true',
      defaultValue: parseDefault(field.default, multiple),
      options,
      multiple,
    };
  });
}

/** One field's value from user input (a string, a number, a boolean or a list). */
function normalizeValue(field: CustomField, raw: unknown): string | string[] {
  const list = Array.isArray(raw) ? raw.map(scalarText) : undefined;
  if (field.multiple) return list ?? scalarText(raw).split(',').map((part) => part.trim()).filter(Boolean);
  if (list) return list.join(',');
  return scalarText(raw);
}

function checkValue(field: CustomField, value: string | string[]): string | null {
  const values = Array.isArray(value) ? value : [value];
  if (field.fieldType === 'select' && field.options) {
    const allowed = new Set(field.options.map((option) => option.value));
    const bad = values.find((one) => !allowed.has(one));
    if (bad !== undefined) return `"${field.name}" must be one of ${field.options.map((option) => option.value).join(', ')} (got "${bad}")`;
  }
  if (field.fieldType === 'number' && values[0] !== '' && !Number.isFinite(Number(values[0]))) return `"${field.name}" must be a number (got "${values[0]}")`;
  if (field.fieldType === 'boolean' && !['', 'true', 'false'].includes(values[0])) return `"${field.name}" must be true or false (got "${values[0]}")`;
  if (field.fieldType === 'date' && values[0] !== '' && !/^\d{4}-\d{2}-\d{2}/.test(values[0])) return `"${field.name}" must be a date like 2025-01-31 (got "${values[0]}")`;
  return null;
}

/**
 * The values the Liquid sees: the user's value where given, else the recipe's own, else the
 * default. Throws a RecipeError naming every unknown key and bad value; `requireAll` also
 * refuses a missing non-optional field (on save; a preview renders with what it has).
 */
export function resolveFieldValues(fields: CustomField[], given: Record<string, unknown>, options: { requireAll?: boolean } = {}): FieldValues {
  const problems: string[] = [];
  const byKey = new Map(fields.map((field) => [field.keyname, field]));
  for (const key of Object.keys(given)) if (!byKey.has(key)) problems.push(`unknown field "${key}"`);
  const values: FieldValues = {};
  for (const field of fields) {
    const raw = given[field.keyname];
    const value = raw === undefined || raw === null ? field.defaultValue : normalizeValue(field, raw);
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      if (options.requireAll && !field.optional && !DISPLAY_ONLY.has(field.fieldType)) problems.push(`"${field.name}" (${field.keyname}) is required`);
      values[field.keyname] = field.multiple ? [] : '';
      continue;
    }
    const problem = checkValue(field, value);
    if (problem) problems.push(problem);
    values[field.keyname] = value;
  }
  if (problems.length > 0) throw new RecipeError('invalid-settings', problems.join('; '));
  return values;
}

/**
 * A screen's values over the recipe's own (a trmnlp project's `.trmnlp.yml`, whose keys that
 * settings.yml does not declare are ignored, as trmnlp ignores them) and the defaults.
 */
export function recipeFieldValues(recipe: Recipe, given: Record<string, unknown>, options: { requireAll?: boolean } = {}): FieldValues {
  const declared = new Set(recipe.settings.customFields.map((field) => field.keyname));
  const own = Object.fromEntries(Object.entries(recipe.values).filter(([key]) => declared.has(key)));
  return resolveFieldValues(recipe.settings.customFields, { ...own, ...given }, options);
}
