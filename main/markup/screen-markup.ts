import type { MashupLayout } from './structure-pass.ts';

export type ViewSize = 'full' | 'half_horizontal' | 'half_vertical' | 'quadrant';

export interface ViewMarkup {
  /** The view's inside: a recipe's rendered layout (a `layout` and optionally a `title_bar`). */
  html: string;
}

/** Which view size each place of a mashup has, in the order the mashup's views are given. */
const VIEW_SIZES: Record<MashupLayout, ViewSize[]> = {
  '1Lx1R': ['half_vertical', 'half_vertical'],
  '1Tx1B': ['half_horizontal', 'half_horizontal'],
  '2x2': ['quadrant', 'quadrant', 'quadrant', 'quadrant'],
  '1Lx2R': ['half_vertical', 'quadrant', 'quadrant'],
  '2Lx1R': ['quadrant', 'quadrant', 'half_vertical'],
  '1Tx2B': ['half_horizontal', 'quadrant', 'quadrant'],
  '2Tx1B': ['quadrant', 'quadrant', 'half_horizontal'],
};

/** The view size each screen of a mashup is rendered at (which Liquid file of a recipe to use). */
export function mashupViewSizes(layout: MashupLayout): ViewSize[] {
  return VIEW_SIZES[layout];
}

/**
 * A whole screen, as the TRMNL platform wraps plugin markup: one full view, or the views of a
 * mashup in its arrangement. Options the screen asks for become the screen's classes.
 */
export function screenMarkup(views: ViewMarkup[], opts: { mashup?: MashupLayout; darkMode?: boolean; noScreenPadding?: boolean } = {}): string {
  const classes = ['screen', opts.darkMode ? 'screen--dark-mode' : '', opts.noScreenPadding ? 'screen--no-bleed' : ''].filter(Boolean).join(' ');
  if (!opts.mashup) return `<div class="${classes}"><div class="view view--full">${views[0]?.html ?? ''}</div></div>`;
  const sizes = VIEW_SIZES[opts.mashup];
  const inner = views.slice(0, sizes.length).map((view, i) => `<div class="view view--${sizes[i]}">${view.html}</div>`).join('');
  return `<div class="${classes}"><div class="mashup mashup--${opts.mashup}">${inner}</div></div>`;
}
