import { z } from 'zod';
import type { CleanupParams } from '../../core/cleanup-step.ts';
import { CLEANUP_STEPS } from '../cleanup-steps.ts';
import type { JobKind } from '../types.ts';

const params = z.strictObject({
  execution_retention_days: z.number().int().min(1).max(3650).default(30),
  stats_retention_days: z.number().int().min(1).max(3650).default(7),
});

export const cleanupJob: JobKind<CleanupParams> = {
  kind: 'cleanup',
  description: 'Deletes old executions and their logs, old stats samples, and images nothing refers to',
  params,
  defaultJob: { name: 'cleanup', cron: '30 3 * * *', enabled: true },
  async run({ app, params, log, signal, progress }) {
    const done: string[] = [];
    for (const [index, step] of CLEANUP_STEPS.entries()) {
      signal.throwIfAborted();
      const summary = await step.run({ app, params, log, signal });
      log.info(`${step.name}: removed ${summary}`);
      done.push(summary);
      progress(index + 1, CLEANUP_STEPS.length);
    }
    return { summary: `removed ${done.join(', ')}` };
  },
};
