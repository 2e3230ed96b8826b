/** What photo mode needs from the library: the weighted draw and the per-display history. */
export interface PhotoPicker {
  pickNext(displayId: number, now: Date): Promise<PickedVariant | null>;
  previous(displayId: number): Promise<PickedVariant | null>;
  recordShown(displayId: number, variantId: number, at: Date): Promise<void>;
  /** The variant's file, or null when it or its photo is gone. */
  variantFile(variantId: number): Promise<string | null>;
  favourite(variantId: number): Promise<void>;
  dislike(variantId: number): Promise<void>;
}

export interface PickedVariant {
  variantId: number;
  /** Absolute path of the variant's image. */
  filePath: string;
}
