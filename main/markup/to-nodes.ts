import type { Node } from '@takumi-rs/core';
import { isElement, type MarkupElement, type MarkupNode } from './dom.ts';
import { toHtml } from './serialize.ts';

/** Tags that flow inside a line of text unless a class makes them blocks. */
const INLINE_TAGS = new Set(['span', 'a', 'b', 'strong', 'i', 'em', 'small', 'sup', 'sub', 'u', 's', 'del', 'ins', 'code', 'time', 'abbr', 'mark', 'q', 'cite', 'font', 'label']);
/** Framework classes that lay their children out as boxes (flex or grid), never as a line of text. */
const CONTAINER_CLASSES = ['screen', 'mashup', 'view', 'layout', 'title_bar', 'columns', 'column', 'grid', 'flex', 'item', 'meta', 'progress-bar', 'track', 'table-grid'];
/** Framework classes that make an element a block of its own. */
const BLOCK_CLASSES = ['title', 'value', 'label', 'description', 'item', 'meta', 'content', 'index', 'layout', 'flex', 'columns', 'column', 'grid', 'title_bar', 'image', 'divider', 'richtext', 'progress-bar'];

export interface NodeTree {
  node: Node;
  /** The node drawn for each element, to find an element's box after layout. */
  nodeOf: Map<MarkupElement, Node>;
  /** The pictures the markup shows, by the `src` the node names. */
  imageSources: Map<string, MarkupElement>;
}

/**
 * Our markup tree as the layout engine's nodes. An element holding only text and inline elements
 * becomes a text block (one paragraph, wrapped as a browser wraps it); an element holding blocks
 * drops the white space between them and wraps stray text into anonymous blocks, as HTML does.
 */
export function toNodes(root: MarkupElement): NodeTree {
  const nodeOf = new Map<MarkupElement, Node>();
  const imageSources = new Map<string, MarkupElement>();
  const convert = (el: MarkupElement, inline: boolean): Node => {
    if (el.tag === 'img') return imageNode(el, nodeOf, imageSources);
    if (el.tag === 'svg') return svgNode(el, nodeOf);
    if (el.tag === 'br') return remember(el, { type: 'container', className: 'markup-br' }, nodeOf);
    const textBlock = el.children.every(isInlineLevel) && !CONTAINER_CLASSES.some((name) => el.classes.has(name));
    const classes = [...el.classes];
    if (textBlock && !inline) classes.push('markup-text');
    const children = textBlock ? el.children.map((c) => (isElement(c) ? convert(c, true) : ({ type: 'text', text: c } as Node))) : blockChildren(el, convert);
    return remember(el, { type: 'container', tagName: el.tag, className: classes.join(' '), attributes: el.attrs, style: el.style as never, children }, nodeOf);
  };
  return { node: convert(root, false), nodeOf, imageSources };
}

function blockChildren(el: MarkupElement, convert: (el: MarkupElement, inline: boolean) => Node): Node[] {
  const out: Node[] = [];
  let run: MarkupNode[] = [];
  const flush = (): void => {
    const meaningful = run.filter((n) => isElement(n) || n.trim() !== '');
    // A lone inline element among blocks is a box of its own (as a flex item is): it keeps its box in the laid-out tree.
    if (meaningful.length === 1 && isElement(meaningful[0])) out.push(convert(meaningful[0], false));
    else if (meaningful.length > 0) {
      out.push({ type: 'container', className: 'markup-text', children: run.map((n) => (isElement(n) ? convert(n, true) : ({ type: 'text', text: n } as Node))) });
    }
    run = [];
  };
  for (const child of el.children) {
    if (isInlineLevel(child)) run.push(child);
    else {
      flush();
      out.push(convert(child as MarkupElement, false));
    }
  }
  flush();
  return out;
}

function isInlineLevel(node: MarkupNode): boolean {
  if (!isElement(node)) return true;
  if (!INLINE_TAGS.has(node.tag)) return false;
  if (node.style.display !== undefined && node.style.display !== 'inline') return false;
  return !BLOCK_CLASSES.some((name) => node.classes.has(name));
}

function imageNode(el: MarkupElement, nodeOf: Map<MarkupElement, Node>, imageSources: Map<string, MarkupElement>): Node {
  const src = el.attrs.src ?? '';
  const width = Number(el.attrs.width) || undefined;
  const height = Number(el.attrs.height) || undefined;
  const style = { ...el.style, ...(width ? { width } : {}), ...(height ? { height } : {}) };
  if (!src || el.classes.has('markup-missing-image')) return remember(el, { type: 'container', className: `${[...el.classes, 'markup-missing-image'].join(' ')}`, style: style as never }, nodeOf);
  imageSources.set(src, el);
  return remember(el, { type: 'image', src, className: [...el.classes].join(' '), tagName: 'img', style: style as never }, nodeOf);
}

/** Inline SVG (icons, small charts) drawn as the vector picture it is, in its own colours (never dithered). */
function svgNode(el: MarkupElement, nodeOf: Map<MarkupElement, Node>): Node {
  const attrs = { xmlns: 'http://www.w3.org/2000/svg', ...el.attrs };
  const svg = toHtml({ ...el, attrs });
  const width = Number.parseFloat(el.attrs.width ?? '') || undefined;
  const height = Number.parseFloat(el.attrs.height ?? '') || undefined;
  const style = { ...(width ? { width } : {}), ...(height ? { height } : {}), ...el.style };
  return remember(el, { type: 'image', src: new Uint8Array(Buffer.from(svg)), className: [...el.classes].join(' '), style: style as never }, nodeOf);
}

function remember(el: MarkupElement, node: Node, nodeOf: Map<MarkupElement, Node>): Node {
  nodeOf.set(el, node);
  return node;
}
