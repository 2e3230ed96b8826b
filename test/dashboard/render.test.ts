import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { CanvasSpec } from '../../main/dashboard/canvas.ts';
import { drawContext } from '../../main/dashboard/context.ts';
import { dashboardTree } from '../../main/dashboard/dashboard-layout.ts';
import { toHex } from '../../main/dashboard/palette.ts';
import { toSvg } from '../../main/dashboard/rasterize.ts';
import { renderDashboard } from '../../main/dashboard/render.ts';
import type { DashboardData } from '../../main/dashboard/types.ts';
import { CANVASES } from '../fixtures/dashboard/canvases.ts';
import { sampleData, stressData } from '../fixtures/dashboard/sample-data.ts';
import { nonFlatPaint, paintedColours } from './support/svg-colours.ts';

const canvases = Object.entries(CANVASES);

describe('renderDashboard', () => {
  it.each(canvases)('gives an RGB PNG of exactly the canvas size on %s', async (_name, canvas) => {
    const meta = await sharp(await renderDashboard(sampleData(), canvas)).metadata();
    expect(meta).toMatchObject({ format: 'png', width: canvas.width, height: canvas.height, channels: 3 });
  });

  it('is deterministic for fixed data', async () => {
    const canvas = CANVASES.inkyLandscape;
    const [first, second] = [await renderDashboard(sampleData(), canvas), await renderDashboard(sampleData(), canvas)];
    expect(first.equals(second)).toBe(true);
  });

  it('changes when the data does', async () => {
    const canvas = CANVASES.inkyLandscape;
    const later = { ...sampleData(), now: new Date(sampleData().now.getTime() + 60_000) };
    expect((await renderDashboard(sampleData(), canvas)).equals(await renderDashboard(later, canvas))).toBe(false);
  });
});

describe('the dashboard paints only with panel colours', () => {
  const svgOf = (data: DashboardData, canvas: CanvasSpec) =>
    toSvg(dashboardTree(data, drawContext(canvas, { timeZone: data.timeZone, locale: 'en-GB' })), canvas);

  it.each(canvases)('on %s: every fill and stroke, icons included, is a palette colour; no gradients or transparency', async (_name, canvas) => {
    const palette = new Set(canvas.palette.map(toHex));
    for (const data of [sampleData(), stressData()]) {
      const svg = await svgOf(data, canvas);
      expect([...paintedColours(svg)].filter((c) => !palette.has(c))).toEqual([]);
      expect(nonFlatPaint(svg)).toEqual([]);
    }
  });

  it('uses the colour accents on a colour panel and only black on white on a black and white one', async () => {
    const colourful = paintedColours(await svgOf(sampleData(), CANVASES.inkyLandscape));
    expect([...colourful].sort()).toEqual(['#000000', '#037c4c', '#1b2ec6', '#d9f2ff', '#f55022', '#ffff44'].sort());
    expect([...paintedColours(await svgOf(sampleData(), CANVASES.blackWhite))].sort()).toEqual(['#000000', '#ffffff']);
  });
});
