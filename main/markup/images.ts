import type { Node } from '@takumi-rs/core';
import type { MarkupElement } from './dom.ts';

/**
 * The picture bytes for each `src` the markup names: inline `data:` URIs, and those the caller
 * fetched beforehand. A picture we have no bytes for is drawn as an empty outlined box of its size.
 */
export function resolveImages(sources: Map<string, MarkupElement>, nodeOf: Map<MarkupElement, Node>, given: Record<string, Uint8Array> = {}): { src: string; data: Uint8Array }[] {
  const out: { src: string; data: Uint8Array }[] = [];
  for (const [src, el] of sources) {
    const data = given[src] ?? dataUri(src);
    if (data) {
      out.push({ src, data });
      continue;
    }
    el.classes.add('markup-missing-image');
    const node = nodeOf.get(el) as Record<string, unknown> | undefined;
    if (!node) continue;
    node.type = 'container';
    delete node.src;
    node.className = `${String(node.className ?? '')} markup-missing-image`;
  }
  return out;
}

function dataUri(src: string): Uint8Array | undefined {
  const match = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(src);
  if (!match) return undefined;
  try {
    return match[2] ? Buffer.from(match[3], 'base64') : Buffer.from(decodeURIComponent(match[3]));
  } catch {
    return undefined;
  }
}

/** The remote pictures a piece of markup names, for a caller to fetch before drawing it. */
export function remoteImageUrls(sources: Iterable<string>): string[] {
  return [...sources].filter((src) => /^https?:\/\//i.test(src));
}
