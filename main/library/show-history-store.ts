import { LessThan, LessThanOrEqual, type DataSource, type Repository } from 'typeorm';
import type { AppEvents } from '../core/events.ts';
import { ShownVariantEntity, type ShownVariant } from '../storage/entities/photo.ts';

/** How many shows per display are kept; the no-repeat window and "previous" need far fewer. */
const KEEP_PER_DISPLAY = 500;

export interface ShownRow {
  id: number;
  variantId: number;
}

/**
 * Which variants each display showed, newest last: the selector's no-repeat window and "previous".
 * A show is announced like the display store's markShowing (`displays-changed`, showing), which
 * the screen cache passes over.
 */
export class ShowHistoryStore {
  private readonly rows: Repository<ShownVariant>;

  constructor(private readonly deps: { db: DataSource; events: AppEvents }) {
    this.rows = deps.db.getRepository(ShownVariantEntity);
  }

  /** A display started showing a variant (a new pick, or "previous"); old rows beyond the kept number go. */
  async record(displayId: number, variantId: number, at: Date): Promise<void> {
    const saved = await this.rows.save({ displayId, variantId, shownAt: at });
    if (saved.id % 50 === 0) {
      const cutoff = await this.rows.find({ where: { displayId }, order: { id: 'DESC' }, skip: KEEP_PER_DISPLAY, take: 1, select: { id: true } });
      if (cutoff.length) await this.rows.delete({ displayId, id: LessThanOrEqual(cutoff[0].id) });
    }
    this.deps.events.emit('displays-changed', { displayId, change: 'showing' });
  }

  /** The display's latest shows, newest first; `beforeId` pages further back. */
  async recent(displayId: number, limit: number, beforeId?: number): Promise<ShownRow[]> {
    if (limit <= 0) return [];
    return this.rows.find({
      where: beforeId === undefined ? { displayId } : { displayId, id: LessThan(beforeId) },
      order: { id: 'DESC' },
      take: limit,
      select: { id: true, variantId: true },
    });
  }
}
