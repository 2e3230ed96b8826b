import { decoder } from '../../library/decode.ts';
import { ProviderError } from '../http.ts';
import type { GeneratedVariant } from './types.ts';

const KEPT_FORMATS: Record<string, GeneratedVariant['ext']> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

/** What a service sent back must decode fully as an image (same limits as an upload); other formats are converted to PNG. */
export async function checkedImage(data: Buffer, label: string): Promise<Pick<GeneratedVariant, 'data' | 'ext'>> {
  try {
    const meta = await decoder(data).metadata();
    await decoder(data).stats(); // decodes every pixel: catches truncated data
    const ext = KEPT_FORMATS[meta.format ?? ''];
    return ext ? { data, ext } : { data: await decoder(data).png().toBuffer(), ext: 'png' };
  } catch (error) {
    throw new ProviderError(`${label}: the returned data is not a usable image (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
}

export function decodeBase64Image(value: unknown, label: string): Buffer {
  if (typeof value !== 'string' || value.length === 0) throw new ProviderError(`${label}: the answer has no image`);
  return Buffer.from(value.replace(/^data:image\/[a-z+]+;base64,/, ''), 'base64');
}
