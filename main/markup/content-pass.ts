import { descendants, element, isElement, numberAttr, textContent, type MarkupElement, type MarkupNode } from './dom.ts';
import { formatValue } from './number-format.ts';

/** The framework's content behaviours that need no measuring: tables, grids, clamps, values, progress. */
export function prepareContent(root: MarkupElement): void {
  for (const el of [...descendants(root)]) {
    if (el.tag === 'table') tableToGrid(el);
    else if (el.tag === 'progress') progressToBar(el);
    gridColumns(el);
    if (el.classes.has('meta') && el.children.some((c) => isElement(c) && c.classes.has('index'))) el.classes.add('meta--index');
    clamp(el);
    if (el.attrs['data-value-format'] === 'true') formatValueText(el, el.attrs['data-value-locale']);
    if (el.attrs['data-fit-value'] === 'true') Object.assign(el.style, { textFit: 'shrink', whiteSpace: 'nowrap', maxWidth: '100%' });
  }
}

/** `grid--cols-N` and `col--span-N`, and `grid--cols-N` inside a row. */
function gridColumns(el: MarkupElement): void {
  for (const name of el.classes) {
    const cols = /^grid--cols-(\d+)$/.exec(name);
    if (cols) el.style.gridTemplateColumns = `repeat(${cols[1]}, minmax(0, 1fr))`;
    const span = /^col--span-(\d+)$/.exec(name);
    if (span) el.style.gridColumn = `span ${span[1]}`;
    const rowSpan = /^row--span-(\d+)$/.exec(name);
    if (rowSpan) el.style.gridRow = `span ${rowSpan[1]}`;
  }
}

/** `data-clamp="N"` (and the older `clamp--N` class): at most N lines, ending in an ellipsis. */
function clamp(el: MarkupElement): void {
  const fromClass = [...el.classes].map((c) => /^clamp--(\d+)$/.exec(c)?.[1]).find(Boolean);
  const lines = numberAttr(el, 'data-clamp') ?? (fromClass ? Number(fromClass) : undefined);
  if (!lines || lines < 1) return;
  Object.assign(el.style, { display: 'block', lineClamp: Math.floor(lines), overflow: 'hidden', textOverflow: 'ellipsis' });
}

function formatValueText(el: MarkupElement, locale?: string): void {
  const text = textContent(el).trim();
  if (!/\d/.test(text)) return;
  el.children = [formatValue(text, locale)];
}

/**
 * A table becomes a grid of cells, so columns line up across rows the way a browser's table
 * layout does (the layout engine has flexbox and grid, not tables). Header cells keep their
 * weight; rows alternate for `table--striped`.
 */
function tableToGrid(table: MarkupElement): void {
  const rows: MarkupElement[] = [];
  const collect = (node: MarkupElement): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.tag === 'tr') rows.push(child);
      else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') collect(child);
    }
  };
  collect(table);
  const columnCount = Math.max(1, ...rows.map((row) => row.children.filter(isCell).reduce((n, cell) => n + span(cell), 0)));
  const cells: MarkupNode[] = [];
  rows.forEach((row, r) => {
    row.children.filter(isCell).forEach((cell, c) => {
      cell.classes.add('cell');
      if (cell.tag === 'th') cell.classes.add('cell--head');
      if (c === 0) cell.classes.add('cell--first');
      if (r % 2 === 1) cell.classes.add('cell--even');
      for (const name of row.classes) cell.classes.add(name);
      if (span(cell) > 1) cell.style.gridColumn = `span ${span(cell)}`;
      cell.tag = 'div';
      cells.push(cell);
    });
  });
  table.tag = 'div';
  table.classes.add('table-grid');
  table.style.gridTemplateColumns ??= `repeat(${columnCount}, auto)`;
  table.children = cells;
}

const isCell = (node: MarkupNode): node is MarkupElement => isElement(node) && (node.tag === 'td' || node.tag === 'th');
const span = (cell: MarkupElement): number => Math.max(1, Math.min(50, numberAttr(cell, 'colspan') ?? 1));

/** `<progress value max>` drawn as the framework's progress bar. */
function progressToBar(el: MarkupElement): void {
  const max = numberAttr(el, 'max') ?? 1;
  const value = numberAttr(el, 'value') ?? 0;
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  el.tag = 'div';
  el.classes.add('progress-bar');
  el.children = [element('div', { class: 'track' }, [element('div', { class: 'fill', style: `width: ${(share * 100).toFixed(1)}%` })])];
}

