import { LessThan, LessThanOrEqual } from 'typeorm';
import type { StoreContext } from '../core/app-context.ts';
import { ShownVariantEntity } from '../storage/entities/photo.ts';

/** How many shows per display are kept; the no-repeat window and "previous" need far fewer. */
const KEEP_PER_DISPLAY = 500;

export interface ShownRow {
  id: number;
  variantId: number;
}

/** The server calls this when a display starts showing a variant (a new pick, or "previous"). */
export async function recordShown(app: StoreContext, displayId: number, variantId: number, at: Date): Promise<void> {
  const repo = app.db.getRepository(ShownVariantEntity);
  const saved = await repo.save({ displayId, variantId, shownAt: at });
  if (saved.id % 50 === 0) {
    const cutoff = await repo.find({ where: { displayId }, order: { id: 'DESC' }, skip: KEEP_PER_DISPLAY, take: 1, select: { id: true } });
    if (cutoff.length) await repo.delete({ displayId, id: LessThanOrEqual(cutoff[0].id) });
  }
}

/** The display's latest shows, newest first; `beforeId` pages further back. */
export async function recentShows(app: StoreContext, displayId: number, limit: number, beforeId?: number): Promise<ShownRow[]> {
  if (limit <= 0) return [];
  return app.db.getRepository(ShownVariantEntity).find({
    where: beforeId === undefined ? { displayId } : { displayId, id: LessThan(beforeId) },
    order: { id: 'DESC' },
    take: limit,
    select: { id: true, variantId: true },
  });
}
