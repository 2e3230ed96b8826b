import type { AppContext } from '../core/app-context.ts';
import { VariantEntity } from '../storage/entities/photo.ts';
import { notifyPhotosChanged } from './events.ts';

/** The favourite button (an unknown id is a no-op): a favourite variant scores FAVOURITE_VALUE instead of NOT_FAVOURITE_VALUE. */
export async function markFavourite(app: AppContext, variantId: number, favourite: boolean): Promise<void> {
  const result = await app.db.getRepository(VariantEntity).update({ id: variantId }, { favourite });
  if (result.affected) notifyPhotosChanged(app);
}

/** The dislike button: each dislike halves the variant's score, down to a floor (see scoring.ts). */
export async function dislike(app: AppContext, variantId: number): Promise<void> {
  const result = await app.db.getRepository(VariantEntity).increment({ id: variantId }, 'dislikes', 1);
  if (result.affected) notifyPhotosChanged(app);
}
