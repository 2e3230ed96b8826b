/**
 * The one error a bad recipe, bad data or a failing transform produces. `code` lets callers (the
 * screen's entry, the import dialog, the CLI) tell kinds apart; `message` is for a person.
 */
export type RecipeErrorCode =
  | 'invalid-archive'
  | 'unsafe-path'
  | 'too-large'
  | 'invalid-settings'
  | 'invalid-liquid'
  | 'missing-markup'
  | 'fetch-failed'
  | 'invalid-data'
  | 'invalid-webhook'
  | 'transform-failed';

export class RecipeError extends Error {
  override readonly name = 'RecipeError';

  constructor(
    readonly code: RecipeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
