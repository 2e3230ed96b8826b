import { type DrawContext, textStyle } from './context.ts';
import { box, type El, line } from './elements.ts';

/** Height of a section heading ("TODAY", "AMSTERDAM"); shared so both columns start level. */
export function headingHeight(ctx: DrawContext): number {
  return ctx.px(28);
}

/** Small capitals on the bottom of a fixed-height box, with an optional item after it (e.g. a badge). */
export function sectionHeading(ctx: DrawContext, text: string, color: string, width: number, after: El | null = null): El {
  return box({ width, height: headingHeight(ctx), flexShrink: 0, alignItems: 'flex-end', paddingBottom: ctx.px(5) }, [
    line(text.toUpperCase(), { ...textStyle(ctx, 14, { weight: 700, color, lineHeight: 1.2 }), letterSpacing: ctx.px(1), flexShrink: 1, minWidth: 0 }),
    after,
  ]);
}
