export type Rotation = 0 | 90 | 180 | 270;

export const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270];

export function isRotation(value: unknown): value is Rotation {
  return ROTATIONS.includes(value as Rotation);
}

/** Size of the canvas a picture is composed on for a panel turned by `rotation`. */
export function logicalSize(width: number, height: number, rotation: Rotation): { width: number; height: number } {
  return rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height };
}

/**
 * Turns a width × height grid of indices clockwise by `rotation`. A picture composed on the
 * logical canvas, turned this way, lands in the panel's native pixel order.
 */
export function rotateIndices(src: Uint8Array, width: number, height: number, rotation: Rotation): Uint8Array {
  if (rotation === 0) return src;
  const out = new Uint8Array(src.length);
  if (rotation === 180) {
    for (let i = 0, j = src.length - 1; i < src.length; i++, j--) out[j] = src[i];
    return out;
  }
  // 90° clockwise: source (x, y) goes to column (height − 1 − y), row x of a height-wide grid; 270° is the mirror of that.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const target = rotation === 90 ? x * height + (height - 1 - y) : (width - 1 - x) * height + y;
      out[target] = src[y * width + x];
    }
  }
  return out;
}
