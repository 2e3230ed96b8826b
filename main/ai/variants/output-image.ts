import { runImageTask } from '../../imaging/pool.ts';
import { ProviderError } from '../http.ts';
import type { GeneratedVariant } from './types.ts';

/** What a service sent back, checked in an image process (provider-images.ts); anything unusable is the provider's error. */
export async function checkedImage(data: Buffer, label: string): Promise<Pick<GeneratedVariant, 'data' | 'ext'>> {
  try {
    return await runImageTask('verifiedImage', data);
  } catch (error) {
    throw new ProviderError(`${label}: the returned data is not a usable image (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
}

export function decodeBase64Image(value: unknown, label: string): Buffer {
  if (typeof value !== 'string' || value.length === 0) throw new ProviderError(`${label}: the answer has no image`);
  return Buffer.from(value.replace(/^data:image\/[a-z+]+;base64,/, ''), 'base64');
}
