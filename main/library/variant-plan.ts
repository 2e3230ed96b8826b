import type { StoreContext } from '../core/app-context.ts';
import type { StyleView } from '../ai/styles.ts';
import type { Photo } from '../storage/entities/photo.ts';
import { scoreOf } from './scoring.ts';
import { weightedOrder } from './weighted.ts';

export interface PlannedVariant {
  photo: Photo;
  style: StyleView;
}

/**
 * What generate_variants makes next: photos drawn by score (each at most once), each with a
 * style suited to its content type, drawn by style score among those it has no variant in yet.
 * With `override`, that style for every photo that lacks it.
 */
export async function planVariants(app: Pick<StoreContext, 'photos' | 'now'>, styles: StyleView[], amount: number, override?: StyleView, rng: () => number = Math.random): Promise<PlannedVariant[]> {
  const photos = await app.photos.visiblePhotos();
  const made = await app.photos.madeStyles();
  const now = app.now().getTime();
  const ordered = weightedOrder(photos, (photo) => scoreOf({
    quality: photo.quality, contentType: photo.contentType, favourite: photo.favourite, createdAtMs: photo.importedAt.getTime(),
    styleScore: 1, variantScore: null, dislikes: photo.dislikes,
  }, now), rng);
  const plan: PlannedVariant[] = [];
  for (const photo of ordered) {
    if (plan.length >= amount) break;
    if (photo.quality === 'NOT_SUITED') continue;
    const done = made.get(photo.id) ?? new Set<string>();
    const candidates = override ? [override] : styles.filter((s) => s.enabled && s.contentTypes.includes(photo.contentType ?? 'Other'));
    const [style] = weightedOrder(candidates.filter((s) => !done.has(s.name)), (s) => s.score, rng);
    if (style) plan.push({ photo, style });
  }
  return plan;
}
