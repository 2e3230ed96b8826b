import type { ContentType, QualityBucket } from '../../storage/entities/photo.ts';

export interface Classification {
  quality: QualityBucket;
  contentType: ContentType;
  /** null when the provider cannot tell (the built-in analyser). */
  peopleCount: number | null;
  description: string;
}

/** The picture to classify: the plain variant (EXIF-oriented, at most 2560 px). */
export interface ClassifyInput {
  image: Buffer;
  width: number;
  height: number;
}

export interface Classifier {
  /** Stored with the result, e.g. `builtin` or `ollama:llava`. */
  readonly name: string;
  classify(input: ClassifyInput, signal?: AbortSignal): Promise<Classification>;
}
