/**
 * A recipe from a flat folder, a trmnlp project or a TRMNL export ZIP. Everything is checked
 * before anything is returned (archive safety, settings.yml, Liquid that parses, transform.js
 * that compiles); importing reads only and writes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import vm from 'node:vm';
import { RecipeError } from './errors.ts';
import { readRecipeFolder } from './read-folder.ts';
import { SETTINGS_FILE, TRANSFORM_FILE, selectRecipeFiles, type RecipeFileSet } from './recipe-files.ts';
import { checkLiquid } from './render-liquid.ts';
import { parseSettings, parseYamlDocument } from './settings.ts';
import { MARKUP_FILES, RECIPE_LAYOUTS, type Recipe } from './types.ts';
import { readZip } from './zip-archive.ts';

/** `.trmnlp.yml`'s `custom_fields:` values (the rest of it configures trmnlp's own server). */
function trmnlpValues(config: string | undefined): Record<string, unknown> {
  if (config === undefined) return {};
  const document = parseYamlDocument(config, '.trmnlp.yml');
  if (document === null || document === undefined) return {};
  if (typeof document !== 'object' || Array.isArray(document)) throw new RecipeError('invalid-settings', '.trmnlp.yml must be a mapping');
  const fields = (document as Record<string, unknown>).custom_fields;
  if (fields === undefined || fields === null) return {};
  if (typeof fields !== 'object' || Array.isArray(fields)) throw new RecipeError('invalid-settings', '.trmnlp.yml: custom_fields must be a mapping of keyname: value');
  return fields as Record<string, unknown>;
}

function checkTransform(code: string): void {
  try {
    new vm.Script(code, { filename: TRANSFORM_FILE });
  } catch (err) {
    throw new RecipeError('transform-failed', `transform.js does not compile: ${(err as Error).message}`);
  }
}

export function recipeFromFiles({ files, trmnlpConfig }: RecipeFileSet): Recipe {
  const settingsText = files.get(SETTINGS_FILE);
  if (settingsText === undefined) throw new RecipeError('invalid-archive', 'the recipe has no settings.yml');
  const settings = parseSettings(settingsText);
  const markup: Recipe['markup'] = {};
  for (const name of MARKUP_FILES) {
    const text = files.get(`${name}.liquid`);
    if (text !== undefined) markup[name] = text;
  }
  if (!RECIPE_LAYOUTS.some((layout) => markup[layout] !== undefined)) throw new RecipeError('missing-markup', 'the recipe has no markup (full.liquid, half_horizontal.liquid, half_vertical.liquid or quadrant.liquid)');
  const transform = files.get(TRANSFORM_FILE);
  const recipe: Recipe = { settings, markup, transform, values: trmnlpValues(trmnlpConfig) };
  checkLiquid(recipe);
  if (transform !== undefined) checkTransform(transform);
  return recipe;
}

/** The largest ZIP file read from a path (what it may unpack to is limited separately). */
const MAX_ZIP_FILE_BYTES = 20 * 1024 * 1024;

async function readZipFile(file: string): Promise<Map<string, Uint8Array>> {
  const info = await stat(file);
  if (info.size > MAX_ZIP_FILE_BYTES) throw new RecipeError('too-large', `${file} is ${info.size} bytes, more than the ${MAX_ZIP_FILE_BYTES} a recipe ZIP may be`);
  return readZip(await readFile(file));
}

/** A folder path, the path of a ZIP file, or the bytes of a ZIP. */
export async function importRecipe(source: string | Uint8Array): Promise<Recipe> {
  let found: Map<string, Uint8Array>;
  if (typeof source !== 'string') found = readZip(source);
  else found = (await stat(source).catch(() => null))?.isFile() ? await readZipFile(source) : await readRecipeFolder(source);
  return recipeFromFiles(selectRecipeFiles(found));
}
