import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Writes to a temp name in the same folder, flushes it, then renames it into place: readers never see half a file. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, mode = 0o644): void {
  const temp = tempNameFor(target);
  const fd = fs.openSync(temp, 'w', mode);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const temp = tempNameFor(target);
  const handle = await fs.promises.open(temp, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(temp, target);
}

function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
}
