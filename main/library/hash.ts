import crypto from 'node:crypto';

export function sha256(data: Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Content-addressed file name: identical bytes share one file. */
export function contentFileName(data: Uint8Array, ext: string): { hash: string; fileName: string } {
  const hash = sha256(data);
  return { hash, fileName: `${hash}.${ext}` };
}
