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

/** The folder (relative, '' for the top) that holds settings.yml, trying trmnlp's src/ first. */
function recipeRoot(paths: string[]): string {
  const has = (path: string) => paths.includes(path);
  if (has(`src/${SETTINGS_FILE}`)) return 'src/';
  if (has(SETTINGS_FILE)) return '';
  const tops = new Set(paths.map((path) => path.split('/')[0]));
  if (tops.size === 1) {
    const [top] = tops;
    if (has(`${top}/src/${SETTINGS_FILE}`)) return `${top}/src/`;
    if (has(`${top}/${SETTINGS_FILE}`)) return `${top}/`;
  }
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
