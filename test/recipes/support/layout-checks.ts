/**
 * The layout points a recipe fixture's manifest names, asserted on the laid-out boxes of its
 * drawing (see LayoutCheck in test/helpers/recipe-fixtures.ts).
 */
import { expect } from 'vitest';
import type { LaidOutBox } from '../../../main/markup/boxes.ts';
import type { LayoutCheck } from '../../helpers/recipe-fixtures.ts';
import { allText, bottom, find, findAll, right } from '../../markup/support/boxes.ts';

/** Rounding of sub-pixel layout. */
const SLACK = 1;

/** Every box whose text starts with `text`. */
function textBoxes(root: LaidOutBox, text: string): LaidOutBox[] {
  return findAll(root).filter((box) => box.text?.startsWith(text));
}

/** The innermost view holding the box. */
function viewOf(root: LaidOutBox, inner: LaidOutBox): LaidOutBox {
  const views = findAll(root, 'view').filter((view) => findAll(view).includes(inner));
  return views.at(-1)!;
}

export function assertLayout(root: LaidOutBox, check: LayoutCheck): void {
  switch (check.check) {
    case 'title-bar-at-bottom': {
      const titleBar = find(root, 'title_bar');
      const view = viewOf(root, titleBar);
      expect(bottom(titleBar), 'title bar at the bottom of its view').toBeCloseTo(bottom(view), 0);
      expect(titleBar.width).toBeCloseTo(view.width, 0);
      for (const other of view.children.filter((box) => box !== titleBar)) expect(bottom(other), 'the content above the title bar').toBeLessThanOrEqual(titleBar.y + SLACK);
      return;
    }
    case 'side-by-side': {
      const boxes = findAll(root, check.classes).slice(0, check.count);
      expect(boxes, `${check.count} × .${check.classes}`).toHaveLength(check.count);
      for (let i = 1; i < boxes.length; i++) {
        expect(boxes[i].y, `.${check.classes} ${i + 1} on the same row`).toBeCloseTo(boxes[0].y, 0);
        expect(boxes[i].x, `.${check.classes} ${i + 1} right of the one before`).toBeGreaterThanOrEqual(right(boxes[i - 1]) - SLACK);
      }
      return;
    }
    case 'stacked': {
      const boxes = findAll(root, check.classes).slice(0, check.count);
      expect(boxes, `${check.count} × .${check.classes}`).toHaveLength(check.count);
      for (let i = 1; i < boxes.length; i++) expect(boxes[i].y, `.${check.classes} ${i + 1} below the one before`).toBeGreaterThanOrEqual(bottom(boxes[i - 1]) - SLACK);
      const view = viewOf(root, boxes[0]);
      expect(bottom(boxes.at(-1)!), 'inside its view').toBeLessThanOrEqual(bottom(view) + SLACK);
      return;
    }
    case 'clamped': {
      const [box] = textBoxes(root, check.text);
      expect(box, `a text starting "${check.text}"`).toBeDefined();
      expect(box.lines, `"${check.text}" clamped to its lines`).toBe(check.lines);
      return;
    }
    case 'more': {
      const [more] = findAll(root).filter((box) => box.text === check.text);
      expect(more, `"${check.text}"`).toBeDefined();
      const view = viewOf(root, more);
      const items = findAll(view, 'item');
      expect(items.length).toBeGreaterThan(0);
      expect(more.y, 'below the items it counts the rest of').toBeGreaterThanOrEqual(bottom(items.at(-1)!) - SLACK);
      expect(bottom(more), 'inside its view').toBeLessThanOrEqual(bottom(view) + SLACK);
      return;
    }
    case 'table-aligned': {
      const cells = findAll(find(root, 'table-grid'), 'cell');
      const rowStarts = cells.flatMap((cell, i) => (cell.classes.includes('cell--first') ? [i] : []));
      const columns = rowStarts[1] ?? cells.length;
      expect(columns, 'columns').toBeGreaterThan(1);
      expect(cells.length, 'rows').toBeGreaterThan(columns);
      const starts = cells.slice(0, columns).map((cell) => Math.round(cell.x));
      cells.forEach((cell, i) => expect(Math.round(cell.x), `cell ${i} under the first row's`).toBe(starts[i % columns]));
      return;
    }
    case 'left-of': {
      const left = find(root, check.left);
      const rightBox = find(root, check.right);
      expect(rightBox.x, `.${check.right} right of .${check.left}`).toBeGreaterThanOrEqual(right(left) - SLACK);
      expect(rightBox.y, 'overlapping rows').toBeLessThan(bottom(left));
      expect(left.y).toBeLessThan(bottom(rightBox));
      return;
    }
    case 'view-place': {
      const screen = find(root, 'screen');
      const view = find(root, `view--${check.view}`);
      const wide = check.view === 'full' || check.view === 'half_horizontal';
      const tall = check.view === 'full' || check.view === 'half_vertical';
      expect(view.width / screen.width, 'width share').toBeCloseTo(wide ? 1 : 0.5, 1);
      expect(view.height / screen.height, 'height share').toBeCloseTo(tall ? 1 : 0.5, 1);
      expect(allText(view).trim()).not.toBe('');
    }
  }
}
