import type { AppContext } from '../core/app-context.ts';
import { systemTimeZone } from '../calendar/zoned-time.ts';
import { JobEntity } from '../storage/entities/job.ts';
import { isUniqueViolation } from '../storage/errors.ts';
import type { JobKind } from './types.ts';

/**
 * Creates the default job of every registered kind that has one and no job of that name yet.
 * Idempotent and never touches an existing job, so user edits survive; a kind registered later
 * gets its job at the next start. A job whose kind needs settings that are unset starts disabled.
 */
export async function ensureDefaultJobs(app: AppContext, kinds: readonly JobKind[]): Promise<void> {
  const repo = app.db.getRepository(JobEntity);
  const timeZone = systemTimeZone();
  for (const [index, kind] of kinds.entries()) {
    const spec = kind.defaultJob;
    if (!spec || (await repo.existsBy({ name: spec.name }))) continue;
    const enabled = spec.enabled && (await settingsPresent(app, spec.requiresSettings ?? []));
    const now = app.now();
    try {
      await repo.insert({
        name: spec.name, kind: kind.kind, cron: spec.cron, timeZone, enabled, params: '{}', sortOrder: (index + 1) * 10, createdAt: now, updatedAt: now,
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // another process created it first
    }
  }
}

async function settingsPresent(app: AppContext, keys: NonNullable<NonNullable<JobKind['defaultJob']>['requiresSettings']>): Promise<boolean> {
  for (const key of keys) {
    const value = await app.settings.get(key);
    if (value === undefined || value === '') return false;
  }
  return true;
}
