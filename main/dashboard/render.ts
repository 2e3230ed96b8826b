import type { DashboardData } from './types.ts';
import type { CanvasSpec } from './canvas.ts';
import { drawContext } from './context.ts';
import { dashboardTree } from './dashboard-layout.ts';
import { rasterize } from './rasterize.ts';

export type { CanvasSpec } from './canvas.ts';

const DEFAULT_LOCALE = 'en-GB';

/** The dashboard as an RGB PNG of exactly the canvas size, drawn only in the panel's colours. */
export async function renderDashboard(data: DashboardData, canvas: CanvasSpec): Promise<Buffer> {
  const ctx = drawContext(canvas, { timeZone: data.timeZone, locale: data.locale ?? DEFAULT_LOCALE });
  return rasterize(dashboardTree(data, ctx), canvas);
}
