import { z } from 'zod';
import type { ButtonAction, ButtonMap } from '../../contract/dtos.ts';
import { DISPLAY_MODES } from '../storage/entities/display.ts';

export const BUTTONS = ['A', 'B', 'C', 'D'] as const;
export type ButtonName = (typeof BUTTONS)[number];
export type PressKind = 'press' | 'long';

export const buttonActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['next', 'previous', 'favourite', 'dislike', 'schedule', 'refresh']) }),
  z.object({ action: z.literal('override'), mode: z.enum(DISPLAY_MODES as unknown as [string, ...string[]]), minutes: z.number().int().min(1).max(24 * 60), itemId: z.number().int().positive().optional() }),
]);
export type { ButtonAction, ButtonMap };

/** Keys are a button (`A`) or a button with a long press (`A:long`); a long press falls back to the plain one. */
export const buttonMapSchema: z.ZodType<ButtonMap> = z.record(z.string().regex(/^[ABCD](:long)?$/, 'keys are A–D, optionally with ":long"'), buttonActionSchema);

export const DEFAULT_BUTTON_MAP: ButtonMap = {
  A: { action: 'next' },
  B: { action: 'override', mode: 'dashboard', minutes: 30 },
  C: { action: 'favourite' },
  D: { action: 'schedule' },
};

export function parseButtonMap(stored: string | null): ButtonMap {
  if (!stored) return DEFAULT_BUTTON_MAP;
  return { ...DEFAULT_BUTTON_MAP, ...buttonMapSchema.parse(JSON.parse(stored)) };
}

export function actionFor(map: ButtonMap, button: ButtonName, press: PressKind): ButtonAction {
  return (press === 'long' ? map[`${button}:long`] : undefined) ?? map[button] ?? DEFAULT_BUTTON_MAP[button];
}
