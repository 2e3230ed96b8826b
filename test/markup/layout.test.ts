import { describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import { drawMarkupHere } from '../../main/markup/draw.ts';
import { allText, bottom, find, findAll, fixture, right } from './support/boxes.ts';

const trmnl = findBuiltinProfile('trmnl-og-4grey')!;
const big = findBuiltinProfile('spectra6-13.3')!;
const draw = (name: string, profile = trmnl) => drawMarkupHere(fixture(name), { profile }).then((d) => d.boxes);

describe.each([['800×480', trmnl], ['1600×1200', big]] as const)('the framework\'s structure at %s', (_size, profile) => {
  it('puts the title bar at the bottom of the view, below the layout', async () => {
    const boxes = await draw('departures-table.html', profile);
    const view = find(boxes, 'view');
    const layout = find(boxes, 'layout');
    const titleBar = find(boxes, 'title_bar');
    expect(bottom(titleBar)).toBeCloseTo(bottom(view), 0);
    expect(titleBar.y).toBeGreaterThanOrEqual(bottom(layout));
    expect(titleBar.width).toBeCloseTo(view.width, 0);
  });

  it('lays columns side by side, equally wide, items flowing down them', async () => {
    const boxes = await draw('todo-columns.html', profile);
    const [left, rightColumn] = findAll(boxes, 'column');
    expect(rightColumn.y).toBe(left.y);
    expect(rightColumn.x).toBeGreaterThan(right(left));
    expect(rightColumn.width).toBeCloseTo(left.width, 0);
    const items = findAll(left, 'item');
    for (let i = 1; i < items.length; i++) expect(items[i].y).toBeGreaterThanOrEqual(bottom(items[i - 1]));
    expect(bottom(items.at(-1)!)).toBeLessThanOrEqual(bottom(left) + 0.5);
    // Fourteen items, none lost: what does not fit the first column went on into the second.
    expect(findAll(boxes, 'item')).toHaveLength(14);
    expect(findAll(rightColumn, 'item').length).toBeGreaterThan(0);
  });

  it('places the views of a 2×2 mashup in the four quarters and of 1Lx1R side by side', async () => {
    const quad = await draw('mashup-2x2.html', profile);
    const views = findAll(quad, 'view');
    expect(views).toHaveLength(4);
    const [a, b, c, d] = views;
    expect(b.y).toBe(a.y);
    expect(b.x).toBeGreaterThan(right(a));
    expect(c.x).toBe(a.x);
    expect(c.y).toBeGreaterThan(bottom(a));
    expect(d.x).toBe(b.x);
    expect(d.y).toBe(c.y);
    for (const view of views) expect(bottom(find(view, 'title_bar'))).toBeCloseTo(bottom(view), 0);
    const halves = findAll(await draw('mashup-1Lx1R.html', profile), 'view');
    expect(halves[1].y).toBe(halves[0].y);
    expect(halves[1].height).toBeCloseTo(halves[0].height, 0);
    expect(halves[1].x).toBeGreaterThan(right(halves[0]));
  });
});

describe('mashups of three', () => {
  const threeViews = (layout: string) => `<div class="screen"><div class="mashup mashup--${layout}">${['A', 'B', 'C'].map((t) => `<div class="view"><div class="layout"><span class="title">${t}</span></div></div>`).join('')}</div></div>`;

  it('1Lx2R: one view down the left, two stacked on the right', async () => {
    const [a, b, c] = findAll((await drawMarkupHere(threeViews('1Lx2R'), { profile: trmnl })).boxes, 'view');
    expect(a.height).toBeCloseTo(bottom(c) - b.y, 0);
    expect(b.x).toBe(c.x);
    expect(c.y).toBeGreaterThan(bottom(b));
  });

  it('2Tx1B: two views side by side on top, one across the bottom', async () => {
    const [a, b, c] = findAll((await drawMarkupHere(threeViews('2Tx1B'), { profile: big })).boxes, 'view');
    expect(b.y).toBe(a.y);
    expect(c.width).toBeCloseTo(right(b) - a.x, 0);
    expect(c.y).toBeGreaterThan(bottom(a));
  });
});

describe('the framework\'s measured behaviours', () => {
  it('clamps text to data-clamp lines', async () => {
    const boxes = await draw('weather-grid.html');
    const description = find(boxes, 'description');
    expect(description.lines).toBe(2);
    expect(description.text).toMatch(/^A band of showers/);
  });

  it('flows overflowing items into data-max-columns columns and counts the rest in "and N more"', async () => {
    const boxes = await draw('overflow-more.html');
    const columns = findAll(boxes, 'column');
    expect(columns).toHaveLength(2);
    const shown = findAll(boxes, 'item').length;
    const more = find(boxes, 'markup-more');
    expect(more.text).toBe(`and ${20 - shown} more`);
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(20);
    const last = columns[1];
    expect(more.x).toBe(last.x);
    expect(bottom(more)).toBeLessThanOrEqual(bottom(last) + 0.5);
    expect(bottom(findAll(last, 'item').at(-1)!)).toBeLessThanOrEqual(more.y);
  });

  it('repeats a group\'s header at the top of a column its items continue into', async () => {
    const boxes = await draw('overflow-groups.html');
    const columns = findAll(boxes, 'column');
    expect(columns).toHaveLength(3);
    const heads = columns.map((column) => column.children[0]);
    expect(heads.map((head) => head.text)).toEqual(['Monday', 'Monday', 'Tuesday']);
    expect(heads.slice(1).every((head) => head.classes.includes('markup-repeated-header'))).toBe(true);
    // Each column's header stands above its items, and all 14 items are shown once.
    for (const [i, column] of columns.entries()) expect(findAll(column, 'item')[0].y, `column ${i}`).toBeGreaterThanOrEqual(bottom(heads[i]));
    expect(findAll(boxes, 'item')).toHaveLength(14);
  });

  it('never leaves a group header alone at the bottom of a column', async () => {
    const item = (n: number) => `<div class="item" style="height: 100px"><span class="title">Item ${n}</span></div>`;
    const html = `<div class="layout layout--col layout--top layout--stretch-x"><div class="columns" data-max-columns="2"><div class="column">
      <span class="label">First</span>${[1, 2, 3].map(item).join('')}<span class="label">Second</span>${[4, 5, 6].map(item).join('')}
    </div></div></div>`;
    const columns = findAll((await drawMarkupHere(html, { profile: trmnl })).boxes, 'column');
    expect(columns[0].children.at(-1)!.classes).toContain('item');
    expect(columns[1].children.map((b) => b.text ?? allText(b).trim())).toEqual(['Second', 'Item 4', 'Item 5', 'Item 6']);
  });

  it('limits a list to its height and counts what is left out', async () => {
    const boxes = await draw('list-limit.html');
    const list = findAll(boxes, 'flex').find((b) => b.children.some((c) => c.classes.includes('description')))!;
    const shown = findAll(list, 'description');
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.length).toBeLessThan(10);
    expect(find(list, 'markup-more').text).toBe(`and ${10 - shown.length} more`);
    expect(bottom(find(list, 'markup-more')) - list.y).toBeLessThanOrEqual(150 + 0.5);
  });

  it('shrinks a value to fit its box (data-fit-value) and abbreviates numbers (data-value-format)', async () => {
    const fitted = find(await draw('list-limit.html'), 'value');
    expect(fitted.width).toBeLessThanOrEqual(120.5);
    expect(allText(await draw('mashup-2x2.html'))).toContain('1.3M');
    const german = (text: string) => `<span class="value" data-value-format="true" data-value-locale="de-DE">${text}</span>`;
    expect(allText((await drawMarkupHere(german('1234.5') + german('1284300'), { profile: trmnl })).boxes)).toMatch(/1\.234,5 .*1,3M/);
  });

  it('steps rich text down until it fits its layout (data-content-limiter)', async () => {
    const boxes = await draw('richtext-limiter.html');
    const layout = find(boxes, 'layout');
    const richtext = find(boxes, 'richtext');
    expect(richtext.height).toBeLessThanOrEqual(layout.height + 1);
    expect(richtext.y).toBeGreaterThanOrEqual(layout.y);
  });

  it('draws inline SVG icons at their size beside their labels', async () => {
    const boxes = await draw('icons-svg.html');
    const icons = findAll(boxes).filter((b) => b.tag === 'svg');
    expect(icons).toHaveLength(2);
    for (const icon of icons) expect(icon).toMatchObject({ width: 64, height: 64 });
    expect(icons[1].x).toBeGreaterThan(right(icons[0]));
  });

  it('lines table cells up in columns across rows', async () => {
    const cells = findAll(await draw('departures-table.html'), 'cell');
    expect(cells).toHaveLength(24);
    for (let column = 0; column < 4; column++) {
      const xs = new Set(cells.filter((_, i) => i % 4 === column).map((c) => Math.round(c.x)));
      expect(xs.size).toBe(1);
    }
  });
});
