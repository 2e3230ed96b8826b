import { descendants, element, hasClass, type MarkupElement } from './dom.ts';

export const MASHUP_LAYOUTS = ['1Lx1R', '1Tx1B', '2x2', '1Lx2R', '2Lx1R', '1Tx2B', '2Tx1B'] as const;
export type MashupLayout = (typeof MASHUP_LAYOUTS)[number];

/** Where each view of a mashup sits: [row start, row end, column start, column end] on a 2×2 grid. */
const PLACEMENT: Record<MashupLayout, [number, number, number, number][]> = {
  '1Lx1R': [[1, 2, 1, 2], [1, 2, 2, 3]],
  '1Tx1B': [[1, 2, 1, 2], [2, 3, 1, 2]],
  '2x2': [[1, 2, 1, 2], [1, 2, 2, 3], [2, 3, 1, 2], [2, 3, 2, 3]],
  '1Lx2R': [[1, 3, 1, 2], [1, 2, 2, 3], [2, 3, 2, 3]],
  '2Lx1R': [[1, 2, 1, 2], [2, 3, 1, 2], [1, 3, 2, 3]],
  '1Tx2B': [[1, 2, 1, 3], [2, 3, 1, 2], [2, 3, 2, 3]],
  '2Tx1B': [[1, 2, 1, 2], [1, 2, 2, 3], [2, 3, 1, 3]],
};

export interface ScreenOptions {
  darkMode: boolean;
  noScreenPadding: boolean;
}

/**
 * Gives the markup the framework's full structure and resolves what depends on combinations of
 * classes. A recipe's markup is usually a view's inside (a layout and a title bar), which the
 * platform wraps in a screen and a full view; markup that brings its own screen keeps it.
 * Returns the screen options the markup asks for (`screen--dark-mode`, `screen--no-bleed`).
 */
export function completeStructure(root: MarkupElement, asked: ScreenOptions): ScreenOptions {
  let screen = [...descendants(root)].find((el) => hasClass(el, 'screen'));
  if (!screen) {
    const hasView = [...descendants(root)].some((el) => hasClass(el, 'view'));
    const inner = hasView ? root.children : [element('div', { class: 'view view--full' }, root.children)];
    screen = element('div', { class: 'screen' }, inner);
    root.children = [screen];
  }
  const options = {
    darkMode: asked.darkMode || hasClass(screen, 'screen--dark-mode'),
    noScreenPadding: asked.noScreenPadding || hasClass(screen, 'screen--no-bleed'),
  };
  for (const el of descendants(root)) {
    if (hasClass(el, 'mashup')) placeMashupViews(el);
    if (hasClass(el, 'layout') || hasClass(el, 'flex')) resolveAlignment(el);
  }
  return options;
}

function placeMashupViews(mashup: MarkupElement): void {
  const layout = MASHUP_LAYOUTS.find((name) => hasClass(mashup, `mashup--${name}`)) ?? '1Lx1R';
  const views = mashup.children.filter((c): c is MarkupElement => typeof c !== 'string' && hasClass(c, 'view'));
  views.forEach((view, i) => {
    const place = PLACEMENT[layout][i];
    if (!place) {
      view.style.display = 'none';
      return;
    }
    Object.assign(view.style, { gridRowStart: place[0], gridRowEnd: place[1], gridColumnStart: place[2], gridColumnEnd: place[3] });
  });
}

/**
 * `layout--left|center|right` and `layout--top|middle|bottom` (and the same on `flex`) name
 * directions on the screen, so which flexbox property they set depends on the direction the
 * element lays its children out in. A layout centres its content unless told otherwise.
 */
function resolveAlignment(el: MarkupElement): void {
  const prefix = hasClass(el, 'layout') ? 'layout' : 'flex';
  const column = hasClass(el, `${prefix}--col`) || (prefix === 'flex' && hasClass(el, 'flex--col'));
  const mod = (name: string): boolean => hasClass(el, `${prefix}--${name}`);
  const isLayout = prefix === 'layout';
  const horizontal = mod('left') ? 'flex-start' : mod('right') ? 'flex-end' : mod('center') || mod('center-x') || isLayout ? 'center' : undefined;
  const vertical = mod('top') ? 'flex-start' : mod('bottom') ? 'flex-end' : mod('middle') || mod('center-y') || isLayout ? 'center' : undefined;
  const [main, cross] = column ? [vertical, horizontal] : [horizontal, vertical];
  if (main) el.style.justifyContent ??= main;
  if (cross) el.style.alignItems ??= cross;
  if (mod('stretch') || (column ? mod('stretch-x') : mod('stretch-y'))) el.style.alignItems = 'stretch';
  if (mod('stretch') || (column ? mod('stretch-y') : mod('stretch-x'))) {
    for (const child of el.children) if (typeof child !== 'string') child.style.flexGrow ??= 1;
  }
  if (mod('between')) el.style.justifyContent = 'space-between';
  if (mod('around')) el.style.justifyContent = 'space-around';
}
