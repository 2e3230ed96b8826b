/**
 * A recipe as a set of named files, the shape shared by a flat folder, a trmnlp project
 * (`.trmnlp.yml` + `src/`) and TRMNL's export ZIP (flat, sometimes inside one folder).
 */
import { RecipeError } from './errors.ts';
import { MARKUP_FILES } from './types.ts';

export const SETTINGS_FILE = 'settings.yml';
export const TRANSFORM_FILE = 'transform.js';
export const TRMNLP_CONFIG_FILE = '.trmnlp.yml';
export const RECIPE_FILE_NAMES = [SETTINGS_FILE, TRANSFORM_FILE, ...MARKUP_FILES.map((name) => `${name}.liquid`)];

/** The recipe's own files (by bare name) and the trmnlp config beside them, if any. */
export interface RecipeFileSet {
  files: Map<string, string>;
  trmnlpConfig?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(name: string, content: Uint8Array): string {
  try {
    return decoder.decode(content).replace(/^\uFEFF/, '');
  } catch {
    throw new RecipeError('invalid-archive', `${name} is not UTF-8 text`);
  }
}

/**
 * The folder (relative, '' for the top) that holds settings.yml: the top, trmnlp's src/, or the
 * one folder anywhere that has one (a repository's download ZIP puts everything a level or two
 * down). Several recipes in one archive are refused rather than guessed between.
 */
function recipeRoot(paths: string[]): string {
  if (paths.includes(`src/${SETTINGS_FILE}`)) return 'src/';
  if (paths.includes(SETTINGS_FILE)) return '';
  const folders = paths.filter((path) => path.endsWith(`/${SETTINGS_FILE}`)).map((path) => path.slice(0, -SETTINGS_FILE.length));
  // A project folder whose src/ also has a settings.yml is one recipe: trmnlp's src/ wins.
  const recipes = folders.filter((folder) => !folders.includes(`${folder}src/`));
  if (recipes.length === 1) return recipes[0];
  if (recipes.length > 1) throw new RecipeError('invalid-archive', `the archive holds several recipes (${recipes.slice(0, 5).join(', ')}); import one of them`);
  throw new RecipeError('invalid-archive', 'no settings.yml found (expected at the top, in src/ of a trmnlp project, or in one folder)');
}

/** Picks the recipe's files out of every file found (paths relative, forward slashes). */
export function selectRecipeFiles(found: Map<string, Uint8Array>): RecipeFileSet {
  const root = recipeRoot([...found.keys()]);
  const files = new Map<string, string>();
  for (const name of RECIPE_FILE_NAMES) {
    const content = found.get(root + name);
    if (content) files.set(name, decode(name, content));
  }
  const projectRoot = root.endsWith('src/') ? root.slice(0, -'src/'.length) : root;
  const config = found.get(projectRoot + TRMNLP_CONFIG_FILE);
  return { files, trmnlpConfig: config ? decode(TRMNLP_CONFIG_FILE, config) : undefined };
}
