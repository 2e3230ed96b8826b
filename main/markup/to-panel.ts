import { ditherRgb, type DitherAlgorithm } from '../imaging/dither/index.ts';
import { BAYER8 } from '../imaging/dither/threshold-maps.ts';
import type { PictureAdjustments } from '../imaging/adjust.ts';
import type { Rgb } from '../imaging/panel-profile.ts';
import type { Box } from './boxes.ts';


export interface PanelPaint {
  rgba: Uint8Array;
  width: number;
  height: number;
  palette: readonly Rgb[];
  /** Where pictures are. */
  pictures: Box[];
  /** Grey fills the panel has no colour for: drawn as an ordered pattern of the panel's colours. */
  tones: readonly Rgb[];
  dither: DitherAlgorithm;
  adjustments: PictureAdjustments;
}

/**
 * The drawing as palette indices. Text, rules and fills were drawn in the panel's own colours, so
 * each pixel takes the nearest one and text stays crisp (its anti-aliased edge snaps to ink or
 * paper, never to a dither). Pictures are dithered with the display's settings; a grey fill the
 * panel cannot show becomes an ordered pattern of its colours, leaving any text on it crisp.
 */
export function toPanelIndices(paint: PanelPaint): Uint8Array {
  const { width, height, palette } = paint;
  const rgb = rgbaToRgb(paint.rgba, width * height);
  const indices = nearestUsedColours(rgb, width, height, palette);
  if (paint.tones.length > 0) patternTones(rgb, indices, width, palette, paint.tones);
  for (const box of paint.pictures) {
    const rect = clip(box, width, height);
    if (!rect) continue;
    const crop = cropRgb(rgb, width, rect);
    const dithered = ditherRgb(crop, rect.w, rect.h, palette, paint.dither, paint.adjustments);
    pasteIndices(indices, width, rect, dithered);
  }
  return indices;
}

/** A palette colour counts as drawn when at least this many pixels have exactly its value. */
const DRAWN_PIXELS = 16;

/**
 * Each pixel to the nearest of the colours the drawing really uses. The anti-aliased edge of black
 * text on white paper is a grey; on a colour panel its nearest colour may be a dull red or blue,
 * which would fringe the text. Among the colours drawn (black and white here) it snaps to one of them.
 */
function nearestUsedColours(rgb: Uint8Array, width: number, height: number, palette: readonly Rgb[]): Uint8Array {
  const packed = palette.map(([r, g, b]) => (r << 16) | (g << 8) | b);
  const counts = new Array<number>(palette.length).fill(0);
  for (let s = 0; s < rgb.length; s += 3) {
    const i = packed.indexOf((rgb[s] << 16) | (rgb[s + 1] << 8) | rgb[s + 2]);
    if (i >= 0) counts[i]++;
  }
  const used = palette.map((_, i) => i).filter((i) => counts[i] >= DRAWN_PIXELS);
  if (used.length < 2 || used.length === palette.length) return ditherRgb(rgb, width, height, palette, 'none');
  const local = ditherRgb(rgb, width, height, used.map((i) => palette[i]), 'none');
  for (let p = 0; p < local.length; p++) local[p] = used[local[p]];
  return local;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function clip(box: Box, width: number, height: number): Rect | undefined {
  const x = Math.max(0, Math.round(box.x));
  const y = Math.max(0, Math.round(box.y));
  const w = Math.min(width, Math.round(box.x + box.width)) - x;
  const h = Math.min(height, Math.round(box.y + box.height)) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : undefined;
}

function rgbaToRgb(rgba: Uint8Array, pixels: number): Uint8Array {
  const rgb = new Uint8Array(pixels * 3);
  for (let p = 0, s = 0, d = 0; p < pixels; p++, s += 4, d += 3) {
    rgb[d] = rgba[s];
    rgb[d + 1] = rgba[s + 1];
    rgb[d + 2] = rgba[s + 2];
  }
  return rgb;
}

function cropRgb(rgb: Uint8Array, width: number, { x, y, w, h }: Rect): Uint8Array {
  const out = new Uint8Array(w * h * 3);
  for (let row = 0; row < h; row++) out.set(rgb.subarray(((y + row) * width + x) * 3, ((y + row) * width + x + w) * 3), row * w * 3);
  return out;
}

function pasteIndices(indices: Uint8Array, width: number, { x, y, w, h }: Rect, src: Uint8Array): void {
  for (let row = 0; row < h; row++) indices.set(src.subarray(row * w, (row + 1) * w), (y + row) * width + x);
}

/**
 * Pixels of exactly a tone's grey take an 8×8 Bayer pattern of the two panel colours around it
 * (in lightness); their anti-aliased neighbours (text on the fill) keep the nearest colour.
 */
function patternTones(rgb: Uint8Array, indices: Uint8Array, width: number, palette: readonly Rgb[], tones: readonly Rgb[]): void {
  const plans = tones.map((tone) => ({ packed: (tone[0] << 16) | (tone[1] << 8) | tone[2], ...bracket(tone, palette) }));
  const { size, values } = BAYER8;
  for (let p = 0, s = 0; p < indices.length; p++, s += 3) {
    const colour = (rgb[s] << 16) | (rgb[s + 1] << 8) | rgb[s + 2];
    for (const plan of plans) {
      if (plan.packed !== colour) continue;
      const x = p % width;
      const y = (p - x) / width;
      indices[p] = values[(y % size) * size + (x % size)] < plan.share ? plan.light : plan.dark;
      break;
    }
  }
}

const lightness = ([r, g, b]: Rgb): number => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/** A grey is patterned from the panel's neutral colours (black, white, greys), never from its reds and yellows. */
const isNeutral = ([r, g, b]: Rgb): boolean => Math.max(r, g, b) - Math.min(r, g, b) <= 40;

/** The darker and lighter neutral panel colours nearest a grey in lightness, and the share of the lighter one. */
function bracket(tone: Rgb, palette: readonly Rgb[]): { dark: number; light: number; share: number } {
  const want = lightness(tone);
  const neutral = palette.filter(isNeutral).length >= 2;
  let dark = -1;
  let light = -1;
  palette.forEach((colour, i) => {
    if (neutral && !isNeutral(colour)) return;
    const l = lightness(colour);
    if (l <= want && (dark < 0 || l > lightness(palette[dark]))) dark = i;
    if (l >= want && (light < 0 || l < lightness(palette[light]))) light = i;
  });
  if (dark < 0) return { dark: light, light, share: 1 };
  if (light < 0) return { dark, light: dark, share: 0 };
  const span = lightness(palette[light]) - lightness(palette[dark]);
  return { dark, light, share: span > 0 ? (want - lightness(palette[dark])) / span : 0 };
}
