import fs from 'node:fs';
import path from 'node:path';
import { copyFileAtomic, writeFileAtomic } from '../core/atomic-file.ts';

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

  /**
   * Puts the file at `source` in place at `target`, atomically as write() does: copied (through a
   * temp name, flushed), or with `move` renamed there when both are on one file system (an
   * upload's temp file in the data dir). Never read into memory.
   */
  async place(target: string, source: string, move = false): Promise<void> {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const existed = await exists(target);
    if (!(move && (await renamed(source, target)))) await copyFileAtomic(source, target);
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

async function renamed(source: string, target: string): Promise<boolean> {
  try {
    await fs.promises.rename(source, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EXDEV') return false;
    throw error;
  }
}
