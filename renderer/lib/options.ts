import type { WeeklyRuleInput } from '../../contract/admin.ts';
import type { ButtonAction, ContentType, DitherAlgorithm, QualityBucket } from '../../contract/dtos.ts';

/** Choices the forms offer, typed against main's own unions so they cannot drift apart. */

export type SelectableMode = WeeklyRuleInput['mode'];

export const MODES: { value: SelectableMode; label: string }[] = [
  { value: 'photo', label: 'Photos' },
  { value: 'dashboard', label: 'Dashboard' },
  { value: 'message', label: 'Message' },
  { value: 'sleep', label: 'Sleep' },
  { value: 'screen', label: 'A screen' },
  { value: 'mashup', label: 'A mashup' },
  { value: 'playlist', label: 'A playlist' },
];

export const ROTATIONS = [0, 90, 180, 270] as const;

export const DITHERS: { value: DitherAlgorithm; label: string }[] = [
  { value: 'floyd-steinberg', label: 'Floyd–Steinberg' },
  { value: 'atkinson', label: 'Atkinson' },
  { value: 'sierra', label: 'Sierra' },
  { value: 'stucki', label: 'Stucki' },
  { value: 'bayer8', label: 'Ordered 8×8' },
  { value: 'blue-noise', label: 'Blue noise' },
  { value: 'none', label: 'None (nearest colour)' },
];

export const BUTTON_ACTIONS: { value: ButtonAction['action']; label: string }[] = [
  { value: 'next', label: 'Next photo' },
  { value: 'previous', label: 'Previous photo' },
  { value: 'favourite', label: 'Mark favourite' },
  { value: 'dislike', label: 'Dislike photo' },
  { value: 'override', label: 'Show a mode for a while' },
  { value: 'schedule', label: 'Back to schedule' },
  { value: 'refresh', label: 'Refresh' },
];

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const QUALITIES = ['VERY_GOOD', 'GOOD', 'PASSABLE', 'BAD', 'NOT_SUITED'] satisfies QualityBucket[];
export const CONTENT_TYPES = ['Portrait', 'Person', 'People', 'Animal', 'Landscape', 'City', 'Building', 'Nature', 'Art', 'Object', 'Other'] satisfies ContentType[];

export const modeLabel = (mode: string) => MODES.find((m) => m.value === mode)?.label ?? mode.charAt(0).toUpperCase() + mode.slice(1);
export const qualityLabel = (q: string) => q.replace('_', ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
