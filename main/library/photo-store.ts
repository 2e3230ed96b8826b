import { In, IsNull, type DataSource, type Repository } from 'typeorm';
import { photoChangeSchema, photoFilterSchema } from '../../contract/library-schemas.ts';
import { found, parseInput } from '../core/errors.ts';
import type { AppEvents } from '../core/events.ts';
import { PhotoEntity, ShownVariantEntity, VariantEntity, type Photo, type Variant } from '../storage/entities/photo.ts';
import { insertImported, selectionCandidates, variantFileRow, type CandidateRow, type NewPhoto, type NewVariant } from './photo-queries.ts';

export type { CandidateRow, NewPhoto, NewVariant } from './photo-queries.ts';

/** What the classify job fills in. */
export type Classification = Pick<Photo, 'quality' | 'contentType' | 'orientation' | 'peopleCount' | 'description' | 'classifiedAt' | 'classifier'>;

export interface PhotoStoreDeps {
  db: DataSource;
  events: AppEvents;
}

/**
 * The one owner of the photos and variants tables: listing, lookups, imports, classifications,
 * generated variants, the user's marks (favourite, hidden, dislikes) and removal. Every write
 * announces itself (`photos-changed` for the selector and the displays, `content-changed` for
 * dashboards). The library modules around it handle the files.
 */
export class PhotoStore {
  private readonly photos: Repository<Photo>;
  private readonly variants: Repository<Variant>;

  constructor(private readonly deps: PhotoStoreDeps) {
    this.photos = deps.db.getRepository(PhotoEntity);
    this.variants = deps.db.getRepository(VariantEntity);
  }

  photoById(id: number): Promise<Photo | null> {
    return this.photos.findOneBy({ id });
  }

  async getPhoto(id: number): Promise<Photo> {
    return found(await this.photoById(id), 'photo', id);
  }

  async getVariant(id: number): Promise<Variant> {
    return found(await this.variants.findOneBy({ id }), 'variant', id);
  }

  byContentHash(contentHash: string): Promise<Photo | null> {
    return this.photos.findOneBy({ contentHash });
  }

  allPhotos(): Promise<Photo[]> {
    return this.photos.find({ order: { id: 'ASC' } });
  }

  allVariants(): Promise<Variant[]> {
    return this.variants.find({ order: { id: 'ASC' } });
  }

  variantsOf(photoId: number): Promise<Variant[]> {
    return this.variants.find({ where: { photoId }, order: { id: 'ASC' } });
  }

  /** A page of photos, newest first, by a PhotoFilter (contract/library-schemas.ts). */
  async list(input: unknown): Promise<{ photos: Photo[]; total: number }> {
    const filter = parseInput(photoFilterSchema, input ?? {}, 'filter');
    const query = this.photos.createQueryBuilder('p').orderBy('p.importedAt', 'DESC').addOrderBy('p.id', 'DESC');
    if (!filter.includeHidden) query.andWhere('p.hidden = :hidden', { hidden: false });
    if (filter.favourite) query.andWhere('p.favourite = :favourite', { favourite: true });
    if (filter.quality) query.andWhere('p.quality = :quality', { quality: filter.quality });
    if (filter.contentType) query.andWhere('p.contentType = :contentType', { contentType: filter.contentType });
    if (filter.style) query.andWhere(`EXISTS (SELECT 1 FROM variants v WHERE v.photo_id = p.id AND v.style = :style)`, { style: filter.style });
    const [photos, total] = await query.take(filter.limit).skip(filter.offset).getManyAndCount();
    return { photos, total };
  }

  /** Photos not hidden: what variants are made for. */
  visiblePhotos(): Promise<Photo[]> {
    return this.photos.find({ where: { hidden: false } });
  }

  /** Photos the classify job has not seen, newest first. */
  unclassified(limit: number): Promise<Photo[]> {
    return this.photos.find({ where: { classifiedAt: IsNull() }, order: { id: 'DESC' }, take: limit });
  }

  /** The photo's first variant in a style (the plain one, for AI work). */
  firstVariantIn(photoId: number, style: string): Promise<Variant | null> {
    return this.variants.findOne({ where: { photoId, style }, order: { id: 'ASC' } });
  }

  /** Every variant of a visible photo, with what the selector scores it by. */
  selectionCandidates(): Promise<CandidateRow[]> {
    return selectionCandidates(this.deps.db);
  }

  /** A variant's file and whether its photo is hidden; null when it or its photo is gone. */
  variantFile(variantId: number): Promise<{ filePath: string; hidden: boolean } | null> {
    return variantFileRow(this.deps.db, variantId);
  }

