import type { MeasuredNode, Node } from '@takumi-rs/core';
import type { El } from './elements.ts';

export interface EngineTree {
  node: Node;
  /** Picture bytes by the `src` the tree names; the engine caches each decoded picture by its `src`. */
  images: { src: string; data: Uint8Array }[];
}

/** An element tree as the engine's nodes: text leaves become a container holding one text run. */
export function toEngineTree(tree: El): EngineTree {
  const images = new Map<string, Uint8Array>();
  const convert = (el: El): Node => {
    const style = (el.props.style ?? {}) as never;
    if (el.type === 'img') {
      const src = el.props.src ?? '';
      if (!images.has(src)) images.set(src, dataUriBytes(src));
      return { type: 'image', src, width: el.props.width, height: el.props.height, style };
    }
    const { children } = el.props;
    if (typeof children === 'string') return { type: 'container', style, children: [{ type: 'text', text: children }] };
    return { type: 'container', style, children: (children ?? []).map(convert) };
  };
  const node = convert(tree);
  return { node, images: [...images].map(([src, data]) => ({ src, data })) };
}

/** Pictures in the dashboard are `data:` URIs (the weather icons); nothing is fetched while drawing. */
function dataUriBytes(src: string): Uint8Array {
  const comma = src.indexOf(',');
  if (!src.startsWith('data:') || comma < 0) throw new Error(`dashboard pictures must be data: URIs, not ${src.slice(0, 40)}`);
  const body = src.slice(comma + 1);
  return src.slice(0, comma).endsWith(';base64') ? Buffer.from(body, 'base64') : Buffer.from(decodeURIComponent(body));
}

export interface LaidOut {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The laid-out box of each keyed element, in canvas pixels. */
export function boxesByKey(tree: El, measured: MeasuredNode): Map<string, LaidOut> {
  const boxes = new Map<string, LaidOut>();
  const walk = (el: El, m: MeasuredNode): void => {
    if (el.key !== undefined) boxes.set(el.key, { left: m.transform[4], top: m.transform[5], width: m.width, height: m.height });
    const { children } = el.props;
    if (!Array.isArray(children) || children.length !== m.children.length) return;
    children.forEach((child, i) => walk(child, m.children[i]));
  };
  walk(tree, measured);
  return boxes;
}
