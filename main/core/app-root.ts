import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json and resources/, found from this module's own location, so the
 * same code finds its files when it runs from source (main/…) and from the built bundle (dist/main/…).
 */
function findAppRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const APP_ROOT = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));

export const resourcePath = (...parts: string[]): string => path.join(APP_ROOT, 'resources', ...parts);
