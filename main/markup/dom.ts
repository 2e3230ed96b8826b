import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import styleToJs from 'style-to-js';

/**
 * The markup as a small tree of our own: a tag, its classes, attributes and inline style, and its
 * children (elements or text). The framework passes (prepare.ts, runtime passes) rewrite it before
 * it becomes the layout engine's node tree.
 */
export interface MarkupElement {
  tag: string;
  classes: Set<string>;
  attrs: Record<string, string>;
  /** Inline style as camelCase declarations (the recipe's own plus the ones the passes add). */
  style: Record<string, string | number>;
  children: MarkupNode[];
}

export type MarkupNode = MarkupElement | string;

export interface ParsedMarkup {
  root: MarkupElement;
  /** The text of the markup's `<style>` elements, in order: recipes style their own markup too. */
  styleSheets: string[];
  /** Whether the markup carries a `<script>` (then only a browser draws it faithfully). */
  hasScript: boolean;
}

/** Elements that never draw anything here. */
const DROPPED = new Set(['script', 'style', 'link', 'meta', 'title', 'head', 'noscript', 'template', 'iframe', 'object', 'embed']);

/** `keepScripts`: keep `<script>` elements in the tree (for a browser to run them). */
export function parseMarkup(html: string, { keepScripts = false } = {}): ParsedMarkup {
  // Attribute names keep their case: inline SVG needs its `viewBox`.
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: false, recognizeSelfClosing: true });
  const styleSheets: string[] = [];
  let hasScript = false;
  const convert = (nodes: ChildNode[]): MarkupNode[] => {
    const out: MarkupNode[] = [];
    for (const node of nodes) {
      if (node.type === 'text') out.push(node.data);
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        const tag = node.name;
        if (tag === 'script') hasScript = true;
        if (tag === 'style') styleSheets.push(node.children.map((c) => (c.type === 'text' ? c.data : '')).join(''));
        if (tag === 'script' && keepScripts) {
          out.push(element(tag, node.attribs, node.children.map((c) => (c.type === 'text' ? c.data : ''))));
          continue;
        }
        if (DROPPED.has(tag)) continue;
        if (tag === 'html' || tag === 'body') {
          out.push(...convert(node.children));
          continue;
        }
        out.push(element(tag, node.attribs, convert(node.children)));
      }
    }
    return out;
  };
  const root = element('div', { class: 'markup-root' }, convert(doc.children));
  return { root, styleSheets, hasScript };
}

export function element(tag: string, attrs: Record<string, string> = {}, children: MarkupNode[] = []): MarkupElement {
  const { class: className = '', style = '', ...rest } = attrs;
  return { tag, classes: new Set(className.split(/\s+/).filter(Boolean)), attrs: rest, style: parseInlineStyle(style), children };
}

/** A recipe's `style="…"` as declarations; a malformed one is dropped rather than failing the render. */
function parseInlineStyle(style: string): Record<string, string | number> {
  if (!style.trim()) return {};
  try {
    return styleToJs(style) as Record<string, string | number>;
  } catch {
    return {};
  }
}

export const isElement = (node: MarkupNode): node is MarkupElement => typeof node !== 'string';

export function hasClass(el: MarkupElement, name: string): boolean {
  return el.classes.has(name);
}

/** Every element below `root` (and `root` itself), depth first, in document order. */
export function* descendants(root: MarkupElement): Generator<MarkupElement> {
  yield root;
  for (const child of root.children) if (isElement(child)) yield* descendants(child);
}

export function textContent(node: MarkupNode): string {
  return typeof node === 'string' ? node : node.children.map(textContent).join('');
}

/** The value of a `data-*` attribute read as a number, or undefined. */
export function numberAttr(el: MarkupElement, name: string): number | undefined {
  const value = el.attrs[name];
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
