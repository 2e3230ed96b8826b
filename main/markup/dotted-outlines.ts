import type { Box } from './boxes.ts';
import { hasClass, type MarkupElement } from './dom.ts';

/** Corner radius of each outlined kind, in CSS pixels (as the stylesheet rounds them). */
const RADIUS = { outline: 8, label: 4 };
/** One dot every this many CSS pixels along the edges and around the corners. */
const PITCH = 4;

/**
 * On a 1-bit panel the framework draws outlines (`outline`, `label--outline`) as a rounded
 * rectangle of single dots rather than a line, which reads as a light rule where a grey cannot be
 * shown. The stylesheet keeps the border's room but leaves it unpainted; the dots go in here.
 */
export const ONE_BIT_OUTLINE_CSS = '.outline, .label--outline { border-color: transparent; }';

export function isOutlined(el: MarkupElement): boolean {
  return hasClass(el, 'outline') || hasClass(el, 'label--outline');
}

export function radiusOf(el: MarkupElement): number {
  return hasClass(el, 'outline') ? RADIUS.outline : RADIUS.label;
}

/** Paints the dots of each outline (a box and its corner radius in CSS pixels) into the RGBA drawing. */
export function paintDottedOutlines(rgba: Uint8Array, width: number, height: number, outlines: { box: Box; radius: number }[], ink: readonly number[], scale: number): void {
  const dot = Math.max(1, Math.round(scale));
  const pitch = PITCH * dot;
  const put = (x: number, y: number): void => {
    for (let dy = 0; dy < dot; dy++) {
      for (let dx = 0; dx < dot; dx++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        const i = (py * width + px) * 4;
        rgba[i] = ink[0];
        rgba[i + 1] = ink[1];
        rgba[i + 2] = ink[2];
        rgba[i + 3] = 255;
      }
    }
  };
  for (const { box, radius } of outlines) {
    const left = Math.round(box.x);
    const top = Math.round(box.y);
    const right = Math.round(box.x + box.width) - dot;
    const bottom = Math.round(box.y + box.height) - dot;
    if (right <= left || bottom <= top) continue;
    const r = Math.min(radius * dot, (right - left) / 2, (bottom - top) / 2);
    // Straight edges between the corners, the dots spread evenly so both ends meet a corner dot.
    const edge = (from: number, to: number, at: (t: number) => void): void => {
      const steps = Math.max(1, Math.round((to - from) / pitch));
      for (let s = 0; s <= steps; s++) at(from + ((to - from) * s) / steps);
    };
    edge(left + r, right - r, (x) => (put(x, top), put(x, bottom)));
    edge(top + r, bottom - r, (y) => (put(left, y), put(right, y)));
    // Quarter circles, dots about a pitch apart along the arc (the ends are the edges' last dots).
    const arcSteps = Math.max(1, Math.round((Math.PI / 2) * r / pitch));
    for (let s = 1; s < arcSteps; s++) {
      const a = (Math.PI / 2) * (s / arcSteps);
      const dx = r - r * Math.cos(a);
      const dy = r - r * Math.sin(a);
      put(left + dx, top + dy);
      put(right - dx, top + dy);
      put(left + dx, bottom - dy);
      put(right - dx, bottom - dy);
    }
  }
}
