import { drawableText } from './drawable-text.ts';
import type { El, Style } from './elements.ts';
import { layOut } from './rasterize.ts';

/**
 * The largest font size, from `sizes` (largest first), at which `text` wrapped to `width`
 * stays within `height`; the engine lays it out to measure. Falls back to the smallest size.
 */
export async function largestFittingSize(
  text: string,
  box: { width: number; height: number },
  sizes: number[],
  style: (fontSize: number) => Style,
): Promise<number> {
  let low = 0;
  let high = sizes.length - 1;
  let best = sizes[sizes.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((await measuredHeight(text, box.width, style(sizes[mid]))) <= box.height) {
      best = sizes[mid];
      high = mid - 1;
    } else {
      low = mid + 1;
    }
  }
  return best;
}

async function measuredHeight(text: string, width: number, style: Style): Promise<number> {
  const probe: El = {
    type: 'div',
    key: 'probe',
    props: { style: { display: 'block', overflowWrap: 'break-word', ...style, width }, children: drawableText(text) },
  };
  // Lay out on a canvas tall enough that nothing constrains the paragraph's height.
  const boxes = await layOut(probe, { width, height: 100_000 });
  return boxes.get('probe')?.height ?? Infinity;
}
