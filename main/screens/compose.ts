import type { MashupLayout, ScreenView } from '../../contract/screens.ts';

/** The view each slot of a mashup layout gives its screen, in reading order (left/top first). */
export const MASHUP_VIEWS: Record<MashupLayout, ScreenView[]> = {
  '1Lx1R': ['half_vertical', 'half_vertical'],
  '1Tx1B': ['half_horizontal', 'half_horizontal'],
  '2x2': ['quadrant', 'quadrant', 'quadrant', 'quadrant'],
  '1Lx2R': ['half_vertical', 'quadrant', 'quadrant'],
  '2Lx1R': ['quadrant', 'quadrant', 'half_vertical'],
  '1Tx2B': ['half_horizontal', 'quadrant', 'quadrant'],
  '2Tx1B': ['quadrant', 'quadrant', 'half_horizontal'],
};

export interface ComposedView {
  view: ScreenView;
  /** The recipe's markup for that view (Liquid already rendered). */
  html: string;
}

export interface ScreenOptions {
  darkMode?: boolean;
  noScreenPadding?: boolean;
}

/**
 * The page TRMNL builds around plugin markup: a `screen`, and in it one `view` (or a `mashup` of
 * views), each holding a recipe's markup. The markup drawing (main/markup/) lays out this page.
 */
export function screenPage(views: ComposedView[], layout: MashupLayout | null, options: ScreenOptions = {}): string {
  const screenClass = ['screen', options.darkMode ? 'screen--dark-mode' : '', options.noScreenPadding ? 'screen--no-bleed' : ''].filter(Boolean).join(' ');
  const body = views.map((v) => `<div class="view view--${v.view}">${v.html}</div>`).join('');
  const inner = layout ? `<div class="mashup mashup--${layout}">${body}</div>` : body;
  return `<div class="${screenClass}">${inner}</div>`;
}

/** What a view shows when its screen cannot be drawn: the screen's name and the reason, plainly. */
export function problemCard(title: string, reason: string): string {
  return `<div class="layout layout--col layout--center"><span class="title">${escapeHtml(title)}</span><span class="description">${escapeHtml(reason)}</span></div>`
    + `<div class="title_bar"><span class="title">${escapeHtml(title)}</span></div>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
