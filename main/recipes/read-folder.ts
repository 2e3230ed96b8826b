/** Reads the files a recipe may have from a folder, refusing links and oversized files. */
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { RecipeError } from './errors.ts';
import { RECIPE_FILE_NAMES, TRMNLP_CONFIG_FILE } from './recipe-files.ts';
import { RECIPE_ZIP_LIMITS } from './zip-archive.ts';

const CANDIDATES = [
  ...RECIPE_FILE_NAMES,
  ...RECIPE_FILE_NAMES.map((name) => `src/${name}`),
  TRMNLP_CONFIG_FILE,
];

async function readIfFile(root: string, relative: string): Promise<Uint8Array | null> {
  const full = path.join(root, relative);
  let info;
  try {
    info = await lstat(full);
  } catch {
    return null;
  }
  if (info.isSymbolicLink()) throw new RecipeError('unsafe-path', `${relative} is a symbolic link; copy the file itself into the recipe`);
  if (!info.isFile()) return null;
  if (info.size > RECIPE_ZIP_LIMITS.maxEntryBytes) throw new RecipeError('too-large', `${relative} is ${info.size} bytes, more than the ${RECIPE_ZIP_LIMITS.maxEntryBytes} allowed`);
  return readFile(full);
}

export async function readRecipeFolder(folder: string): Promise<Map<string, Uint8Array>> {
  const info = await lstat(folder).catch(() => null);
  if (!info?.isDirectory()) throw new RecipeError('invalid-archive', `${folder} is not a folder`);
  const found = new Map<string, Uint8Array>();
  for (const relative of CANDIDATES) {
    const content = await readIfFile(folder, relative);
    if (content) found.set(relative, content);
  }
  return found;
}
