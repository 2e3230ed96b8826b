import type { StoreContext } from '../core/app-context.ts';
import { VariantSelector, dislike, markFavourite, variantFileIfAvailable } from '../library/selection.ts';
import type { PhotoPicker, PickedVariant } from './photo-picker.ts';

/** Photo mode over the library's weighted selection. */
export class LibraryPicker implements PhotoPicker {
  private readonly selector: VariantSelector;

  constructor(private readonly app: StoreContext) {
    this.selector = new VariantSelector(app);
  }

  pickNext(displayId: number, now: Date): Promise<PickedVariant | null> {
    return this.selector.pickNext(displayId, now);
  }

  previous(displayId: number): Promise<PickedVariant | null> {
    return this.selector.previous(displayId);
  }

  recordShown(displayId: number, variantId: number, at: Date): Promise<void> {
    return this.app.shows.record(displayId, variantId, at);
  }

  variantFile(variantId: number): Promise<string | null> {
    return variantFileIfAvailable(this.app, variantId);
  }

  favourite(variantId: number): Promise<void> {
    return markFavourite(this.app, variantId, true);
  }

  dislike(variantId: number): Promise<void> {
    return dislike(this.app, variantId);
  }
}
