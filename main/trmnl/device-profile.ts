import { defaultProfileForResolution } from '../imaging/profiles.ts';

/** TRMNL's original device: 800×480, a 1-bit PNG of at most 90,000 bytes. */
export const TRMNL_DEFAULT_PROFILE = 'trmnl-og-1bit';

/** TRMNL's model names (its `Model` / `model-id` headers, as BYOS servers list them) → our panel profiles. */
const MODEL_PROFILES: Record<string, string> = {
  og: 'trmnl-og-1bit',
  og_png: 'trmnl-og-1bit',
  og_bmp: 'trmnl-og-1bit',
  og_plus: 'trmnl-og-4grey',
  v2: 'grey16',
  inky_impression_7_3: 'inky-impression-7.3',
  inky_impression_13_3: 'inky-impression-13.3-spectra6',
  waveshare_7_5_v2: 'waveshare-7.5-v2',
};

export interface DeviceDescription {
  model?: string;
  width?: number;
  height?: number;
}

/**
 * The profile a TRMNL-class device starts with, from what it says about itself on first contact:
 * its model when we know it, else its size (an 800×480 panel that does not say more is a TRMNL OG),
 * else the OG. The user can pick any other profile for it afterwards.
 */
export function profileForDevice({ model, width, height }: DeviceDescription): string {
  const known = model ? MODEL_PROFILES[model.trim().toLowerCase().replace(/[\s.-]+/g, '_')] : undefined;
  if (known) return known;
  if (width && height && !(Math.max(width, height) === 800 && Math.min(width, height) === 480)) return defaultProfileForResolution(width, height).id;
  return TRMNL_DEFAULT_PROFILE;
}

/** A `Width`/`Height` header as a plausible pixel count, or undefined. */
export function pixelHeader(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,5}$/.test(value.trim())) return undefined;
  const n = Number(value);
  return n >= 16 && n <= 10_000 ? n : undefined;
}
