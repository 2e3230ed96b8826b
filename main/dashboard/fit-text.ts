import type { CanvasSpec } from './canvas.ts';
import { drawableText } from './drawable-text.ts';
import type { El, Style } from './elements.ts';
import { toSvg } from './rasterize.ts';

/**
 * The largest font size, from `sizes` (largest first), at which `text` wrapped to `width`
 * stays within `height`; satori lays it out to measure. Falls back to the smallest size.
 */
export async function largestFittingSize(
  text: string,
  box: { width: number; height: number },
  sizes: number[],
  style: (fontSize: number) => Style,
  canvas: CanvasSpec,
): Promise<number> {
  let low = 0;
  let high = sizes.length - 1;
  let best = sizes[sizes.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((await measuredHeight(text, box.width, style(sizes[mid]), canvas)) <= box.height) {
      best = sizes[mid];
      high = mid - 1;
    } else {
      low = mid + 1;
    }
  }
  return best;
}

async function measuredHeight(text: string, width: number, style: Style, canvas: CanvasSpec): Promise<number> {
  const probe: El = {
    type: 'div',
    key: 'probe',
    props: { style: { display: 'block', overflowWrap: 'break-word', ...style, width }, children: drawableText(text) },
  };
  let height = Infinity;
  // Lay out on a canvas tall enough that nothing constrains the paragraph's height.
  await toSvg(probe, { ...canvas, width, height: 100_000 }, (node) => {
    if (node.key === 'probe') height = node.height;
  });
  return height;
}
