import { ZodError } from 'zod';
import { describeZodError, ValidationError } from '../core/errors.ts';

/**
 * The screens feature's own errors already are the contract's (ScreenInputError is a
 * ValidationError, the not-found errors NotFoundErrors); a zod failure in its input parsing
 * becomes a ValidationError worded like every other.
 */
function translate(err: unknown): unknown {
  return err instanceof ZodError ? new ValidationError(describeZodError(err)) : err;
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
