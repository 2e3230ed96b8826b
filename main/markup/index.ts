/**
 * Drawing TRMNL markup (a recipe's rendered Liquid, or a whole screen of views) for a display.
 *
 *   howDrawn(html)                 'markup' (by Inkstand, no browser) or 'browser' (it has scripts)
 *   drawingMethod(html)            the same, plus whether a browser is at hand, for the UI
 *   drawMarkup(html, target)       the engine's drawing and its laid-out tree, in an image process
 *   drawMarkupPng(html, target)    only the engine's drawing (what a display gets)
 *   drawWithBrowser(html, target)  a browser's drawing (throws when there is none)
 *   drawScreenMarkup(html, target) whichever the markup needs; the "needs a browser" card if none
 *
 * Every result is the panel-ready PNG (indexed, or grey for grey panels) in the panel's native
 * pixel order, like the frame pipeline's.
 */
import { runImageTask } from '../imaging/pool.ts';
import type { LaidOutBox } from './boxes.ts';
import { browserDocument } from './browser/page.ts';
import { markupBrowser } from './browser/registry.ts';
import type { DrawnMarkup } from './draw.ts';
import { needsBrowserCardMarkup } from './needs-browser-card.ts';
import { viewportFor, type MarkupTarget } from './target.ts';

export type { MarkupTarget } from './target.ts';
export type { DrawnMarkup } from './draw.ts';
export type { LaidOutBox, Box } from './boxes.ts';
export type { MarkupBrowser } from './browser/types.ts';
export { MASHUP_LAYOUTS, type MashupLayout } from './structure-pass.ts';
export { markupBrowser, setMarkupBrowser, closeMarkupBrowser } from './browser/registry.ts';
export { PageShotError } from './browser/page-shot.ts';
export type { PageShotRequest } from './browser/types.ts';
export { SystemChromium, findSystemChromium } from './browser/system-chromium.ts';
export { screenMarkup, mashupViewSizes, type ViewMarkup, type ViewSize } from './screen-markup.ts';

export type HowDrawn = 'markup' | 'browser';

/** A recipe with a `<script>` needs a browser; everything else the engine draws. */
export function howDrawn(html: string): HowDrawn {
  return /<script\b(?![^>]*\btype\s*=\s*["']?(?:application\/(?:ld\+)?json|text\/template)\b)/i.test(html) ? 'browser' : 'markup';
}

export interface DrawingMethod {
  how: HowDrawn | 'needs-browser';
  /** For the UI: "Drawn by Inkstand", "Drawn in Chromium at /usr/bin/chromium", "Needs a browser". */
  description: string;
}

export function drawingMethod(html: string): DrawingMethod {
  if (howDrawn(html) === 'markup') return { how: 'markup', description: 'Drawn by Inkstand (no browser)' };
  const browser = markupBrowser();
  return browser
    ? { how: 'browser', description: `Drawn in a browser (${browser.label}): the recipe runs scripts` }
    : { how: 'needs-browser', description: 'Needs a browser: install Chromium or Google Chrome, or run the desktop app' };
}

/** The engine's drawing, off the event loop (in an image process). */
export function drawMarkup(html: string, target: MarkupTarget): Promise<DrawnMarkup> {
  return runImageTask('drawMarkup', html, target);
}

/** A browser's drawing of markup with scripts, turned into the panel's colours in an image process. */
export async function drawWithBrowser(html: string, target: MarkupTarget): Promise<{ png: Buffer }> {
  const browser = markupBrowser();
  if (!browser) throw new Error('no browser is available to draw this recipe (it runs scripts)');
  const { cssWidth, cssHeight, scale } = viewportFor(target);
  const shot = await browser.shoot({ html: browserDocument(html, target), cssWidth, cssHeight, scale });
  return { png: await runImageTask('markupShotToPanel', shot, target) };
}

/** Only the engine's panel-ready PNG (no laid-out tree: one layout pass fewer), in an image process. */
export function drawMarkupPng(html: string, target: MarkupTarget): Promise<Buffer> {
  return runImageTask('drawMarkupPng', html, target);
}

export interface DrawnScreen {
  png: Buffer;
  how: DrawingMethod['how'];
  /** The engine's laid-out tree, when asked for (never for browser drawings). */
  boxes?: LaidOutBox;
}

/**
 * Whatever the markup needs: the engine, a browser, or the card saying a browser is needed. The
 * laid-out tree costs the engine one more layout pass, so it is drawn only when asked for.
 */
export async function drawScreenMarkup(html: string, target: MarkupTarget, opts: { boxes?: boolean } = {}): Promise<DrawnScreen> {
  const { how } = drawingMethod(html);
  const engine = async (markup: string): Promise<Omit<DrawnScreen, 'how'>> => (opts.boxes ? drawMarkup(markup, target) : { png: await drawMarkupPng(markup, target) });
  if (how === 'markup') return { how, ...(await engine(html)) };
  if (how === 'browser') return { how, ...(await drawWithBrowser(html, target)) };
  return { how, ...(await engine(needsBrowserCardMarkup(html))) };
}
