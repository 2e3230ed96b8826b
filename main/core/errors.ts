import type { z } from 'zod';

/**
 * The errors that are the caller's fault, raised by stores, services and admin operations alike;
 * each transport maps them to its own shape (HTTP 404/400, IPC codes, CLI messages). Anything
 * else that escapes is the app's fault and is answered as an internal error, never as a 400.
 */
export class NotFoundError extends Error {}
export class ValidationError extends Error {}

/** The one way a zod failure reads to a user: the first issue, prefixed with where it is. */
export function describeZodError(error: z.ZodError, subject = 'input'): string {
  const issue = error.issues[0];
  const where = (issue?.path ?? []).map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  return `${where || subject}: ${issue?.message ?? 'invalid'}`;
}

/** Parses input a caller sent; a mismatch is their mistake and becomes a ValidationError. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown, subject?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(describeZodError(result.error, subject));
  return result.data;
}

/** The one find-or-404: a missing record named the way every transport reports it. */
export function found<T>(row: T | null | undefined, what: string, ref: unknown): T {
  if (row === null || row === undefined) throw new NotFoundError(`no ${what} with id ${String(ref)}`);
  return row;
}
