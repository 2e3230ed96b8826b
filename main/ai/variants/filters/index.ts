import { duotone } from './duotone.ts';
import { halftone } from './halftone.ts';
import { inkSketch } from './ink-sketch.ts';
import { popArt } from './pop-art.ts';
import type { BuiltinFilterName } from './names.ts';
import { woodcut } from './woodcut.ts';

/** The offline filters, by the `builtin_filter` name the catalogue uses. Each returns a PNG. */
export const BUILTIN_FILTERS: Record<BuiltinFilterName, (image: Buffer) => Promise<Buffer>> = {
  'ink-sketch': inkSketch,
  woodcut,
  'pop-art': popArt,
  halftone,
  duotone,
};
