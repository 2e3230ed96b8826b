import type { z } from 'zod';

/** The provider answered, but not with something usable; the message says what was wrong. */
export class ProviderAnswerError extends Error {}

/** "Open-Meteo answered with data that is not a forecast (daily.time: expected array)". */
export function describeBadShape(service: string, what: string, error: z.ZodError): ProviderAnswerError {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return new ProviderAnswerError(`${service} answered with data that is not ${what} (${where}${issue?.message ?? 'unexpected shape'})`);
}
