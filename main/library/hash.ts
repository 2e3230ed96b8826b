import crypto from 'node:crypto';

export function sha256(data: Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Content-addressed file name: identical bytes share one file. */
export function contentFileName(data: Uint8Array, ext: string): { hash: string; fileName: string } {
  const hash = sha256(data);
  return { hash, fileName: `${hash}.${ext}` };
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
