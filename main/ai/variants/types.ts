import type { ArtStyle } from '../styles.ts';

export interface VariantRequest {
  /** The plain variant of the photo (EXIF-oriented, at most 2560 px). */
  image: Buffer;
  width: number;
  height: number;
  style: ArtStyle;
}

export interface GeneratedVariant {
  /** Image bytes, already checked to be a decodable image. */
  data: Buffer;
  ext: 'png' | 'jpg' | 'webp';
  /** How it was made (model, prompt, parameters), stored as the variant's generation context. No secrets. */
  context: Record<string, unknown>;
}

export interface VariantMaker {
  /** Stored as the variant's provider, e.g. `builtin` or `sd-webui`. */
  readonly name: string;
  /** Whether this maker can render the style (the built-in filters cover only some). */
  supports(style: ArtStyle): boolean;
  make(request: VariantRequest, signal?: AbortSignal): Promise<GeneratedVariant>;
}
