/**
 * Source picture → device-ready frame: decode, turn upright (EXIF), crop to the canvas around
 * the subject, adjust and map into the colours the panel can show, dither to the panel's measured
 * palette, turn into the panel's native pixel order, encode.
 *
 * Rotation: `rotation` is how far the frame hangs turned. The picture is composed on a canvas of
 * the size the viewer sees (height × width for 90 and 270) and then turned clockwise by
 * `rotation` into the panel's native pixel order, so the file is always profile.width ×
 * profile.height and a device copies it into its buffer as it is. (90: the composed picture's
 * top edge lands on the panel's native right edge; 180: upside down.)
 */
import sharp from 'sharp';
import { checkAdjustments } from './adjust.ts';
import { DITHER_ALGORITHMS, ditherRgb, isDitherAlgorithm } from './dither/index.ts';
import { encodePanelImage, type PanelImageFormat } from './encode/index.ts';
import type { PictureSettings } from './picture-settings.ts';
import type { PanelProfile, Rgb } from './panel-profile.ts';
import { ROTATIONS, isRotation, logicalSize, rotateIndices, type Rotation } from './rotate.ts';
import { loadCanvasRgb, type Fit } from './source-image.ts';

export { ImageInputError } from './errors.ts';
export type { Rotation } from './rotate.ts';

export interface RenderOptions {
  profile: PanelProfile;
  rotation: Rotation;
  settings: PictureSettings;
  fit?: Fit;
  format?: PanelImageFormat;
}

export interface RenderedPanelImage {
  /** The encoded file (PNG, or BMP when asked). */
  data: Buffer;
  /** Always the panel's native size. */
  width: number;
  height: number;
  /** Palette index per pixel, native pixel order, row-major. */
  indices: Uint8Array;
}

export async function renderPanelImage(source: Buffer | string, opts: RenderOptions): Promise<RenderedPanelImage> {
  checkOptions(opts);
  const { profile, rotation, settings } = opts;
  const canvas = logicalSize(profile.width, profile.height, rotation);
  const rgb = await loadCanvasRgb(source, canvas.width, canvas.height, opts.fit);
  const composed = ditherForPanel(rgb, canvas.width, canvas.height, profile, settings);
  const indices = rotateIndices(composed, canvas.width, canvas.height, rotation);
  return { data: encodePanelImage(indices, profile, opts.format), width: profile.width, height: profile.height, indices };
}

/** The picture settings and the mapping into the panel's colours, then the dither (dither/index.ts). */
export function ditherForPanel(rgb: Uint8Array, width: number, height: number, profile: PanelProfile, settings: PictureSettings): Uint8Array {
  return ditherRgb(rgb, width, height, profile.palette, settings.dither, settings);
}

/** The frame as the panel will show it (its measured colours), as an RGB PNG for the UI. */
export async function renderPreview(frame: RenderedPanelImage, profile: PanelProfile): Promise<Buffer> {
  const rgb = indicesToPreviewRgb(frame.indices, profile.palette);
  return sharp(rgb, { raw: { width: frame.width, height: frame.height, channels: 3 } }).png().toBuffer();
}

export function indicesToPreviewRgb(indices: Uint8Array, palette: readonly Rgb[]): Buffer {
  const table = palette.flat();
  const rgb = Buffer.alloc(indices.length * 3);
  for (let p = 0, s = 0; p < indices.length; p++, s += 3) {
    const k = indices[p] * 3;
    rgb[s] = table[k];
    rgb[s + 1] = table[k + 1];
    rgb[s + 2] = table[k + 2];
  }
  return rgb;
}

function checkOptions({ profile, rotation, settings, fit, format }: RenderOptions): void {
  if (!isRotation(rotation)) throw new RangeError(`rotation must be one of ${ROTATIONS.join(', ')}, not ${rotation}`);
  if (!isDitherAlgorithm(settings.dither)) {
    throw new RangeError(`unknown dither algorithm "${settings.dither}"; choose one of ${DITHER_ALGORITHMS.join(', ')}`);
  }
  checkAdjustments(settings);
  if (fit !== undefined && fit !== 'cover' && fit !== 'contain') throw new RangeError(`fit must be "cover" or "contain", not "${fit}"`);
  if (format !== undefined && format !== 'png' && format !== 'bmp') throw new RangeError(`format must be "png" or "bmp", not "${format}"`);
  if (format === 'bmp' && profile.palette.length !== 2) {
    throw new RangeError(`a BMP frame is 1-bit: profile ${profile.id} has ${profile.palette.length} colours, not 2`);
  }
}
