import type { CanvasSpec } from '../../../main/dashboard/canvas.ts';
import type { El } from '../../../main/dashboard/elements.ts';
import { layOut, toPixels } from '../../../main/dashboard/rasterize.ts';
import type { LaidOut } from '../../../main/dashboard/to-node.ts';

export interface TextProblem {
  text: string;
  problem: string;
}

interface TextLeaf {
  key: string;
  text: string;
  marker: [number, number, number];
  lineHeight: number;
  ancestors: string[];
}

type Box = LaidOut;

/** Glyph edges may reach this far past their box (anti-aliasing, side bearings). */
const EDGE_TOLERANCE = 1;

/**
 * Renders `tree` with every text leaf drawn in its own marker colour and checks, for real
 * pixels and real layout boxes, that:
 *  - every pixel in a leaf's marker colour lies inside that leaf's box;
 *  - every leaf's box lies inside each of its ancestors' boxes and the canvas;
 *  - every leaf is at least one line tall and visibly drawn (not squashed or clipped away).
 */
export async function findTextProblems(tree: El, canvas: CanvasSpec): Promise<TextProblem[]> {
  const leaves: TextLeaf[] = [];
  const marked = markTextLeaves(tree, 'r', [], leaves);
  const boxes = await layOut(marked, canvas);
  const { pixels, width, height } = await toPixels(marked, canvas);

  const problems: TextProblem[] = [];
  const byMarker = new Map(leaves.map((leaf) => [markerId(leaf.marker), leaf]));
  const outside = new Map<TextLeaf, number>();
  const drawn = new Map<TextLeaf, number>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const leaf = byMarker.get(markerId([pixels[i], pixels[i + 1], pixels[i + 2]]));
      if (!leaf) continue;
      drawn.set(leaf, (drawn.get(leaf) ?? 0) + 1);
      const box = boxes.get(leaf.key);
      if (box && !contains(box, { left: x, top: y, width: 1, height: 1 }, EDGE_TOLERANCE)) {
        outside.set(leaf, (outside.get(leaf) ?? 0) + 1);
      }
    }
  }

  const canvasBox = { left: 0, top: 0, width: canvas.width, height: canvas.height };
  for (const leaf of leaves) {
    const box = boxes.get(leaf.key);
    if (!box) {
      problems.push({ text: leaf.text, problem: 'not laid out' });
      continue;
    }
    const spill = outside.get(leaf);
    if (spill) problems.push({ text: leaf.text, problem: `${spill} text pixels outside its box` });
    for (const ancestor of [canvasBox, ...leaf.ancestors.map((key) => boxes.get(key)!)]) {
      if (!contains(ancestor, box, 0.5)) {
        problems.push({ text: leaf.text, problem: `box ${describe(box)} sticks out of ${describe(ancestor)}` });
        break;
      }
    }
    if (box.height < leaf.lineHeight - 0.5) problems.push({ text: leaf.text, problem: `box ${box.height}px high, line needs ${leaf.lineHeight}px` });
    if (leaf.text.trim() && !drawn.get(leaf)) problems.push({ text: leaf.text, problem: 'not visible' });
  }
  return problems;
}

/** Copies the tree, giving every element a key and every text leaf its own colour. */
function markTextLeaves(el: El, key: string, ancestors: string[], leaves: TextLeaf[]): El {
  const { children, style = {} } = el.props;
  if (typeof children === 'string') {
    const marker = markerColour(leaves.length);
    const fontSize = Number(style.fontSize);
    const lineHeight = typeof style.lineHeight === 'string' ? parseFloat(style.lineHeight) : Number(style.lineHeight ?? 1.2) * fontSize;
    leaves.push({ key, text: children, marker, lineHeight, ancestors });
    return { ...el, key, props: { ...el.props, style: { ...style, color: `rgb(${marker.join(',')})` } } };
  }
  const childAncestors = [...ancestors, key];
  return {
    ...el,
    key,
    props: { ...el.props, children: children?.map((child, i) => markTextLeaves(child, `${key}.${i}`, childAncestors, leaves)) },
  };
}

/** Colours no panel palette or blend of palette colours is likely to hit exactly. */
function markerColour(index: number): [number, number, number] {
  return [201, 3 + (index % 120) * 2, 97 + Math.floor(index / 120) * 2];
}

function markerId([r, g, b]: readonly number[]): number {
  return (r << 16) | (g << 8) | b;
}

function contains(outer: Box, inner: Box, tolerance: number): boolean {
  return (
    inner.left >= outer.left - tolerance &&
    inner.top >= outer.top - tolerance &&
    inner.left + inner.width <= outer.left + outer.width + tolerance &&
    inner.top + inner.height <= outer.top + outer.height + tolerance
  );
}

function describe(b: Box): string {
  return `${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}×${Math.round(b.height)}`;
}
