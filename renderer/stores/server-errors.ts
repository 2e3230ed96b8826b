import { isUnauthorized } from '../api/client.ts';
import { useToasts } from './toast-store.ts';

/*
 * The one policy for failed calls to the server:
 * - a refused admin token (401) shows the token screen, whoever called (session-store wraps the client);
 * - any other failure shows the server's message once: beside the field the user acted on
 *   (`tryCall`, the caller shows the message), or as a toast where there is no such place (`attempt`).
 */

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs a call whose failure the caller shows in place; resolves to the value or the message. */
export async function tryCall<T>(action: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/** Runs a call and shows its failure as a toast; resolves to undefined then. */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    report(error);
    return undefined;
  }
}

/** A failure with no field to show it beside: a toast (a 401 needs none, the token screen replaces the page). */
export function report(error: unknown): void {
  if (!isUnauthorized(error)) useToasts.getState().show(messageOf(error), 'error');
}

/** For a `tryCall`-style action (it answers a message or null) used where there is no field to show the message beside. */
export function toastProblem(problem: string | null): void {
  if (problem) useToasts.getState().show(problem, 'error');
}
