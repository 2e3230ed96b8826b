import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * part: a temp file in the same folder (same file system, so the rename is atomic), flushed to
 * disk, then renamed over the target. On failure the temp file is removed.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, mode = 0o644): Promise<void> {
  await replaceFrom(target, (temp) => writeFlushed(temp, data, mode));
}

/**
 * The first half of writeFileAtomic: `data` in a new temp file beside `target`, flushed to disk;
 * answers the temp file's name. Renamed over the target later (by another process even: an image
 * process writes, the server places), it appears whole. On failure nothing is left.
 */
export async function writeFlushedBeside(target: string, data: Uint8Array, mode = 0o644): Promise<string> {
  const temp = tempNameFor(target);
  try {
    await writeFlushed(temp, data, mode);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  }
  return temp;
}

async function writeFlushed(file: string, data: Uint8Array | string, mode: number): Promise<void> {
  const handle = await fs.promises.open(file, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The same for a copy of a file, streamed by the kernel (copy_file_range where it can), never read into memory. */
export async function copyFileAtomic(source: string, target: string, mode = 0o644): Promise<void> {
  await replaceFrom(target, async (temp) => {
    await fs.promises.copyFile(source, temp, fs.constants.COPYFILE_EXCL);
    await fs.promises.chmod(temp, mode);
    const handle = await fs.promises.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

/** Fills a temp file beside the target, then renames it over the target; the temp file goes on failure. */
async function replaceFrom(target: string, fill: (temp: string) => Promise<void>): Promise<void> {
  const temp = tempNameFor(target);
  try {
    await fill(temp);
    await fs.promises.rename(temp, target);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  }
}

/** The same, for start-up code that has nothing else to do meanwhile (the TLS certificate). */
export function writeFileAtomicSync(target: string, data: Uint8Array | string, mode = 0o644): void {
  const temp = tempNameFor(target);
  try {
    writeFlushedSync(temp, data, mode);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/** A new file with `data`, flushed to disk before it is linked or renamed into place. */
function writeFlushedSync(file: string, data: Uint8Array | string, mode: number): void {
  const fd = fs.openSync(file, 'wx', mode);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
}

/** What link(2) answers on a file system without hard links. */
const LINKS_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Creates `target` with the whole of `data` only if no file is there yet, and says whether it did:
 * the data goes to a temp file first and is hard-linked into place (a link never replaces a file),
 * so of several processes sharing a folder (nodes on one NFS data dir) exactly one wins and
 * nobody sees a half-written file.
 */
export function createFileOnceSync(target: string, data: Uint8Array | string, mode = 0o644): boolean {
  const temp = tempNameFor(target);
  try {
    writeFlushedSync(temp, data, mode);
    fs.linkSync(temp, target);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!LINKS_UNSUPPORTED.has(code ?? '')) throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  // A share without hard links (some SMB servers): an exclusive create, which such shares do honour.
  try {
    fs.writeFileSync(target, data, { mode, flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}
