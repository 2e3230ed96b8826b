/** What the library accepts: kept apart from the decoder so a route can name the limit without loading libvips. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** A 108-megapixel phone photo fits; a decompression bomb (a small file that claims a huge canvas) does not. */
export { MAX_INPUT_PIXELS } from '../imaging/input-limit.ts';
