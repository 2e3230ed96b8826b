import type { ButtonAction, ButtonMap } from '../../contract/dtos.ts';
import { buttonMapSchema } from '../../contract/display-schemas.ts';

export const BUTTONS = ['A', 'B', 'C', 'D'] as const;
export type ButtonName = (typeof BUTTONS)[number];
export type PressKind = 'press' | 'long';

export type { ButtonAction, ButtonMap };

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
