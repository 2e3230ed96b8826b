/**
 * Working buffers reused from one image to the next, one per purpose and size. A 1600×1200 panel
 * image's working buffers are megabytes; allocated afresh for every image they cost about one
 * garbage collection per image. A buffer is only for one synchronous stretch of work: the next
 * caller with the same purpose and size gets the same bytes, as they were left.
 */
const buffers = new Map<string, Uint8Array>();

export function scratchBytes(purpose: string, length: number): Uint8Array {
  const key = `${purpose} ${length}`;
  let buffer = buffers.get(key);
  if (!buffer) {
    buffer = new Uint8Array(length);
    buffers.set(key, buffer);
  }
  return buffer;
}
