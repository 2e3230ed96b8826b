import { descendants, type MarkupElement } from './dom.ts';

/** The framework's size modifiers from small to large ('' is the base size). */
const SIZES = ['xxsmall', 'xsmall', 'small', '', 'large', 'xlarge', 'xxlarge', 'xxxlarge'];
const SIZED = ['content', 'title', 'value', 'label', 'description'];
/** Rich text is not shrunk below this; a block that still overflows is cut off by its view. */
const SMALLEST = SIZES.indexOf('xsmall');

/** Every sized text element in `root` one size smaller; false when all are at the smallest already. */
export function stepTextDown(root: MarkupElement): boolean {
  let stepped = false;
  for (const el of descendants(root)) {
    for (const base of SIZED) {
      if (!el.classes.has(base)) continue;
      const current = SIZES.findIndex((size) => (size ? el.classes.has(`${base}--${size}`) : false));
      const index = current === -1 ? SIZES.indexOf('') : current;
      if (index <= SMALLEST) continue;
      if (SIZES[index]) el.classes.delete(`${base}--${SIZES[index]}`);
      if (SIZES[index - 1]) el.classes.add(`${base}--${SIZES[index - 1]}`);
      stepped = true;
    }
  }
  return stepped;
}
