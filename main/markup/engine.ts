/**
 * The layout and paint engine: takumi (Rust: taffy for flexbox and grid layout, parley for text),
 * chosen over satori + resvg on evidence (README "Drawing TRMNL markup"): it lays out grid, does
 * CSS selectors and line clamping, and draws a screen in a few milliseconds. One renderer per
 * process holds the parsed fonts and its caches.
 */
import { readFileSync } from 'node:fs';
import { Renderer, type MeasuredNode, type Node } from '@takumi-rs/core';
import { resourcePath } from '../core/app-root.ts';

const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'];
const WEIGHTS = [600, 700];

let renderer: Promise<Renderer> | undefined;

function loadRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const r = new Renderer();
    for (const subset of SUBSETS) {
      for (const weight of WEIGHTS) {
        const data = readFileSync(resourcePath('fonts', `inter-${subset}-${weight}-normal.woff`));
        await r.registerFont({ name: subset === 'latin' ? 'Inter' : `Inter ${subset}`, weight, style: 'normal', data });
      }
    }
    return r;
  })();
  return renderer;
}

export interface EngineInput {
  node: Node;
  css: string[];
  images: { src: string; data: Uint8Array }[];
  width: number;
  height: number;
  scale: number;
}

/** The laid-out tree, in panel pixels. */
export async function measure(input: EngineInput): Promise<MeasuredNode> {
  const r = await loadRenderer();
  return r.measure(input.node, options(input));
}

/** RGBA pixels, width × height × 4. */
export async function paint(input: EngineInput): Promise<Buffer> {
  const r = await loadRenderer();
  return r.render(input.node, { ...options(input), format: 'raw' });
}

function options(input: EngineInput) {
  return {
    width: input.width,
    height: input.height,
    devicePixelRatio: input.scale,
    css: input.css,
    images: input.images.map(({ src, data }) => ({ src, data })),
  };
}