  /** Every library file a row names (originals, thumbnails, variants), as stored (relative to the data dir). */
  async namedFiles(): Promise<string[]> {
    const photos = await this.photos.find({ select: { originalPath: true, thumbPath: true } });
    const variants = await this.variants.find({ select: { filePath: true } });
    return [...photos.flatMap((p) => [p.originalPath, p.thumbPath]), ...variants.map((v) => v.filePath)];
  }

  /** Per photo, the styles it has variants in (all photos; stylesOf is for a page of them). */
  async madeStyles(): Promise<Map<number, Set<string>>> {
    const rows = await this.variants.find({ select: { photoId: true, style: true } });
    const map = new Map<number, Set<string>>();
    for (const { photoId, style } of rows) map.set(photoId, (map.get(photoId) ?? new Set()).add(style));
    return map;
  }

  /** The styles each photo has variants in. */
  async stylesOf(photoIds: number[]): Promise<Map<number, string[]>> {
    const rows = photoIds.length ? await this.variants.find({ select: { photoId: true, style: true }, where: { photoId: In(photoIds) } }) : [];
    const styles = new Map<number, string[]>();
    for (const row of rows) styles.set(row.photoId, [...(styles.get(row.photoId) ?? []), row.style]);
    return styles;
  }

  async variantCounts(): Promise<Map<number, number>> {
    const rows = await this.variants.createQueryBuilder('v')
      .select('v.photoId', 'photo_id').addSelect('COUNT(*)', 'count').groupBy('v.photoId')
      .getRawMany<{ photo_id: number; count: number | string }>();
    return new Map(rows.map((r) => [Number(r.photo_id), Number(r.count)]));
  }

  /** Stores an imported photo with its plain variant (a unique content hash refuses a second copy). */
  async addImported(photo: NewPhoto, plain: Omit<NewVariant, 'photoId'>): Promise<Photo> {
    const saved = await insertImported(this.deps.db, photo, plain);
    this.changed({ added: true });
    return saved;
  }

  async addVariant(variant: NewVariant): Promise<Variant> {
    const saved = await this.variants.save(variant);
    this.changed({ added: true });
    return saved;
  }

  async saveClassification(id: number, classification: Classification): Promise<boolean> {
    const result = await this.photos.update({ id }, classification);
    return this.changedIf(Boolean(result.affected));
  }

  /** Favourite and hidden marks; false when there is no such photo. */
  async markPhoto(id: number, input: unknown): Promise<boolean> {
    const change = parseInput(photoChangeSchema, input, 'change');
    if (change.favourite === undefined && change.hidden === undefined) return (await this.photoById(id)) !== null;
    const result = await this.photos.update({ id }, change);
    return this.changedIf(Boolean(result.affected));
  }

  /** The user added these bytes too (an upload of a photo a picture source brought): the source no longer removes it. */
  async markAddedByUser(id: number): Promise<boolean> {
    const result = await this.photos.update({ id }, { addedByUser: true });
    return this.changedIf(Boolean(result.affected));
  }

  async dislikePhoto(id: number): Promise<boolean> {
    const result = await this.photos.increment({ id }, 'dislikes', 1);
    return this.changedIf(Boolean(result.affected));
  }

  async markVariantFavourite(id: number, favourite: boolean): Promise<boolean> {
    const result = await this.variants.update({ id }, { favourite });
    return this.changedIf(Boolean(result.affected));
  }

  async dislikeVariant(id: number): Promise<boolean> {
    const result = await this.variants.increment({ id }, 'dislikes', 1);
    return this.changedIf(Boolean(result.affected));
  }

  /** Removes a photo, its variants and their display history; returns what went and which of its files other rows still name. */
  async removePhoto(id: number): Promise<{ photo: Photo; variants: Variant[]; stillNamed: Set<string> } | null> {
    const photo = await this.photoById(id);
    if (!photo) return null;
    const variants = await this.variants.findBy({ photoId: id });
    await this.deps.db.transaction(async (manager) => {
      if (variants.length) await manager.getRepository(ShownVariantEntity).delete({ variantId: In(variants.map((v) => v.id)) });
      await manager.getRepository(VariantEntity).delete({ photoId: id });
      await manager.getRepository(PhotoEntity).delete({ id });
    });
    this.changed();
    const stillUsed = await this.variants.findBy({ filePath: In(variants.map((v) => v.filePath)) });
    return { photo, variants, stillNamed: new Set(stillUsed.map((v) => v.filePath)) };
  }

  /** Photos or variants changed: the selector rebuilds its index, the UI refetches, displays showing a removed picture move on. */
  changed(change: { added?: true } = {}): void {
    this.deps.events.emit('photos-changed', change);
    this.deps.events.emit('content-changed', { kind: 'photos' });
  }

  private changedIf(affected: boolean): boolean {
    if (affected) this.changed();
    return affected;
  }
}
