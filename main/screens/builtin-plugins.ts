import { z } from 'zod';
import type { BuiltinPluginDto, FieldValue } from '../../contract/screens.ts';
import { BUILTIN_SCREENS, builtinRecipeFolder } from '../builtin-screens/catalogue.ts';
import { refreshBuiltinData } from '../builtin-screens/render.ts';
import type { LoadContext } from '../builtin-screens/time-data.ts';
import { ScreenInputError } from './errors.ts';
import type { RecipeField } from './recipe-port.ts';

/**
 * The built-in plugins (main/builtin-screens/, issue 20) as screens: each is a recipe folder with a
 * data loader in front whose settings are a zod schema. The screen's field values are those
 * settings: one field per top-level setting (a nested one as JSON text), or one `settings` field
 * of JSON when the settings are a choice of shapes.
 */
type JsonSchema = { type?: string; enum?: unknown[]; default?: unknown; format?: string; description?: string; properties?: Record<string, JsonSchema>; required?: string[] };

const WHOLE = 'settings';

/** What built-ins read from the app: the stored weather, and the settings (the AI provider's). */
export type BuiltinSources = LoadContext['app'];

export function listBuiltins(): BuiltinPluginDto[] {
  return BUILTIN_SCREENS.map((s) => ({ id: s.id, name: s.name, description: s.name }));
}

export function isBuiltin(id: string | null): id is string {
  return id !== null && BUILTIN_SCREENS.some((s) => s.id === id);
}

/** The built-in's recipe folder, or null when there is none by that id. */
export function builtinFolder(id: string): string | null {
  return isBuiltin(id) ? builtinRecipeFolder(id) : null;
}

function schemaOf(id: string): JsonSchema {
  return z.toJSONSchema(BUILTIN_SCREENS.find((s) => s.id === id)!.settings, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** The fields the Screens view and the CLI offer for a built-in's settings. */
export function builtinFields(id: string): RecipeField[] {
  const schema = schemaOf(id);
  if (schema.type !== 'object' || !schema.properties) {
    return [{ keyname: WHOLE, name: 'Settings (JSON)', fieldType: 'text', optional: false, multiple: false }];
  }
  return Object.entries(schema.properties).map(([key, prop]) => ({
    keyname: key,
    name: key.replace(/_/g, ' '),
    fieldType: prop.enum ? 'select' : prop.type === 'boolean' ? 'boolean' : prop.type === 'integer' || prop.type === 'number' ? 'number' : prop.format === 'date' ? 'date' : prop.type === 'string' ? 'string' : 'text',
    description: prop.type === 'object' || prop.type === 'array' ? 'JSON' : prop.description,
    optional: !(schema.required ?? []).includes(key),
    multiple: false,
    ...(prop.enum ? { options: prop.enum.map((v) => ({ label: String(v), value: String(v) })) } : {}),
    ...(prop.default !== undefined ? { defaultValue: typeof prop.default === 'object' ? JSON.stringify(prop.default) : String(prop.default) } : {}),
  }));
}

/** The settings object the loader takes, from the screen's field values (text as typed, JSON for nested settings); checked by its schema. */
export function builtinSettings(id: string, values: Record<string, FieldValue>): unknown {
  const schema = schemaOf(id);
  const screen = BUILTIN_SCREENS.find((s) => s.id === id)!;
  let settings: unknown;
  if (schema.type !== 'object' || !schema.properties) {
    settings = parseJson(WHOLE, values[WHOLE] ?? '{}');
  } else {
    const object: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      const prop = schema.properties[key];
      if (!prop) throw new ScreenInputError(`the built-in has no setting "${key}" (its settings: ${Object.keys(schema.properties).join(', ')})`);
      object[key] = typed(key, prop, value);
    }
    settings = object;
  }
  const parsed = screen.settings.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScreenInputError(`${issue.path.join('.') || 'settings'}: ${issue.message}`);
  }
  return parsed.data;
}

/** New data from the built-in's loader; a source that fails keeps `previous` and says why. */
export async function loadBuiltinData(id: string, values: Record<string, FieldValue>, context: LoadContext, previous: unknown) {
  return refreshBuiltinData(id, builtinSettings(id, values), context, previous);
}

function typed(key: string, prop: JsonSchema, value: FieldValue): unknown {
  if (prop.type === 'object' || prop.type === 'array' || prop.type === undefined) return typeof value === 'string' ? parseJson(key, value) : value;
  if (prop.type === 'boolean') return value === true || value === 'true' || value === 'yes' || value === 'on';
  if ((prop.type === 'integer' || prop.type === 'number') && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

function parseJson(key: string, value: FieldValue): unknown {
  try {
    return JSON.parse(String(value));
  } catch {
    throw new ScreenInputError(`setting "${key}" takes JSON`);
  }
}
