import type { PictureAdjustments } from '../imaging/adjust.ts';
import { linearRgbToOklab, srgbToLinear } from '../imaging/color.ts';
import { ditherRgb, type DitherAlgorithm } from '../imaging/dither/index.ts';
import { BAYER8 } from '../imaging/dither/threshold-maps.ts';
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

/** A palette colour counts as drawn when at least this many sampled pixels have exactly its value. */
const DRAWN_PIXELS = 4;
const USED_ROW_STEP = 4;
/** Marks a tone in the colour table: the pixel takes its tone's pattern. */
const TONE = 0x100;
const CACHE_BITS = 12;
const CACHE_SIZE = 1 << CACHE_BITS;
/** Runs up to this long are written pixel by pixel: cheaper than a call to fill. */
const SHORT_RUN = 16;

/**
 * The drawing as palette indices. Text, rules and fills were drawn in the panel's own colours, so
 * each pixel takes the nearest of the colours the drawing uses, and text stays crisp: the
 * anti-aliased edge of black text on white paper is a grey, which on a colour panel may be nearest
 * a dull red or blue and would fringe the text, but among black and white snaps to one of them.
 * A grey fill the panel cannot show becomes an ordered pattern of its neutral colours (text on it
 * stays crisp); pictures are dithered with the display's settings.
 *
 * A drawing has few distinct colours (paper, ink, their anti-aliased blends), so each colour is
 * matched once and remembered, a run of one colour is matched once and written at once, and a row
 * like the one above is copied. The indices are written into `into` (every one of them) when given.
 */
export function toPanelIndices(paint: PanelPaint, into: Uint8Array = new Uint8Array(paint.width * paint.height)): Uint8Array {
  const { width, height, palette, rgba } = paint;
  const pixels = width * height;
  const resultOf = colourResults(paint);
  // Built for the tones the drawing has (the framework knows a score of greys, a drawing uses a few).
  const toneRows: Uint8Array[] = [];
  const toneRow = (tone: number): Uint8Array => (toneRows[tone] ??= tiledPattern(bracket(paint.tones[tone], palette), width));
  const indices = into;
  const words = pixelWords(rgba, pixels);
  const bytes = Buffer.from(words.buffer, words.byteOffset, pixels * 4);
  const size = BAYER8.size;
  // Any word but the first pixel's (every 32-bit value is a possible pixel, opaque white is -1).
  let last = ~words[0];
  let result = 0;
  let previousUntoned = false;
  for (let y = 0, rowStart = 0; y < height; y++, rowStart += width) {
    // A row like the one above (most rows of a screen: margins, gaps between lines) is copied, unless it holds a tone's pattern.
    if (previousUntoned && bytes.compare(bytes, (rowStart - width) * 4, rowStart * 4, rowStart * 4, (rowStart + width) * 4) === 0) {
      indices.copyWithin(rowStart, rowStart - width, rowStart);
      continue;
    }
    previousUntoned = true;
    const patternRow = (y % size) * width;
    for (let p = rowStart, end = rowStart + width; p < end; ) {
      // A run of one colour (paper, ink, fills) is matched once and written at once.
      const word = words[p];
      let runEnd = p + 1;
      while (runEnd < end && words[runEnd] === word) runEnd++;
      if (word !== last) {
        last = word;
        result = resultOf(rgbOf(word));
      }
      if (result & TONE) {
        const from = patternRow + p - rowStart;
        indices.set(toneRow(result & 0xff).subarray(from, from + runEnd - p), p);
        previousUntoned = false;
      } else if (runEnd - p > SHORT_RUN) {
        indices.fill(result, p, runEnd);
      } else {
        for (let i = p; i < runEnd; i++) indices[i] = result;
      }
      p = runEnd;
    }
  }
  if (paint.pictures.length > 0) ditherPictures(paint, indices);
  return indices;
}

/**
 * Colour (0xRRGGBB) → its palette index, or TONE | the tone's number. Each colour is matched once:
 * a direct-mapped cache holds the results (a drawing's few hundred colours rarely collide).
 */
function colourResults(paint: PanelPaint): (colour: number) => number {
  const { palette } = paint;
  const used = usedColours(paint.rgba, paint.width, paint.height, palette);
  const usedLab = used.map((i) => oklab(palette[i]));
  const tones = paint.tones.map(packRgb);
  const match = (colour: number): number => {
    const tone = tones.indexOf(colour);
    return tone >= 0 ? TONE | tone : used[nearest(oklab([colour >>> 16, (colour >>> 8) & 0xff, colour & 0xff]), usedLab)];
  };
  const keys = new Int32Array(CACHE_SIZE).fill(-1);
  const results = new Uint16Array(CACHE_SIZE);
  return (colour) => {
    const slot = Math.imul(colour, 0x9e3779b1) >>> (32 - CACHE_BITS);
    if (keys[slot] !== colour) {
      keys[slot] = colour;
      results[slot] = match(colour);
    }
    return results[slot];
  };
}

