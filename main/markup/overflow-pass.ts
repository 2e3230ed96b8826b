import type { Box } from './boxes.ts';
import { element, hasClass, isElement, numberAttr, type MarkupElement } from './dom.ts';

export type BoxOf = (el: MarkupElement) => Box | undefined;

/** Columns a `.columns` element may grow to, when it asks for more than it has (`data-max-columns`). */
export function addWantedColumns(columnsEls: MarkupElement[]): void {
  for (const columns of columnsEls) {
    const present = columnChildren(columns);
    const wanted = Math.min(6, numberAttr(columns, 'data-max-columns') ?? present.length);
    if (present.length === 0 || wanted <= present.length) continue;
    for (let i = present.length; i < wanted; i++) columns.children.push(element('div', { class: 'column' }));
  }
}

/**
 * The framework's overflow: items flow down a column and on into the next; what fits in none is
 * left out and counted in a closing "and N more" line (unless `data-overflow-counter="false"`).
 * Heights come from the laid-out tree, so clamped text and real line breaks are accounted for.
 * A group header (a `label` or `title` heading the items under it) never ends a column on its own,
 * and is repeated at the top of a column its group continues into.
 */
export function flowColumns(columns: MarkupElement, boxOf: BoxOf, moreLabelHeight: number, gap: number): void {
  const cols = columnChildren(columns);
  const first = cols[0] && boxOf(cols[0]);
  if (!first) return;
  const height = first.height;
  // Columns whose content fits keep it where the markup put it (a column per city, per shop aisle).
  if (cols.every((c) => fitsIn(c, boxOf, height))) return;
  const items = cols.flatMap((col) => col.children.filter(isElement));
  const heightOf = new Map(items.map((item) => [item, boxOf(item)?.height ?? 0]));
  const placed: MarkupElement[][] = cols.map(() => []);
  let col = 0;
  let used = 0;
  let next = 0;
  let header: MarkupElement | undefined;
  const place = (el: MarkupElement): void => {
    used += (placed[col].length > 0 ? gap : 0) + heightOf.get(el)!;
    placed[col].push(el);
  };
  for (; next < items.length; next++) {
    const item = items[next];
    if (isGroupHeader(item)) header = item;
    if (used + (placed[col].length > 0 ? gap : 0) + heightOf.get(item)! <= height + 0.5) {
      place(item);
      continue;
    }
    if (col + 1 >= cols.length) break;
    // A header left last in the column goes on with its group.
    const last = placed[col].at(-1);
    const orphan = last && isGroupHeader(last) && placed[col].length > 1 ? placed[col].pop() : undefined;
    col++;
    used = 0;
    if (orphan) place(orphan);
    else if (header && header !== item) {
      const repeated = repeatedHeader(header);
      heightOf.set(repeated, heightOf.get(header)!);
      place(repeated);
    }
    place(item);
  }
  const counted = (el: MarkupElement) => !isGroupHeader(el);
  let hidden = items.slice(next).filter(counted).length;
  const counter = columns.attrs['data-overflow-counter'] !== 'false';
  if (hidden > 0 && counter) {
    const last = placed[col];
    while (last.length > 0 && (used + gap + moreLabelHeight > height + 0.5 || isGroupHeader(last.at(-1)!))) {
      const removed = last.pop()!;
      used -= heightOf.get(removed)! + (last.length > 0 ? gap : 0);
      if (counted(removed) && items.includes(removed)) hidden++;
    }
    last.push(moreLabel(hidden));
  }
  cols.forEach((c, i) => (c.children = placed[i]));
}

/** `data-list-limit="true"`: the children that fit the element's height, and "and N more" when `data-list-hidden-count="true"`. */
export function limitList(list: MarkupElement, boxOf: BoxOf, scale: number, moreLabelHeight: number): void {
  const box = boxOf(list);
  if (!box) return;
  const maxHeight = (numberAttr(list, 'data-list-max-height') ?? box.height / scale) * scale;
  const children = list.children.filter(isElement);
  const counter = list.attrs['data-list-hidden-count'] === 'true';
  const fits = (child: MarkupElement, reserve: number): boolean => {
    const b = boxOf(child);
    return !b || b.y + b.height - box.y <= maxHeight - reserve + 0.5;
  };
  let keep = children.findIndex((child) => !fits(child, 0));
  if (keep === -1) return;
  if (counter) while (keep > 0 && !fits(children[keep - 1], moreLabelHeight)) keep--;
  const hidden = children.length - keep;
  list.children = [...children.slice(0, keep), ...(counter ? [moreLabel(hidden)] : [])];
}

function fitsIn(column: MarkupElement, boxOf: BoxOf, height: number): boolean {
  const top = boxOf(column)?.y ?? 0;
  return column.children.filter(isElement).every((child) => {
    const box = boxOf(child);
    return !box || box.y + box.height - top <= height + 0.5;
  });
}

export function columnChildren(columns: MarkupElement): MarkupElement[] {
  return columns.children.filter((c): c is MarkupElement => isElement(c) && hasClass(c, 'column'));
}

/** A heading among the items: a label or title standing on its own, not an item of the list. */
function isGroupHeader(el: MarkupElement): boolean {
  return !hasClass(el, 'item') && (hasClass(el, 'label') || hasClass(el, 'title') || el.attrs['data-group-header'] === 'true');
}

function repeatedHeader(header: MarkupElement): MarkupElement {
  const copy = (node: MarkupElement): MarkupElement => ({
    ...node, classes: new Set(node.classes), attrs: { ...node.attrs }, style: { ...node.style },
    children: node.children.map((child) => (isElement(child) ? copy(child) : child)),
  });
  const repeated = copy(header);
  repeated.classes.add('markup-repeated-header');
  return repeated;
}

function moreLabel(count: number): MarkupElement {
  return element('span', { class: 'markup-more' }, [`and ${count} more`]);
}
