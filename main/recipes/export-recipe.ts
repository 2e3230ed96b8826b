/**
 * A recipe as TRMNL's export ZIP (flat: settings.yml, the .liquid files, transform.js), and as
 * those files in a folder. The screen's field values become the fields' defaults, so importing
 * the ZIP again gives the same screen; passwords are left out, never exported.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { SETTINGS_FILE, TRANSFORM_FILE } from './recipe-files.ts';
import type { Recipe } from './types.ts';
import { MARKUP_FILES } from './types.ts';
import { writeZip } from './zip-archive.ts';

function settingsWithDefaults(recipe: Recipe, values: Record<string, unknown>): Record<string, unknown> {
  const raw = { ...recipe.settings.raw };
  if (Array.isArray(raw.custom_fields)) {
    raw.custom_fields = raw.custom_fields.map((entry) => {
      if (entry === null || typeof entry !== 'object') return entry;
      const field = { ...(entry as Record<string, unknown>) };
      const value = values[String(field.keyname)];
      if (field.field_type === 'password') delete field.default;
      else if (value !== undefined) field.default = value;
      return field;
    });
  }
  return raw;
}

export function recipeFiles(recipe: Recipe, values: Record<string, unknown> = {}): Map<string, string> {
  const files = new Map<string, string>();
  files.set(SETTINGS_FILE, stringify(settingsWithDefaults(recipe, values), { version: '1.1', lineWidth: 0 }));
  for (const name of MARKUP_FILES) {
    const markup = recipe.markup[name];
    if (markup !== undefined) files.set(`${name}.liquid`, markup);
  }
  if (recipe.transform !== undefined) files.set(TRANSFORM_FILE, recipe.transform);
  return files;
}

export function exportRecipe(recipe: Recipe, values: Record<string, unknown> = {}): Buffer {
  return writeZip(recipeFiles(recipe, values));
}

/** Writes the recipe's files into `folder` (created if missing); only fixed names, so nothing lands outside it. */
export async function writeRecipeFolder(recipe: Recipe, folder: string, values: Record<string, unknown> = {}): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const [name, content] of recipeFiles(recipe, values)) await writeFile(path.join(folder, name), content);
}
