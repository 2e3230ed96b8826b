import { blankRaster, loadRaster, nearestColour, throughSharp, toPng, type Raster, type Rgb } from './raster.ts';

/** Dots across the long side, whatever the image size: a print screen, not a pixel effect. */
const DOTS_ACROSS = 170;
const BLACK: Rgb = [0, 0, 0];
/** Colour inks: the nominal colours of 6/7-colour e-ink panels, so dots print in one ink each. */
const INKS: Rgb[] = [[255, 255, 0], [255, 140, 0], [255, 0, 0], [0, 0, 255], [0, 255, 0]];

interface Screen {
  angle: number;
  /** 0..1 share of the cell this screen inks at a sample point, and with what colour. */
  dot(rgb: Uint8Array, p: number): { coverage: number; ink: Rgb } | null;
}

/** Black dots carry the tone. */
const KEY: Screen = {
  angle: Math.PI / 4,
  dot(rgb, p) {
    const light = (0.2126 * rgb[p] + 0.7152 * rgb[p + 1] + 0.0722 * rgb[p + 2]) / 255;
    return { coverage: (1 - light) ** 1.9, ink: BLACK };
  },
};

/** Colour dots, in the ink nearest the area's colour, sized by how colourful it is. */
const COLOUR: Screen = {
  angle: Math.PI / 12,
  dot(rgb, p) {
    const r = rgb[p], g = rgb[p + 1], b = rgb[p + 2];
    const max = Math.max(r, g, b);
    const saturation = max === 0 ? 0 : (max - Math.min(r, g, b)) / max;
    if (saturation < 0.12) return null;
    return { coverage: Math.min(1, saturation * 1.5) * 0.85, ink: INKS[nearestColour(r, g, b, INKS)] };
  },
};

/**
 * An enlarged print: a rotated screen of colour dots in the panel's inks, overprinted with a
 * screen of black dots that carry light and shade, on white paper.
 */
export async function halftone(image: Buffer): Promise<Buffer> {
  const sharpColour = await loadRaster(image, 3, (s) => s.modulate({ saturation: 1.5 }));
  const cell = Math.max(5, Math.max(sharpColour.width, sharpColour.height) / DOTS_ACROSS);
  const colour = await throughSharp(sharpColour, (s) => s.blur(cell / 4));
  const out = blankRaster(colour.width, colour.height, 3);
  for (const screen of [COLOUR, KEY]) printScreen(colour, out, screen, cell);
  return toPng(out);
}

function printScreen(source: Raster, out: Raster, screen: Screen, cell: number): void {
  const cos = Math.cos(screen.angle);
  const sin = Math.sin(screen.angle);
  const { width, height } = source;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = (x * cos + y * sin) / cell;
      const v = (y * cos - x * sin) / cell;
      const cu = Math.floor(u) + 0.5;
      const cv = Math.floor(v) + 0.5;
      const sx = clamp(Math.round((cu * cos - cv * sin) * cell), width - 1);
      const sy = clamp(Math.round((cu * sin + cv * cos) * cell), height - 1);
      const dot = screen.dot(source.data, (sy * width + sx) * 3);
      // a dot of area `coverage` in a unit cell has radius √(coverage/π)
      if (dot && Math.hypot(u - cu, v - cv) < Math.sqrt(dot.coverage / Math.PI)) out.data.set(dot.ink, (y * width + x) * 3);
    }
  }
}

const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
