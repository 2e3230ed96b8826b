import { z } from 'zod';
import { ADJUSTMENT_LIMIT } from '../imaging/adjust.ts';
import { DITHER_ALGORITHMS } from '../imaging/dither/index.ts';

const factor = z.number().min(0).max(ADJUSTMENT_LIMIT);
const RENAMED: Record<string, string> = {
  saturation: 'it is now "vividness"',
  paletteSaturation: 'panel images now always dither against the panel\'s measured colours; use "vividness" for more colour',
};

/** Picture settings a client may send for a display (admin API and preview). */
export const pictureSettingsSchema = z.object({
  dither: z.enum(DITHER_ALGORITHMS as unknown as [string, ...string[]]).optional(),
  vividness: factor.optional(),
  contrast: factor.optional(),
  brightness: factor.optional(),
}).passthrough().superRefine((settings, ctx) => {
  for (const key of Object.keys(settings)) {
    if (['dither', 'vividness', 'contrast', 'brightness'].includes(key)) continue;
    ctx.addIssue({ code: 'custom', path: [key], message: RENAMED[key] ? `is no longer a setting: ${RENAMED[key]}` : 'is not a picture setting' });
  }
});
