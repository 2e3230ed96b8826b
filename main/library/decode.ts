import fs from 'node:fs';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { PhotoImportError } from './import-error.ts';
import { MAX_IMPORT_BYTES, MAX_INPUT_PIXELS } from './limits.ts';

/** The plain "photo" variant: large enough for a 13.3" panel with room to crop, small enough to render fast. */
const DISPLAY_MAX_SIDE = 2560;
/**
 * The variant is resized again for every panel, so its own step down from the photo uses a
 * triangle (linear) filter rather than lanczos3: ~15 ms less CPU per 12 MP photo, and at panel
 * size (1872×1404) it differs from lanczos3 by less than the variant's JPEG encoding does
 * (43 dB PSNR against 41 dB on a noisy photo; README, issue 22).
 */
const DISPLAY_KERNEL = 'linear';
const THUMB_MAX_SIDE = 400;
const THUMB_QUALITY = 78;
/** libwebp's method 1 instead of the default 4: half the encode CPU (9 against 16 ms at 400 px), the same PSNR, ~13% more bytes. */
const THUMB_EFFORT = 1;

const READABLE = 'JPEG, PNG, WebP, HEIC/HEIF, AVIF or TIFF';
const FORMAT_EXTENSIONS: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', tiff: 'tif' };
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

export interface InspectedImage {
  /** Our name for the format: jpeg, png, webp, tiff, heic or avif. */
  format: string;
  ext: string;
  /** As displayed, i.e. after EXIF orientation. */
  width: number;
  height: number;
}

export interface PreparedPhoto {
  image: InspectedImage;
  /** The plain "photo" variant. */
  display: { data: Buffer; ext: string };
  thumb: Buffer;
}

/** An image to import: its bytes, or the path of its file (read by libvips itself, never held whole in JavaScript). */
export type PhotoInput = Buffer | string;

/**
 * What an import stores besides the original, from one decode of it: the plain variant (oriented,
 * in sRGB, flattened, at most DISPLAY_MAX_SIDE) is decoded, resized and encoded in one libvips
 * pass, and the thumbnail is made from that variant (a JPEG variant shrinks as it loads, so the
 * thumbnail costs an eighth of a decode). What the library refuses is refused from the header,
 * before anything is decoded.
 */
export async function preparePhoto(input: PhotoInput): Promise<PreparedPhoto> {
  const head = await headOf(input);
  const image = await inspectImage(input, head);
  const display = await displayVariant(input, head, image.format);
  const thumb = await webpThumbnail(display.data, THUMB_MAX_SIDE, THUMB_QUALITY);
  return { image, display, thumb };
}

/** Reads the header only: refuses empty, oversized, unknown and over-large images. */
async function inspectImage(input: PhotoInput, head: Buffer): Promise<InspectedImage> {
  const bytes = typeof input === 'string' ? await fileSize(input) : input.length;
  if (bytes === 0) throw new PhotoImportError('the file is empty');
  if (bytes > MAX_IMPORT_BYTES) {
    throw new PhotoImportError(`the file is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`);
  }
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw unreadable(head, error);
  }
  const format = formatName(meta);
  if (!format) throw new PhotoImportError(`"${meta.format}" images are not accepted; use ${READABLE}`);
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels === 0) throw new PhotoImportError('the image has no pixels');
  if (pixels > MAX_INPUT_PIXELS) {
    throw new PhotoImportError(`the image is ${meta.width}×${meta.height} (${Math.round(pixels / 1e6)} megapixels); the limit is ${MAX_INPUT_PIXELS / 1e6} megapixels`);
  }
  return { format, ext: FORMAT_EXTENSIONS[format] ?? format, width: meta.autoOrient.width, height: meta.autoOrient.height };
}

