import { duotone } from './duotone.ts';
import { halftone } from './halftone.ts';
import { inkSketch } from './ink-sketch.ts';
import { popArt } from './pop-art.ts';
import { woodcut } from './woodcut.ts';

/** The offline filters, by the `builtin_filter` name the catalogue uses. Each returns a PNG. */
export const BUILTIN_FILTERS: Record<string, (image: Buffer) => Promise<Buffer>> = {
  'ink-sketch': inkSketch,
  woodcut,
  'pop-art': popArt,
  halftone,
  duotone,
};
