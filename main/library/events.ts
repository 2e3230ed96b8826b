import type { AppContext } from '../core/app-context.ts';

/** Photos or variants changed: the selector rebuilds its index, the UI refetches, displays showing a removed picture move on. */
export function notifyPhotosChanged(app: AppContext): void {
  app.events.emit('photos-changed', {});
  app.events.emit('content-changed', { kind: 'photos' });
}
