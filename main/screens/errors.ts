import { ValidationError } from '../core/errors.ts';

/** Bad input about a screen, mashup or playlist (a recipe that does not import, a value a field cannot take): a 4xx, nothing stored. */
export class ScreenInputError extends ValidationError {}

/** A screen or mashup that something else still shows (a mashup, a playlist, a display's schedule). */
export class ScreenInUseError extends ScreenInputError {}
