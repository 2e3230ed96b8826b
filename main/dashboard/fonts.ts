import { readFileSync } from 'node:fs';
import { resourcePath } from '../core/app-root.ts';
import type { Font } from 'satori';

export const FONT_FAMILY = 'Inter';

const WEIGHTS = [600, 700] as const;
// Each subset is registered under its own family name: satori falls back across families
// glyph by glyph, so a Polish or Greek event title still renders.
const SUBSETS = [
  { file: 'latin', family: FONT_FAMILY },
  { file: 'latin-ext', family: `${FONT_FAMILY} Latin Ext` },
  { file: 'greek', family: `${FONT_FAMILY} Greek` },
  { file: 'cyrillic', family: `${FONT_FAMILY} Cyrillic` },
];

let loaded: Font[] | undefined;

/** The bundled fonts, read once; satori caches the parsed fonts by buffer identity. */
export function bundledFonts(): Font[] {
  loaded ??= SUBSETS.flatMap(({ file, family }) =>
    WEIGHTS.map((weight) => ({
      name: family,
      weight,
      style: 'normal' as const,
      data: readFileSync(resourcePath('fonts', `inter-${file}-${weight}-normal.woff`)),
    })),
  );
  return loaded;
}
