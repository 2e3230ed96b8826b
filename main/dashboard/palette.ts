import type { CanvasSpec } from './canvas.ts';
import { linearRgbToOklab, srgbToLinear } from '../imaging/color.ts';

type Rgb = readonly [number, number, number];

/** The colours a screen is drawn with, all taken from the panel's palette, as CSS hex. */
export interface Theme {
  paper: string;
  ink: string;
  /** Headings and warnings: red where the panel has it. */
  accent: string;
  /** Charts, bars and water: blue where the panel has it. */
  cool: string;
  /** Sun and lightning: yellow where the panel has it; paper on black/white panels (icons keep an ink outline). */
  warm: string;
}

export function themeFor(canvas: CanvasSpec): Theme {
  const paper = paperOf(canvas);
  const ink = inkOf(canvas);
  return {
    paper: toHex(paper),
    ink: toHex(ink),
    accent: toHex(byName(canvas, ['red', 'orange', 'blue', 'green']) ?? ink),
    cool: toHex(byName(canvas, ['blue', 'green', 'red']) ?? ink),
    warm: toHex(byName(canvas, ['yellow', 'orange']) ?? paper),
  };
}

/**
 * The panel colour that best stands for a calendar's CSS colour: the one closest in hue
 * (measured panel colours are much duller than screen colours, so lightness would mislead),
 * ink for greys, never the paper colour so the mark stays visible.
 */
export function nearestInk(cssHex: string, canvas: CanvasSpec): string {
  const ink = toHex(inkOf(canvas));
  const paper = toHex(paperOf(canvas));
  const target = parseHex(cssHex);
  if (!target || chroma(oklab(target)) < GREY_CHROMA) return ink;
  const hue = hueOf(oklab(target));
  let best = ink;
  let bestDifference = Infinity;
  for (const rgb of canvas.palette) {
    const lab = oklab(rgb);
    if (toHex(rgb) === paper || chroma(lab) < GREY_CHROMA) continue;
    const difference = Math.abs(((hueOf(lab) - hue + 540) % 360) - 180);
    if (difference < bestDifference) {
      bestDifference = difference;
      best = toHex(rgb);
    }
  }
  return best;
}

const GREY_CHROMA = 0.03;

function chroma([, a, b]: [number, number, number]): number {
  return Math.hypot(a, b);
}

function hueOf([, a, b]: [number, number, number]): number {
  return (Math.atan2(b, a) * 180) / Math.PI;
}

export function toHex([r, g, b]: Rgb): string {
  return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
}

function paperOf(canvas: CanvasSpec): Rgb {
  return byName(canvas, ['white']) ?? extreme(canvas, 'lightest');
}

function inkOf(canvas: CanvasSpec): Rgb {
  return byName(canvas, ['black']) ?? extreme(canvas, 'darkest');
}

function byName(canvas: CanvasSpec, preferred: string[]): Rgb | undefined {
  const names = canvas.colorNames.map((name) => name.toLowerCase());
  for (const name of preferred) {
    const index = names.indexOf(name);
    if (index >= 0 && canvas.palette[index]) return canvas.palette[index];
  }
  return undefined;
}

function extreme(canvas: CanvasSpec, which: 'lightest' | 'darkest'): Rgb {
  const sign = which === 'lightest' ? 1 : -1;
  return [...canvas.palette].sort((a, b) => sign * (oklab(b)[0] - oklab(a)[0]))[0] ?? [0, 0, 0];
}

function parseHex(css: string): Rgb | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
}

function oklab([r, g, b]: Rgb): [number, number, number] {
  return linearRgbToOklab(srgbToLinear(r / 255), srgbToLinear(g / 255), srgbToLinear(b / 255));
}
