import type { StoreContext } from '../core/app-context.ts';

type Library = Pick<StoreContext, 'photos'>;

/** The favourite button (an unknown id is a no-op): a favourite variant scores FAVOURITE_VALUE instead of NOT_FAVOURITE_VALUE. */
export async function markFavourite(app: Library, variantId: number, favourite: boolean): Promise<void> {
  await app.photos.markVariantFavourite(variantId, favourite);
}

/** The dislike button: each dislike halves the variant's score, down to a floor (see scoring.ts). */
export async function dislike(app: Library, variantId: number): Promise<void> {
  await app.photos.dislikeVariant(variantId);
}
