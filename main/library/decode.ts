import sharp, { type Metadata, type Sharp } from 'sharp';
import { PhotoImportError } from './import-error.ts';
import { MAX_IMPORT_BYTES, MAX_INPUT_PIXELS } from './limits.ts';

/** The plain "photo" variant: large enough for a 13.3" panel with room to crop, small enough to render fast. */
const DISPLAY_MAX_SIDE = 2560;
const THUMB_MAX_SIDE = 400;

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

/** What an import stores besides the original; what the library refuses is refused from the header, before anything is decoded. */
export async function preparePhoto(buffer: Buffer): Promise<PreparedPhoto> {
  const image = await inspectImage(buffer);
  const display = await makeDisplayCopy(buffer, image.format);
  return { image, display, thumb: await webpThumbnail(display.data, THUMB_MAX_SIDE, 78) };
}

/** Reads the header only: refuses empty, oversized, unknown and over-large images. */
async function inspectImage(buffer: Buffer): Promise<InspectedImage> {
  if (buffer.length === 0) throw new PhotoImportError('the file is empty');
  if (buffer.length > MAX_IMPORT_BYTES) {
    throw new PhotoImportError(`the file is ${(buffer.length / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`);
  }
  let meta: Metadata;
  try {
    meta = await sharp(buffer, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw unreadable(buffer, error);
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

/** EXIF orientation applied, transparency on white, at most DISPLAY_MAX_SIDE. Decoding the whole file here is what catches truncated images. */
async function makeDisplayCopy(buffer: Buffer, format: string): Promise<{ data: Buffer; ext: string }> {
  const pipeline = decoder(buffer)
    .autoOrient()
    .resize({ width: DISPLAY_MAX_SIDE, height: DISPLAY_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' });
  try {
    if (format === 'png') return { data: await pipeline.png({ compressionLevel: 6 }).toBuffer(), ext: 'png' };
    return { data: await pipeline.jpeg({ quality: 88 }).toBuffer(), ext: 'jpg' };
  } catch (error) {
    throw damaged(buffer, error);
  }
}

/** A stored image (bytes or a file), at most maxSide, as WebP. */
export async function webpThumbnail(image: Buffer | string, maxSide: number, quality: number): Promise<Buffer> {
  return sharp(image).resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true }).webp({ quality }).toBuffer();
}

/** Sharp with the limits every untrusted image gets: pixel cap, and warnings (e.g. a truncated JPEG) as errors. */
export function decoder(buffer: Buffer): Sharp {
  return sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' });
}

function formatName(meta: Metadata): string | null {
  if (meta.format === 'heif') return meta.compression === 'av1' ? 'avif' : meta.compression === 'hevc' ? 'heic' : null;
  return meta.format in FORMAT_EXTENSIONS ? meta.format : null;
}

function unreadable(buffer: Buffer, error: unknown): PhotoImportError {
  if (isHeifContainer(buffer)) return heifError(error);
  return new PhotoImportError(`not an image this app can read (${READABLE})`, { cause: error });
}

function damaged(buffer: Buffer, error: unknown): PhotoImportError {
  if (isHeifContainer(buffer)) return heifError(error);
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

function isHeifContainer(buffer: Buffer): boolean {
  return buffer.length >= 12 && buffer.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(buffer.toString('latin1', 8, 12));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].replace(/^Vips\w*: /, '');
}
