import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic-file.ts';

/**
 * Files written for one operation (an import, a new variant). Each is written atomically, so
 * readers never see half a file; `rollback()` removes the ones this batch
 * created when the operation fails later, so nothing half-imported stays.
 */
export class FileBatch {
  private readonly created: string[] = [];

  async write(target: string, data: Uint8Array): Promise<void> {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const existed = await exists(target);
    await writeFileAtomic(target, data);
    if (!existed) this.created.push(target);
  }

  async rollback(): Promise<void> {
    await Promise.all(this.created.map((file) => fs.promises.rm(file, { force: true })));
    this.created.length = 0;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.promises.access(file).then(() => true, () => false);
}
