/**
 * The layout and paint engine: takumi (Rust: taffy for flexbox and grid layout, parley for text),
 * chosen over satori + resvg on evidence (README "Drawing TRMNL markup"): it lays out grid, does
 * CSS selectors and line clamping, and draws a screen in a few milliseconds. One renderer per
 * process holds the parsed fonts and its caches; recipes and the dashboard share it.
 */
import { readFileSync } from 'node:fs';
import { Renderer, type MeasuredNode, type Node } from '@takumi-rs/core';
import { resourcePath } from '../core/app-root.ts';

const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'];
const WEIGHTS = [600, 700];

export interface BundledFont {
  /** Family name; the subsets beyond Latin are families of their own, reached by the engine's fallback. */
  name: string;
  weight: number;
  data: Buffer;
}

let fonts: BundledFont[] | undefined;

/** The bundled Inter subsets, read once. */
export function bundledFonts(): BundledFont[] {
  fonts ??= SUBSETS.flatMap((subset) =>
    WEIGHTS.map((weight) => ({
      name: subset === 'latin' ? 'Inter' : `Inter ${subset}`,
      weight,
      data: readFileSync(resourcePath('fonts', `inter-${subset}-${weight}-normal.woff`)),
    })),
  );
  return fonts;
}

let renderer: Promise<Renderer> | undefined;

/** The process's one renderer, its fonts registered. */
export function engineRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const r = new Renderer();
    for (const { name, weight, data } of bundledFonts()) await r.registerFont({ name, weight, style: 'normal', data });
    return r;
  })();
  return renderer;
}

/** Whether this process has made its renderer (the engine loaded, the fonts registered or on their way). */
export function drawingEngineLoaded(): boolean {
  return renderer !== undefined;
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
  const r = await engineRenderer();
  return r.measure(input.node, options(input));
}

/** RGBA pixels, width × height × 4. */
export async function paint(input: EngineInput): Promise<Buffer> {
  const r = await engineRenderer();
  return r.render(input.node, { ...options(input), format: 'raw' });
}

/** A PNG (RGB where the drawing is opaque), encoded by the engine: no raw copy crosses into JavaScript. */
export async function paintPng(input: EngineInput): Promise<Buffer> {
  const r = await engineRenderer();
  return r.render(input.node, { ...options(input), format: 'png' });
}

/** The drawing as SVG, each fill and stroke named (for tests of which colours are painted). */
export async function paintSvg(input: EngineInput): Promise<string> {
  const r = await engineRenderer();
  return r.renderSvg(input.node, { width: input.width, height: input.height, css: input.css, images: input.images });
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
