import type { El } from '../../../main/dashboard/elements.ts';

/** All text of an element tree, in document order. */
export function textsOf(el: El): string[] {
  const { children } = el.props;
  if (typeof children === 'string') return [children];
  return (children ?? []).flatMap(textsOf);
}
