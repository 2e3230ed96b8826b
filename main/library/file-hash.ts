import crypto from 'node:crypto';
import fs from 'node:fs';
import { PhotoImportError } from './import-error.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';

const CHUNK_BYTES = 1 << 20;
/** How long read buffers are kept after the last hash: through a folder import, not while the server idles. */
const KEEP_BUFFERS_MS = 2000;

/**
 * Read buffers, reused from one file to the next: a 12 MP photo read in fresh chunks left 3–4 MB of
 * garbage outside V8's heap, which made the server run a full collection every few photos of a
 * folder import. They are dropped once no file has been hashed for a while.
 */
const spareBuffers: Buffer[] = [];
let dropBuffers: NodeJS.Timeout | undefined;

/** The SHA-256 of a file to import; files over the byte limit are refused before reading. */
export async function hashFile(file: string): Promise<string> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    throw unreadable();
  }
  if (!stat.isFile()) throw new PhotoImportError('not a file');
  if (stat.size > MAX_IMPORT_BYTES) {
    throw new PhotoImportError(`the file is ${(stat.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`);
  }
  const buffer = spareBuffers.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
  try {
    return await digest(file, buffer);
  } catch {
    throw unreadable();
  } finally {
    keep(buffer);
  }
}

async function digest(file: string, buffer: Buffer): Promise<string> {
  const hash = crypto.createHash('sha256');
  const handle = await fs.promises.open(file, 'r');
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

function unreadable(): PhotoImportError {
  return new PhotoImportError('the file cannot be read (missing or no permission)');
}

function keep(buffer: Buffer): void {
  spareBuffers.push(buffer);
  clearTimeout(dropBuffers);
  dropBuffers = setTimeout(() => {
    spareBuffers.length = 0;
  }, KEEP_BUFFERS_MS);
  dropBuffers.unref();
}
