import { z } from 'zod';
import { ValidationError } from '../core/errors.ts';
import { isValidTimeZone } from '../calendar/zoned-time.ts';
import { cronError } from './scheduler.ts';

/** What the UI may change on a job. */
export const JOB_PATCH = z.strictObject({
  cron: z.string().trim().min(1).max(100).nullable().optional(),
  timeZone: z.string().min(1).max(64).optional(),
  enabled: z.boolean().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export type JobPatch = z.infer<typeof JOB_PATCH>;

/** Checks the patch's shape, cron expression and time zone (params are checked against the kind by the caller). */
export function parseJobPatch(raw: unknown): JobPatch {
  const result = JOB_PATCH.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue?.path.join('.');
    throw new ValidationError(`${field || 'patch'}: ${issue?.message ?? 'invalid'}`);
  }
  const patch = result.data;
  if (patch.cron) {
    const problem = cronError(patch.cron);
    if (problem) throw new ValidationError(`cron: ${problem}`);
  }
  if (patch.timeZone !== undefined && !isValidTimeZone(patch.timeZone)) {
    throw new ValidationError(`timeZone: "${patch.timeZone}" is not an IANA time zone (e.g. Europe/Berlin)`);
  }
  return patch;
}
