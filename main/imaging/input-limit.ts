/**
 * Largest source accepted anywhere (imports and renders), in pixels: above the biggest phone
 * cameras (108 MP), and a refusal for "decompression bombs" (a small file declaring a huge picture)
 * before any pixel is decoded. Its own module so callers can name it without loading libvips.
 */
export const MAX_INPUT_PIXELS = 120_000_000;
