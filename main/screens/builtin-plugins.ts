import fs from 'node:fs';
import path from 'node:path';
import type { BuiltinPluginDto } from '../../contract/screens.ts';
import { resourcePath } from '../core/app-root.ts';

/**
 * Built-in plugins are recipes in TRMNL's own format, bundled in resources/screens/<id>/ with a
 * `plugin.json` ({ name, description }) beside the settings.yml: a user can export one, change it
 * and import it again like any other recipe.
 */
export const BUILTIN_DIR = resourcePath('screens');

export function listBuiltins(dir = BUILTIN_DIR): BuiltinPluginDto[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'plugin.json')))
    .map((entry) => {
      const meta = JSON.parse(fs.readFileSync(path.join(dir, entry.name, 'plugin.json'), 'utf8')) as { name?: string; description?: string };
      return { id: entry.name, name: meta.name ?? entry.name, description: meta.description ?? '' };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The folder of a built-in, or null when there is none by that id (ids are folder names, never paths). */
export function builtinFolder(id: string, dir = BUILTIN_DIR): string | null {
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id)) return null;
  const folder = path.join(dir, id);
  return fs.existsSync(path.join(folder, 'plugin.json')) ? folder : null;
}
