import { ZodError } from 'zod';
import { ScreenInputError } from '../screens/errors.ts';
import { MashupNotFoundError } from '../screens/mashup-store.ts';
import { PlaylistNotFoundError } from '../screens/playlist-store.ts';
import { ScreenNotFoundError } from '../screens/screen-store.ts';
import { NotFoundError, ValidationError } from './errors.ts';

/** The screens feature's errors as the admin contract's: unknown records → not found, bad input → validation. */
function translate(err: unknown): unknown {
  if (err instanceof ScreenNotFoundError || err instanceof MashupNotFoundError || err instanceof PlaylistNotFoundError) return new NotFoundError(err.message);
  if (err instanceof ScreenInputError) return new ValidationError(err.message);
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return new ValidationError(`${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`);
  }
  return err;
}

/** Wraps each operation so its errors reach the transports in the contract's terms. */
function wrap<T extends Record<string, (args: never) => Promise<unknown>>>(operations: T): T {
  const wrapped: Record<string, (args: never) => Promise<unknown>> = {};
  for (const [name, run] of Object.entries(operations)) {
    wrapped[name] = async (args: never) => {
      try {
        return await run(args);
      } catch (err) {
        throw translate(err);
      }
    };
  }
  return wrapped as T;
}

export const screenErrors = { wrap, Validation: ValidationError };
