import { isElement, type MarkupElement, type MarkupNode } from './dom.ts';

const VOID = new Set(['img', 'br', 'hr', 'input', 'meta', 'link', 'source', 'wbr', 'area', 'col']);
const RAW_TEXT = new Set(['script', 'style']);

/** Our markup tree back to HTML, for a browser to draw the same structure the engine lays out. */
export function toHtml(node: MarkupNode, rawText = false): string {
  if (!isElement(node)) return rawText ? node : escapeText(node);
  const attrs: Record<string, string> = { ...node.attrs };
  if (node.classes.size > 0) attrs.class = [...node.classes].join(' ');
  const style = styleText(node.style);
  if (style) attrs.style = style;
  const open = `<${node.tag}${Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')}>`;
  if (VOID.has(node.tag)) return open;
  return `${open}${node.children.map((c) => toHtml(c, RAW_TEXT.has(node.tag))).join('')}</${node.tag}>`;
}

function styleText(style: MarkupElement['style']): string {
  const entries = Object.entries(style);
  const out = entries.map(([key, value]) => `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value}`);
  // A browser clamps lines only on a vertical -webkit-box.
  if (style.lineClamp !== undefined) out.push(`display: -webkit-box`, `-webkit-box-orient: vertical`, `-webkit-line-clamp: ${style.lineClamp}`);
  return out.join('; ');
}

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string): string => escapeText(text).replace(/"/g, '&quot;');
