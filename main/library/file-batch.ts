import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Files written for one operation (an import, a new variant). Each is written to a temp name and
 * renamed into place, so readers never see half a file; `rollback()` removes the ones this batch
 * created when the operation fails later, so nothing half-imported stays.
 */
export class FileBatch {
  private readonly created: string[] = [];

  async write(target: string, data: Uint8Array): Promise<void> {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const existed = await exists(target);
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await fs.promises.open(temp, 'w', 0o644);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(temp, target);
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
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
