import sharp from 'sharp';
import { decoder } from '../../library/decode.ts';
import type { GeneratedVariant } from './types.ts';

const KEPT_FORMATS: Record<string, GeneratedVariant['ext']> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

/** The photo as a service wants it: a PNG of exactly width × height, cropped to what matters (`cover`) or stretched (`fill`). */
export function resizedPng(image: Buffer, width: number, height: number, fit: 'cover' | 'fill') {
  const resize = fit === 'cover' ? { fit, position: sharp.strategy.attention } : { fit };
  return sharp(image).resize(width, height, resize).png().toBuffer();
}

/** What a service sent back must decode fully as an image (same limits as an upload); other formats are converted to PNG. */
export async function verifiedImage(data: Buffer): Promise<Pick<GeneratedVariant, 'data' | 'ext'>> {
  const meta = await decoder(data).metadata();
  await decoder(data).stats(); // decodes every pixel: catches truncated data
  const ext = KEPT_FORMATS[meta.format ?? ''];
  return ext ? { data, ext } : { data: await decoder(data).png().toBuffer(), ext: 'png' };
}
