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
  const whole = width - (width % perByte);
  // Whole bytes without a bounds check per sample: this runs for every pixel of every panel image.
  if (bitDepth === 4) {
    for (let i = start, end = start + whole; i < end; i += 2) out[at++] = (indices[i] << 4) | indices[i + 1];
  } else if (bitDepth === 2) {
    for (let i = start, end = start + whole; i < end; i += 4) out[at++] = (indices[i] << 6) | (indices[i + 1] << 4) | (indices[i + 2] << 2) | indices[i + 3];
  } else {
    for (let i = start, end = start + whole; i < end; i += 8) {
      out[at++] =
        (indices[i] << 7) | (indices[i + 1] << 6) | (indices[i + 2] << 5) | (indices[i + 3] << 4) |
        (indices[i + 4] << 3) | (indices[i + 5] << 2) | (indices[i + 6] << 1) | indices[i + 7];
    }
  }
  if (whole === width) return;
  // The row's last byte, padded with zeros.
  let byte = 0;
  for (let x = whole; x < whole + perByte; x++) byte = (byte << bitDepth) | (x < width ? indices[start + x] : 0);
  out[at] = byte;
}

export const packedRowBytes = (width: number, bitDepth: number): number => Math.ceil((width * bitDepth) / 8);