/** The palette colours drawn (by exact pixel count); all of them when fewer than two are. */
function usedColours(rgba: Uint8Array, width: number, height: number, palette: readonly Rgb[]): number[] {
  const packed = palette.map(packRgb);
  const counts = new Array<number>(palette.length).fill(0);
  const rowCounts = new Array<number>(palette.length).fill(0);
  const words = pixelWords(rgba, width * height);
  const bytes = Buffer.from(words.buffer, words.byteOffset, width * height * 4);
  const rowBytes = width * 4;
  // Every fourth row is enough to tell which colours are drawn (a drawn colour covers many rows).
  for (let y = 0; y < height; y += USED_ROW_STEP) {
    const at = y * rowBytes;
    // A row like the last one counted counts the same.
    const same = y > 0 && bytes.compare(bytes, at - USED_ROW_STEP * rowBytes, at - (USED_ROW_STEP - 1) * rowBytes, at, at + rowBytes) === 0;
    if (!same) {
      rowCounts.fill(0);
      for (let p = y * width, end = p + width; p < end; ) {
        const word = words[p];
        const start = p;
        while (++p < end && words[p] === word);
        const index = packed.indexOf(rgbOf(word));
        if (index >= 0) rowCounts[index] += p - start;
      }
    }
    for (let i = 0; i < counts.length; i++) counts[i] += rowCounts[i];
  }
  const used = palette.map((_, i) => i).filter((i) => counts[i] >= DRAWN_PIXELS);
  return used.length >= 2 ? used : palette.map((_, i) => i);
}

function ditherPictures(paint: PanelPaint, indices: Uint8Array): void {
  const { width, height, palette } = paint;
  for (const box of paint.pictures) {
    const rect = clip(box, width, height);
    if (!rect) continue;
    const crop = new Uint8Array(rect.w * rect.h * 3);
    for (let row = 0, d = 0; row < rect.h; row++) {
      for (let col = 0, s = ((rect.y + row) * width + rect.x) * 4; col < rect.w; col++, s += 4, d += 3) {
        crop[d] = paint.rgba[s];
        crop[d + 1] = paint.rgba[s + 1];
        crop[d + 2] = paint.rgba[s + 2];
      }
    }
    const dithered = ditherRgb(crop, rect.w, rect.h, palette, paint.dither, paint.adjustments);
    for (let row = 0; row < rect.h; row++) indices.set(dithered.subarray(row * rect.w, (row + 1) * rect.w), (rect.y + row) * width + rect.x);
  }
}

/**
 * The pixels as one 32-bit word each: one load per pixel instead of three. The engine's buffers
 * are aligned for it; any other is copied once.
 */
function pixelWords(rgba: Uint8Array, pixels: number): Int32Array {
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba.subarray(0, pixels * 4));
  return new Int32Array(aligned.buffer, aligned.byteOffset, pixels);
}

/** A pixel's word as 0xRRGGBB (alpha ignored). */
function rgbOf(word: number): number {
  return LITTLE_ENDIAN ? ((word & 0xff) << 16) | (word & 0xff00) | ((word >>> 16) & 0xff) : word >>> 8;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const packRgb = ([r, g, b]: Rgb): number => (r << 16) | (g << 8) | b;
const oklab = ([r, g, b]: Rgb): [number, number, number] => linearRgbToOklab(srgbToLinear(r / 255), srgbToLinear(g / 255), srgbToLinear(b / 255));

function nearest(lab: [number, number, number], candidates: [number, number, number][]): number {
  let best = 0;
  let bestDistance = Infinity;
  candidates.forEach(([l, a, b], i) => {
    const d = (l - lab[0]) ** 2 + (a - lab[1]) ** 2 + (b - lab[2]) ** 2;
    if (d < bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
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

const lightness = ([r, g, b]: Rgb): number => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/** A grey is patterned from the panel's neutral colours (black, white, greys), never from its reds and yellows. */
const isNeutral = ([r, g, b]: Rgb): boolean => Math.max(r, g, b) - Math.min(r, g, b) <= 40;

/**
 * The ordered pattern that shows a grey, as rows of the drawing's width (row y of the drawing takes
 * row y mod 8): a run of the grey is copied from it.
 */
function tiledPattern({ dark, light, share }: { dark: number; light: number; share: number }, width: number): Uint8Array {
  const size = BAYER8.size;
  const rows = new Uint8Array(size * width);
  for (let y = 0; y < size; y++) {
    const row = rows.subarray(y * width, (y + 1) * width);
    for (let x = 0; x < size && x < width; x++) row[x] = BAYER8.values[y * size + x] < share ? light : dark;
    // Doubling copies: the pattern's period divides every copied length.
    for (let filled = size; filled < width; filled *= 2) row.copyWithin(filled, 0, filled);
  }
  return rows;
}
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
