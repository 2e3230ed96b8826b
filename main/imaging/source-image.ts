import { stat } from 'node:fs/promises';
import sharp, { type OutputInfo } from 'sharp';
import { ImageInputError } from './errors.ts';
import { MAX_INPUT_PIXELS } from './input-limit.ts';

export type Fit = 'cover' | 'contain';

/**
 * Decodes a picture (a file path or its bytes) to sRGB bytes of exactly width × height:
 * turned upright by its EXIF orientation, transparency on white, and cropped to fill the canvas
 * around what draws the eye (libvips' attention strategy) or, with 'contain', letterboxed on white.
 */
export async function loadCanvasRgb(source: Buffer | string, width: number, height: number, fit: Fit = 'cover'): Promise<Uint8Array> {
  await refuseEmpty(source);
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(source, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .autoOrient()
      .flatten({ background: '#ffffff' })
      .resize(width, height, fit === 'contain' ? { fit: 'contain', background: '#ffffff' } : { fit: 'cover', position: sharp.strategy.attention })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new ImageInputError(describeDecodeError(err));
  }
  const { data, info } = decoded;
  if (info.channels !== 3 || data.length !== width * height * 3) {
    throw new ImageInputError(`the image decoded to ${info.width}×${info.height}×${info.channels}, not ${width}×${height} RGB`);
  }
  // A plain Uint8Array view (not a Buffer) keeps the dithering loops monomorphic.
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

async function refuseEmpty(source: Buffer | string): Promise<void> {
  if (typeof source !== 'string') {
    if (source.length === 0) throw new ImageInputError('the image is empty (0 bytes)');
    return;
  }
  const info = await stat(source).catch((err: NodeJS.ErrnoException) => {
    throw new ImageInputError(`cannot read the image file ${source}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  });
  if (!info.isFile()) throw new ImageInputError(`${source} is not a file`);
  if (info.size === 0) throw new ImageInputError(`the image file ${source} is empty (0 bytes)`);
}

function describeDecodeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) {
    return `the image is too large: more than ${Math.round(MAX_INPUT_PIXELS / 1e6)} megapixels (${message})`;
  }
  if (/unsupported image format/i.test(message)) return 'the file is not an image in a format we can read (JPEG, PNG, WebP, AVIF, GIF, TIFF, SVG)';
  return `the image is broken or truncated and cannot be decoded (${message.split('\n')[0].trim()})`;
}
