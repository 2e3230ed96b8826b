import fs from 'node:fs';
import path from 'node:path';
import type { CleanupStep } from '../core/cleanup-step.ts';
import { LIBRARY_DIRS, UPLOAD_TEMP_DIR } from './paths.ts';

/** A file younger than this may belong to an import whose row is not written yet. */
const FILE_GRACE_MS = 3600_000;

/** The cleanup step for the library: originals, thumbnails and variant images that no row names, and upload temp files (left by a crash). */
export const unreferencedLibraryFilesStep: CleanupStep = {
  name: 'library files',
  async run({ app }) {
    const named = new Set((await app.photos.namedFiles()).map((p) => path.normalize(p)));
    const now = app.now().getTime();
    let removed = 0;
    for (const dir of [...Object.values(LIBRARY_DIRS), UPLOAD_TEMP_DIR]) {
      const absolute = path.join(app.dataDir, dir);
      for (const name of fs.existsSync(absolute) ? fs.readdirSync(absolute) : []) {
        const file = path.join(absolute, name);
        if (named.has(path.join(dir, name)) || now - fs.statSync(file).mtimeMs < FILE_GRACE_MS) continue;
        fs.rmSync(file, { force: true });
        removed++;
      }
    }
    return `${removed} library file${removed === 1 ? '' : 's'} no photo or variant names`;
  },
};
