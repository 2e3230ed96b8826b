import { drawableText } from './drawable-text.ts';

/**
 * Plain-object element trees (React's shape, no JSX): `{ type, props: { style, children } }`, turned into the engine's nodes by to-node.ts.
 * Every element is a flex box unless its style says otherwise.
 */
export type Style = Record<string, string | number>;

export interface El {
  type: 'div' | 'img';
  key?: string;
  props: { style?: Style; children?: El[] | string; src?: string; width?: number; height?: number };
}

export function box(style: Style, children: (El | null | false)[] = []): El {
  return { type: 'div', props: { style: { display: 'flex', boxSizing: 'border-box', ...style }, children: children.filter((c): c is El => !!c) } };
}

/** One line of text, cut with an ellipsis where it does not fit its box. */
export function line(content: string, style: Style): El {
  const text = drawableText(content);
  return {
    type: 'div',
    props: {
      style: { display: 'block', boxSizing: 'border-box', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', ...style },
      children: text,
    },
  };
}

/** Text wrapped on at most `maxLines` lines, the last one ending in an ellipsis if cut. */
export function paragraph(content: string, maxLines: number, style: Style): El {
  const text = drawableText(content);
  return {
    type: 'div',
    props: {
      style: { display: 'block', boxSizing: 'border-box', overflow: 'hidden', lineClamp: maxLines, overflowWrap: 'break-word', ...style },
      children: text,
    },
  };
}

export function image(src: string, width: number, height: number, style: Style = {}): El {
  return { type: 'img', props: { src, width, height, style: { width, height, flexShrink: 0, ...style } } };
}

export function svgDataUri(svg: string): string {
  return 'data:image/svg+xml;base64,' + Buffer.from(svg).toString('base64');
}
