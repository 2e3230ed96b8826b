import { z } from 'zod';
import { DISPLAY_MODES, DITHER_ALGORITHMS, SPECIAL_FUNCTIONS, type ButtonMap } from './dtos.ts';

/**
 * What a client may send about a display, as zod schemas: the display store validates with them
 * and the contract's TypeScript types come from them (z.input), so the two cannot drift.
 */

/** Picture adjustments are factors from 0 to this (1 leaves the picture as it is). */
export const ADJUSTMENT_LIMIT = 3;

/** A record id as it arrives: a number over IPC, text in an HTTP path or query. */
export const recordIdSchema = z.coerce.number().int().positive();

const factor = z.number().min(0).max(ADJUSTMENT_LIMIT);
const PICTURE_SETTING_KEYS = ['dither', 'vividness', 'contrast', 'brightness'];
const RENAMED_SETTINGS: Record<string, string> = {
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
    if (PICTURE_SETTING_KEYS.includes(key)) continue;
    ctx.addIssue({ code: 'custom', path: [key], message: RENAMED_SETTINGS[key] ? `is no longer a setting: ${RENAMED_SETTINGS[key]}` : 'is not a picture setting' });
  }
});

export const buttonActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['next', 'previous', 'favourite', 'dislike', 'schedule', 'refresh']) }),
  z.object({ action: z.literal('override'), mode: z.enum(DISPLAY_MODES as unknown as [string, ...string[]]), minutes: z.number().int().min(1).max(24 * 60), itemId: z.number().int().positive().optional() }),
]);

/** Keys are a button (`A`) or a button with a long press (`A:long`). */
export const buttonMapSchema: z.ZodType<ButtonMap> = z.record(z.string().regex(/^[ABCD](:long)?$/, 'keys are A–D, optionally with ":long"'), buttonActionSchema);

/** The modes a user can choose; `pairing` is the server's own. */
export const selectableModeSchema = z.enum(['photo', 'dashboard', 'message', 'sleep', 'screen', 'mashup', 'playlist']);
/** The screen, mashup or playlist beside an item mode (screen, mashup, playlist); null for the others. */
const itemId = z.number().int().positive().nullable().optional();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM');
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown IANA time zone');

export const displayPatchSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  profileId: z.string().max(64).optional(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
  timeZone: timeZone.optional(),
  defaultMode: selectableModeSchema.optional(),
  defaultItemId: itemId,
  rotationIntervalS: z.number().int().min(60).max(7 * 86400).optional(),
  pollIntervalS: z.number().int().min(5).max(86400).optional(),
  quietStart: hhmm.nullable().optional(),
  quietEnd: hhmm.nullable().optional(),
  buttonMap: buttonMapSchema.optional(),
  pictureSettings: pictureSettingsSchema.optional(),
  specialFunction: z.enum(SPECIAL_FUNCTIONS as unknown as [string, ...string[]]).optional(),
  /** Tell the user when this display stops polling. */
  notifyOffline: z.boolean().optional(),
}).strict();
export type DisplayPatch = z.input<typeof displayPatchSchema>;

export const weeklyRuleSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  startMinute: z.number().int().min(0).max(1439),
  endMinute: z.number().int().min(1).max(1440),
  mode: selectableModeSchema,
  itemId,
}).refine((r) => r.endMinute > r.startMinute, 'endMinute must be after startMinute');
export type WeeklyRuleInput = z.input<typeof weeklyRuleSchema>;
export const weeklyRulesSchema = z.array(weeklyRuleSchema).max(100);

const WEEK_MINUTES = 7 * 24 * 60;
export const overrideSchema = z.object({ mode: selectableModeSchema, minutes: z.number().int().min(1).max(WEEK_MINUTES), itemId });
export const messageSchema = z.object({ text: z.string().trim().min(1).max(500), minutes: z.number().int().min(1).max(WEEK_MINUTES).optional() });
