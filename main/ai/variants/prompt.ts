import type { ArtStyle } from '../styles.ts';

/** The generator prompt: the style's own prompt, its palette, and what an e-ink panel needs. */
export function variantPrompt(style: ArtStyle): string {
  return [
    `${style.prompt}.`,
    `Palette: ${style.paletteHint}.`,
    'Keep the composition and subject of the original photo. Use bold shapes, clear contrast and flat colour areas:',
    'the picture is shown on a colour e-ink screen with only six or seven inks. No text, no frame, no signature.',
  ].join(' ');
}

export const NEGATIVE_PROMPT = 'text, letters, watermark, signature, frame, border, blurry, low contrast, washed out, photorealistic';
