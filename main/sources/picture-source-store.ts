import { In, type DataSource, type Repository } from 'typeorm';
import type { AppEvents } from '../core/events.ts';
import { PictureSourceItemEntity, type PictureSourceItem } from '../storage/entities/picture-source-item.ts';

export type PictureCredit = Pick<PictureSourceItem, 'source' | 'title' | 'credit' | 'licence' | 'link'>;

/**
 * Which library photo each picture-source item became, with its credit. Every write announces
 * `content-changed` (photos): captions and credits are part of what a picture shows.
 */
export class PictureSourceStore {
  private readonly items: Repository<PictureSourceItem>;

  constructor(private readonly deps: { db: DataSource; events: AppEvents }) {
    this.items = deps.db.getRepository(PictureSourceItemEntity);
  }

  itemsOf(source: string): Promise<PictureSourceItem[]> {
    return this.items.findBy({ source });
  }

  /** Stores an item: a new one, or (with `id`) the newer version of a known one. */
  async save(item: Omit<PictureSourceItem, 'id'>, id?: number): Promise<void> {
    if (id === undefined) await this.items.insert(item);
    else await this.items.update({ id }, item);
    this.changed();
  }

  async remove(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.items.delete({ id: In(ids) });
    this.changed();
  }

  /** How many items (of any source) brought this photo. */
  countFor(photoId: number): Promise<number> {
    return this.items.countBy({ photoId });
  }

  /** The credit of a library photo that a source brought, for captions; null for the user's own photos. */
  async creditOf(photoId: number): Promise<PictureCredit | null> {
    const item = await this.items.findOne({ where: { photoId }, order: { id: 'ASC' } });
    return item ? { source: item.source, title: item.title, credit: item.credit, licence: item.licence, link: item.link } : null;
  }

  private changed(): void {
    this.deps.events.emit('content-changed', { kind: 'photos' });
  }
}
