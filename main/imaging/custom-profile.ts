import { describeZodError, ValidationError } from '../core/errors.ts';
import { z } from 'zod';
import { BUILTIN_PROFILES } from './builtin-profiles.ts';
import { bitDepthFor, type PanelProfile, type Rgb } from './panel-profile.ts';

const channel = z.number().int().min(0).max(255);
const rgb = z.tuple([channel, channel, channel]);
const GREY_LEVEL_COUNTS = [2, 4, 16, 256];

const customProfileSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be 1–64 lower-case letters, digits, ".", "_" or "-"')
      .refine((id) => !BUILTIN_PROFILES.some((p) => p.id === id), 'is the id of a built-in profile'),
    label: z.string().trim().min(1).max(100),
    width: z.number().int().min(1).max(8192),
    height: z.number().int().min(1).max(8192),
    orientation: z.enum(['landscape', 'portrait']).optional(),
    palette: z.array(rgb).min(2).max(256),
    colorNames: z.array(z.string().trim().min(1).max(40)).optional(),
    source: z.string().trim().min(1).max(200).optional(),
    bitDepth: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8)]).optional(),
    grey: z.boolean().default(false),
  })
  .strict()
  .superRefine((p, ctx) => {
    const count = p.palette.length;
    const issue = (path: string, message: string): void => void ctx.addIssue({ code: 'custom', path: [path], message });
    const nativeOrientation = p.width >= p.height ? 'landscape' : 'portrait';
    if (p.orientation && p.orientation !== nativeOrientation) {
      issue('orientation', `must be "${nativeOrientation}" for a ${p.width}×${p.height} panel`);
    }
    if (p.colorNames && p.colorNames.length !== count) issue('colorNames', `must have ${count} entries, one per palette colour`);
    if (p.bitDepth !== undefined && p.bitDepth !== bitDepthFor(count)) {
      issue('bitDepth', `must be ${bitDepthFor(count)}, the smallest PNG bit depth for ${count} colours`);
    }
    if (p.grey && !GREY_LEVEL_COUNTS.includes(count)) {
      issue('palette', `a grey profile needs 2, 4, 16 or 256 levels (one per greyscale PNG sample value), not ${count}`);
    }
  });

/** Checks a profile made in the UI; throws a ValidationError naming the first bad field. */
export function validateCustomProfile(input: unknown): PanelProfile {
  const result = customProfileSchema.safeParse(input);
  if (!result.success) throw new ValidationError(`invalid panel profile: ${describeZodError(result.error, 'profile')}`);
  const p = result.data;
  return {
    id: p.id,
    label: p.label,
    width: p.width,
    height: p.height,
    orientation: p.width >= p.height ? 'landscape' : 'portrait',
    palette: p.palette as Rgb[],
    colorNames: p.colorNames ?? p.palette.map((_, i) => `colour ${i}`),
    ...(p.source ? { source: p.source } : {}),
    bitDepth: bitDepthFor(p.palette.length),
    grey: p.grey,
    builtIn: false,
  };
}
