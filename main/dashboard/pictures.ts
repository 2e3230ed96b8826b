import type { CanvasSpec } from './canvas.ts';
import { drawContext, type DrawContext, pageStyle, textStyle, type TextStyleOptions, textStyleInPixels } from './context.ts';
import { box, type El, image, line, paragraph, type Style } from './elements.ts';
import { largestFittingSize } from './fit-text.ts';
import { rasterize } from './rasterize.ts';
import { weatherIconUri } from './weather-icons.ts';

// These screens show no dates or times; the clock only satisfies the drawing context.
const NO_CLOCK = { timeZone: 'UTC', locale: 'en-GB' };

export const PAIRING_INSTRUCTIONS = 'Open Inkstand on your computer and approve this frame';

/** An admin's message, as large as it fits (up to 500 characters), centred on the screen. */
export async function renderMessage(text: string, canvas: CanvasSpec, opts: { title?: string } = {}): Promise<Buffer> {
  return rasterize(await messageTree(text, canvas, opts), canvas);
}

/** What a frame shows until an admin approves it: its id and code, large, and what to do. */
export async function renderPairingScreen(info: PairingInfo, canvas: CanvasSpec): Promise<Buffer> {
  return rasterize(pairingTree(info, canvas), canvas);
}

/** Calm, nearly blank: a small moon and "Sleeping". */
export async function renderSleepScreen(canvas: CanvasSpec): Promise<Buffer> {
  return rasterize(sleepTree(canvas), canvas);
}

export interface PairingInfo {
  humanReadableId: string;
  pairingCode: string;
  serverName: string;
}

export async function messageTree(text: string, canvas: CanvasSpec, opts: { title?: string } = {}): Promise<El> {
  const ctx = drawContext(canvas, NO_CLOCK);
  const { px } = ctx;
  const margin = px(40);
  const width = canvas.width - 2 * margin;
  const titleHeight = opts.title ? px(44) : 0;
  const height = canvas.height - 2 * margin - titleHeight;
  const lineHeight = 1.25;
  const style = (fontSize: number): Style => ({ ...textStyleInPixels(ctx, fontSize, { weight: 700, lineHeight }), textAlign: 'center' });
  const sizes = [72, 60, 50, 42, 36, 30, 26, 22, 19, 16, 14].map(px);
  const fontSize = await largestFittingSize(text, { width, height }, sizes, style);
  // Should the measurement ever disagree with the render, the text ends in an ellipsis rather than overflowing.
  const maxLines = Math.max(1, Math.floor(height / Math.round(fontSize * lineHeight)));
  const title = opts.title
    ? line(opts.title.toUpperCase(), {
        ...textStyle(ctx, 16, { weight: 700, color: ctx.theme.accent }),
        letterSpacing: px(1),
        width,
        height: titleHeight,
        textAlign: 'center',
      })
    : null;
  return box({ ...pageStyle(ctx), flexDirection: 'column', padding: margin }, [
    title,
    box({ width, height, flexDirection: 'column', justifyContent: 'center' }, [paragraph(text, maxLines, { ...style(fontSize), width })]),
  ]);
}

export function pairingTree(info: PairingInfo, canvas: CanvasSpec): El {
  const ctx = drawContext(canvas, NO_CLOCK);
  const { px, theme } = ctx;
  const width = canvas.width - 2 * px(32);
  const centred = (content: string, size: number, opts: TextStyleOptions = {}) =>
    line(content, { ...textStyle(ctx, size, opts), width, textAlign: 'center' });
  return box({ ...pageStyle(ctx), flexDirection: 'column', alignItems: 'center', justifyContent: 'center' }, [
      centred('Waiting for approval', 20, { weight: 700, color: theme.accent }),
      centred(info.humanReadableId, 54, { weight: 700 }),
      box({ height: px(18) }),
      centred('Pairing code', 16),
      centred(groupDigits(info.pairingCode), 80, { weight: 700, color: theme.ink }),
      box({ width: px(120), height: px(3), backgroundColor: theme.ink, marginTop: px(20), marginBottom: px(20) }),
      paragraph(PAIRING_INSTRUCTIONS, 2, { ...textStyle(ctx, 20), width, textAlign: 'center' }),
      box({ height: px(8) }),
      centred(info.serverName === 'Inkstand' ? 'Inkstand' : `Inkstand on ${info.serverName}`, 15, { color: theme.accent }),
    ]);
}

export function sleepTree(canvas: CanvasSpec): El {
  const ctx = drawContext(canvas, NO_CLOCK);
  const { px } = ctx;
  return box({ ...pageStyle(ctx), flexDirection: 'column', alignItems: 'center', justifyContent: 'flex-end', paddingBottom: px(48) }, [
    moon(ctx),
    line('Sleeping', { ...textStyle(ctx, 18), marginTop: px(6) }),
  ]);
}

function moon(ctx: DrawContext): El {
  const size = ctx.px(36);
  return image(weatherIconUri('clear-night', ctx.theme), size, size);
}

/** "482913" → "482 913", easier to compare at a glance; other codes are left as they are. */
function groupDigits(code: string): string {
  return /^\d{6}$/.test(code) ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
