import fs from 'node:fs';
import { z } from 'zod';
import type { TestContext } from '../helpers/test-context.ts';
import type { JobKind } from '../../main/jobs/types.ts';
import { JobEntity } from '../../main/storage/entities/job.ts';

/** When each run of the test kinds began and ended, in this process. */
export const timeline: { job: string; start: number; end: number }[] = [];

/**
 * Sleeps `ms`, or until `release_file` exists when one is named (so a test decides when it ends,
 * whatever the machine's load), stopping early, as interrupted, when its signal aborts. Records its interval.
 */
export const sleepKind: JobKind<{ ms: number; label: string; release_file?: string }> = {
  kind: 'test_sleep',
  description: 'sleeps',
  params: z.strictObject({ ms: z.number().int().min(0).default(100), label: z.string().default('sleep'), release_file: z.string().optional() }),
  defaultJob: { name: 'test_sleep', cron: null, enabled: true },
  async run({ params, log, signal }) {
    const start = Date.now();
    log.info(`sleeping ${params.ms} ms`, { label: params.label });
    await new Promise<void>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        clearInterval(released);
        resolve();
      };
      const timer = setTimeout(finish, params.ms);
      const released = params.release_file ? setInterval(() => fs.existsSync(params.release_file!) && finish(), 20) : undefined;
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        clearInterval(released);
        reject(signal.reason);
      }, { once: true });
    });
    timeline.push({ job: params.label, start, end: Date.now() });
    if (params.release_file) return { summary: 'released' };
    return { summary: `slept ${params.ms} ms` };
  },
};

/** Ignores its abort signal: stop() has to give up on it. */
export const stubbornKind: JobKind<{ ms: number }> = {
  kind: 'test_stubborn',
  description: 'ignores shutdown',
  params: z.strictObject({ ms: z.number().int().default(2_000) }),
  defaultJob: { name: 'test_stubborn', cron: null, enabled: true },
  async run({ params }) {
    await new Promise((resolve) => setTimeout(resolve, params.ms));
    return { summary: 'done anyway' };
  },
};

export const failKind: JobKind<Record<string, never>> = {
  kind: 'test_fail',
  description: 'fails',
  params: z.strictObject({}),
  defaultJob: { name: 'test_fail', cron: null, enabled: true },
  async run({ log }) {
    log.info('about to fail');
    throw new Error('the disk is full');
  },
};

/** Reports progress over `steps` steps, logging each. */
export const progressKind: JobKind<{ steps: number; step_ms: number }> = {
  kind: 'test_progress',
  description: 'counts',
  params: z.strictObject({ steps: z.number().int().min(1).default(3), step_ms: z.number().int().default(20) }),
  defaultJob: { name: 'test_progress', cron: null, enabled: true },
  async run({ params, log, progress }) {
    for (let i = 1; i <= params.steps; i++) {
      await new Promise((resolve) => setTimeout(resolve, params.step_ms));
      log.info(`step ${i}`);
      progress(i, params.steps);
    }
    return { summary: `${params.steps} steps` };
  },
};

/** Records the moment (by the app's clock) it ran. */
export const clockKind: JobKind<Record<string, never>> = {
  kind: 'test_clock',
  description: 'records when it ran',
  params: z.strictObject({}),
  async run({ app }) {
    return { summary: app.now().toISOString() };
  },
};

export const TEST_KINDS: JobKind[] = [sleepKind, stubbornKind, failKind, progressKind, clockKind];

/** Adds a job row the way a user-made job would look. */
export async function addJob(app: TestContext, job: { name: string; kind: string; cron?: string | null; timeZone?: string; params?: Record<string, unknown>; enabled?: boolean }): Promise<void> {
  const now = app.now();
  await app.db.getRepository(JobEntity).insert({
    name: job.name, kind: job.kind, cron: job.cron ?? null, timeZone: job.timeZone ?? 'UTC', enabled: job.enabled ?? true,
    params: JSON.stringify(job.params ?? {}), sortOrder: 100, createdAt: now, updatedAt: now,
  });
}
