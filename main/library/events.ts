import type { StoreContext } from '../core/app-context.ts';

/** For the library modules that still write photos and variants themselves (import, classify, generate): the store's announcement. */
export function notifyPhotosChanged(app: Pick<StoreContext, 'photos'>): void {
  app.photos.changed();
}
