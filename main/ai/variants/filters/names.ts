/** The offline filters' names, as the catalogue's `builtin_filter` gives them; the filters themselves (index.ts) load libvips. */
export const BUILTIN_FILTER_NAMES = ['ink-sketch', 'woodcut', 'pop-art', 'halftone', 'duotone'] as const;

export type BuiltinFilterName = (typeof BUILTIN_FILTER_NAMES)[number];

export function isBuiltinFilter(name: string): name is BuiltinFilterName {
  return (BUILTIN_FILTER_NAMES as readonly string[]).includes(name);
}
