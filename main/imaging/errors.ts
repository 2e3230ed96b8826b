/** The source picture cannot be used: missing, empty, broken, truncated, not an image, or too large. */
export class ImageInputError extends Error {
  override name = 'ImageInputError';
}
