import { measure, paint, paintPng, paintSvg, type EngineInput } from '../markup/engine.ts';
import type { CanvasSpec } from './canvas.ts';
import type { El } from './elements.ts';
import { boxesByKey, toEngineTree, type LaidOut } from './to-node.ts';

function engineInput(tree: El, canvas: { width: number; height: number }): EngineInput {
  const { node, images } = toEngineTree(tree);
  return { node, images, css: [], width: canvas.width, height: canvas.height, scale: 1 };
}

/** Lays out an element tree at the canvas size: the box of each element given a `key`. */
export async function layOut(tree: El, canvas: { width: number; height: number }): Promise<Map<string, LaidOut>> {
  return boxesByKey(tree, await measure(engineInput(tree, canvas)));
}

/** Raw RGBA pixels of the canvas size. */
export async function toPixels(tree: El, canvas: CanvasSpec): Promise<{ pixels: Buffer; width: number; height: number }> {
  return { pixels: await paint(engineInput(tree, canvas)), width: canvas.width, height: canvas.height };
}

/** The drawing as SVG, naming every colour it paints. */
export function toSvg(tree: El, canvas: CanvasSpec): Promise<string> {
  return paintSvg(engineInput(tree, canvas));
}

/** Element tree → RGB PNG of exactly the canvas size (the root paints the paper, so the drawing is opaque). */
export function rasterize(tree: El, canvas: CanvasSpec): Promise<Buffer> {
  return paintPng(engineInput(tree, canvas));
}
