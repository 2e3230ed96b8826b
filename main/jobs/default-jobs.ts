import type { AppContext } from '../core/app-context.ts';
import { systemTimeZone } from '../calendar/zoned-time.ts';
import type { JobKind } from './types.ts';

/**
 * Creates the default job of every registered kind that has one and no job of that name yet.
 * Idempotent and never touches an existing job, so user edits survive; a kind registered later
 * gets its job at the next start. A job whose kind needs settings that are unset starts disabled.
 */
export async function ensureDefaultJobs(app: AppContext, kinds: readonly JobKind[]): Promise<void> {
  const timeZone = systemTimeZone();
  for (const [index, kind] of kinds.entries()) {
    const spec = kind.defaultJob;
    if (!spec || (await app.jobStore.byName(spec.name))) continue;
    const enabled = spec.enabled && (await settingsPresent(app, spec.requiresSettings ?? []));
    await app.jobStore.addIfMissing({ name: spec.name, kind: kind.kind, cron: spec.cron, timeZone, enabled, params: '{}', sortOrder: (index + 1) * 10 });
  }
}

async function settingsPresent(app: AppContext, keys: NonNullable<NonNullable<JobKind['defaultJob']>['requiresSettings']>): Promise<boolean> {
  for (const key of keys) {
    const value = await app.settings.get(key);
    if (value === undefined || value === '') return false;
  }
  return true;
}
