import type { PictureSettingsDto } from '../../contract/dtos.ts';
import { ADJUSTMENT_LIMIT } from './adjust.ts';
import { isDitherAlgorithm, type DitherAlgorithm } from './dither/index.ts';

/** How one display wants its pictures prepared (dither and picture adjustments). */
export type PictureSettings = PictureSettingsDto;

const DEFAULT_DITHER: DitherAlgorithm = 'floyd-steinberg';

/**
 * A display's stored settings (parsed JSON), completed and read the current way. Earlier versions
 * stored `saturation` (a colour factor, now `vividness`) and `paletteSaturation` (Pimoroni's
 * slider: below its default of 0.5 it made the dither believe in brighter colours, which gave a
 * more colourful, if less faithful, picture). The panel is now always matched against its measured
 * colours; a wish for more colour becomes vividness: 1 + (0.5 − paletteSaturation) when below 0.5.
 * Values that make no sense are left out (the defaults apply), never a reason to fail a render.
 */
export function readPictureSettings(stored: unknown): PictureSettings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const factor = (value: unknown): number | undefined =>
    typeof value === 'number' && value >= 0 && value <= ADJUSTMENT_LIMIT ? value : undefined;
  const settings: PictureSettings = { dither: isDitherAlgorithm(raw.dither) ? raw.dither : DEFAULT_DITHER };
  const oldBoost = typeof raw.paletteSaturation === 'number' && raw.paletteSaturation >= 0 ? 1 + Math.max(0, 0.5 - raw.paletteSaturation) : 1;
  const vividness = factor(raw.vividness) ?? (factor(raw.saturation) ?? 1) * oldBoost;
  if (vividness !== 1) settings.vividness = Math.min(ADJUSTMENT_LIMIT, Math.round(vividness * 1000) / 1000);
  const contrast = factor(raw.contrast);
  if (contrast !== undefined && contrast !== 1) settings.contrast = contrast;
  const brightness = factor(raw.brightness);
  if (brightness !== undefined && brightness !== 1) settings.brightness = brightness;
  return settings;
}

/** The settings stored with a display (JSON text, or null for none); unreadable text counts as none. */
export function storedPictureSettings(json: string | null): PictureSettings {
  if (!json) return readPictureSettings({});
  try {
    return readPictureSettings(JSON.parse(json));
  } catch {
    return readPictureSettings({});
  }
}
