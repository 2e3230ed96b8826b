/**
 * Items in weighted random order without replacement (Efraimidis–Spirakis: sort by u^(1/w),
 * compared as ln(u)/w). The first item is a weighted random pick; items of weight 0 come never.
 */
export function weightedOrder<T>(items: readonly T[], weight: (item: T) => number, rng: () => number = Math.random): T[] {
  return items
    .map((item) => ({ item, w: weight(item) }))
    .filter(({ w }) => w > 0)
    .map(({ item, w }) => ({ item, key: Math.log(1 - rng()) / w }))
    .sort((a, b) => b.key - a.key)
    .map(({ item }) => item);
}