/**
 * The one decode, straight into the plain variant: EXIF orientation applied, colour converted to
 * sRGB from the photo's own profile, transparency on white, at most DISPLAY_MAX_SIDE. PNG stays
 * PNG, everything else becomes JPEG, without optimised Huffman coding (that second pass tripled
 * the encode, 16 → 50 ms at 2560 px, for a file 3% smaller). Decoding the whole file here is what
 * catches truncated images.
 */
async function displayVariant(input: PhotoInput, head: Buffer, format: string): Promise<{ data: Buffer; ext: string }> {
  const pipeline = decoder(input)
    .autoOrient()
    .resize({ width: DISPLAY_MAX_SIDE, height: DISPLAY_MAX_SIDE, fit: 'inside', withoutEnlargement: true, kernel: DISPLAY_KERNEL })
    .flatten({ background: '#ffffff' });
  try {
    if (format === 'png') return { data: await pipeline.png({ compressionLevel: 6 }).toBuffer(), ext: 'png' };
    return { data: await pipeline.jpeg({ quality: 88, optimiseCoding: false }).toBuffer(), ext: 'jpg' };
  } catch (error) {
    throw damaged(head, error);
  }
}

/** A stored image (bytes or a file), at most maxSide, as WebP. */
export async function webpThumbnail(image: Buffer | string, maxSide: number, quality: number): Promise<Buffer> {
  return sharp(image).resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true }).webp({ quality, effort: THUMB_EFFORT }).toBuffer();
}

/** Sharp with the limits every untrusted image gets: pixel cap, and warnings (e.g. a truncated JPEG) as errors. */
export function decoder(input: PhotoInput): Sharp {
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' });
}

/** The first bytes of an image: enough to tell a HEIF container. */
async function headOf(input: PhotoInput): Promise<Buffer> {
  if (typeof input !== 'string') return input.subarray(0, 12);
  const head = Buffer.alloc(12);
  let file: fs.promises.FileHandle;
  try {
    file = await fs.promises.open(input, 'r');
  } catch {
    throw new PhotoImportError('the file cannot be read (missing or no permission)');
  }
  try {
    const { bytesRead } = await file.read(head, 0, 12, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await fs.promises.stat(file)).size;
  } catch {
    throw new PhotoImportError('the file cannot be read (missing or no permission)');
  }
}

function formatName(meta: Metadata): string | null {
  if (meta.format === 'heif') return meta.compression === 'av1' ? 'avif' : meta.compression === 'hevc' ? 'heic' : null;
  return meta.format in FORMAT_EXTENSIONS ? meta.format : null;
}

function unreadable(head: Buffer, error: unknown): PhotoImportError {
  if (isHeifContainer(head)) return heifError(error);
  return new PhotoImportError(`not an image this app can read (${READABLE})`, { cause: error });
}

function damaged(head: Buffer, error: unknown): PhotoImportError {
  if (isHeifContainer(head)) return heifError(error);
  // With several decodes at once libvips may report only its generic "warning treated as error".
  const detail = /failOn/.test(firstLine(error)) ? 'its data ends early or is corrupt' : firstLine(error);
  return new PhotoImportError(`the image is damaged or incomplete (${detail})`, { cause: error });
}

/** HEIC photos are HEVC-coded; sharp's prebuilt binaries decode AVIF but not HEVC. */
function heifError(error: unknown): PhotoImportError {
  if (!canDecodeHeic()) {
    return new PhotoImportError('HEIC photos cannot be decoded by the image library installed here (it reads AVIF only); export the photo as JPEG, or install sharp with a libvips that has HEVC support', { cause: error });
  }
  return new PhotoImportError(`the HEIC/HEIF image is damaged or incomplete (${firstLine(error)})`, { cause: error });
}

export function canDecodeHeic(): boolean {
  return sharp.format.heif?.input.fileSuffix?.includes('.heic') ?? false;
}

function isHeifContainer(head: Buffer): boolean {
  return head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(head.toString('latin1', 8, 12));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].replace(/^Vips\w*: /, '');
}
