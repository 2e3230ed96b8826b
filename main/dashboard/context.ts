import { type CanvasSpec, isPortrait, unitScale } from './canvas.ts';
import type { Clock } from './clock.ts';
import type { Style } from './elements.ts';
import { FONT_FAMILY } from './fonts.ts';
import { type Theme, themeFor } from './palette.ts';

/** What every part of a screen is drawn with. */
export interface DrawContext {
  canvas: CanvasSpec;
  theme: Theme;
  clock: Clock;
  portrait: boolean;
  /** Design units (800×480 / 480×800 layout) → whole pixels on this canvas. */
  px: (units: number) => number;
}

export function drawContext(canvas: CanvasSpec, clock: Clock): DrawContext {
  const scale = unitScale(canvas);
  return {
    canvas,
    theme: themeFor(canvas),
    clock,
    portrait: isPortrait(canvas),
    px: (units) => Math.round(units * scale),
  };
}

export interface TextStyleOptions {
  weight?: 600 | 700;
  color?: string;
  /** Line box height as a multiple of the font size. */
  lineHeight?: number;
}

/** Type of `size` design units; 600 weight by default, as thin strokes break up when snapped to the palette. */
export function textStyle(ctx: DrawContext, size: number, opts: TextStyleOptions = {}): Style {
  return textStyleInPixels(ctx, ctx.px(size), opts);
}

export function textStyleInPixels(ctx: DrawContext, fontSize: number, opts: TextStyleOptions = {}): Style {
  return {
    fontFamily: FONT_FAMILY,
    fontSize,
    fontWeight: opts.weight ?? 600,
    lineHeight: `${Math.round(fontSize * (opts.lineHeight ?? 1.25))}px`,
    color: opts.color ?? ctx.theme.ink,
  };
}

/** Root box of a screen: the whole canvas on paper. */
export function pageStyle(ctx: DrawContext): Style {
  return {
    width: ctx.canvas.width,
    height: ctx.canvas.height,
    backgroundColor: ctx.theme.paper,
    color: ctx.theme.ink,
    fontFamily: FONT_FAMILY,
    fontWeight: 600,
  };
}
