import type { PanelProfile } from '../panel-profile.ts';
import { encodeBmp1 } from './bmp.ts';
import { encodeGreyPng, encodeIndexedPng } from './png.ts';

export type PanelImageFormat = 'png' | 'bmp';

/** The file a device gets: a PNG of the profile's kind (indexed or grey), or a 1-bit BMP. */
export function encodePanelImage(indices: Uint8Array, profile: PanelProfile, format: PanelImageFormat = 'png'): Buffer {
  const { width, height } = profile;
  if (format === 'bmp') return encodeBmp1(indices, width, height, profile.palette);
  return profile.grey
    ? encodeGreyPng(indices, width, height, profile.bitDepth)
    : encodeIndexedPng(indices, width, height, profile.palette, profile.bitDepth);
}
