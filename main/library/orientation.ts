import type { Orientation } from '../storage/entities/photo.ts';

/** Within 5 % of square counts as square. */
export function orientationOf(width: number, height: number): Orientation {
  if (width > height * 1.05) return 'landscape';
  if (height > width * 1.05) return 'portrait';
  return 'square';
}
