import satori, { type SatoriNode } from 'satori';
import type { ReactNode } from 'react';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import type { CanvasSpec } from './canvas.ts';
import type { El } from './elements.ts';
import { bundledFonts } from './fonts.ts';

/** Lays out an element tree at the canvas size and returns the SVG. */
export async function toSvg(tree: El, canvas: CanvasSpec, onNodeDetected?: (node: SatoriNode) => void): Promise<string> {
  return satori(tree as unknown as ReactNode, {
    width: canvas.width,
    height: canvas.height,
    fonts: bundledFonts(),
    onNodeDetected,
  });
}

/** Renders an SVG made by `toSvg` to raw RGBA pixels of the canvas size. */
export function svgToPixels(svg: string): { pixels: Buffer; width: number; height: number } {
  const rendered = new Resvg(svg, { fitTo: { mode: 'original' } }).render();
  return { pixels: rendered.pixels, width: rendered.width, height: rendered.height };
}

/** Element tree → RGB PNG of exactly the canvas size. */
export async function rasterize(tree: El, canvas: CanvasSpec): Promise<Buffer> {
  const { pixels, width, height } = svgToPixels(await toSvg(tree, canvas));
  // Fast compression: the frame pipeline decodes this at once, so time matters more than bytes.
  return sharp(pixels, { raw: { width, height, channels: 4 } }).removeAlpha().png({ compressionLevel: 1 }).toBuffer();
}
