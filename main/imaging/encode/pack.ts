/**
 * Packs palette indices into rows of `bitDepth`-bit samples, most significant bits first (the
 * layout of both PNG and BMP), each row starting at a byte boundary.
 */
export function packRow(indices: Uint8Array, start: number, width: number, bitDepth: 1 | 2 | 4 | 8, out: Uint8Array, at: number): void {
  if (bitDepth === 8) {
    out.set(indices.subarray(start, start + width), at);
    return;
  }
  const perByte = 8 / bitDepth;
  for (let x = 0; x < width; x += perByte) {
    let byte = 0;
    for (let i = 0; i < perByte; i++) byte = (byte << bitDepth) | (x + i < width ? indices[start + x + i] : 0);
    out[at++] = byte;
  }
}

export const packedRowBytes = (width: number, bitDepth: number): number => Math.ceil((width * bitDepth) / 8);
