import type { z } from 'zod';
import type { AppContext } from '../core/app-context.ts';
import type { JobLogger } from '../core/job-logger.ts';

export type { JobLogger };
import type { SettingKey } from '../settings/keys.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface JobRun<P> {
  params: P;
  app: AppContext;
  log: JobLogger;
  /** Reports progress; the CLI draws a bar, the UI a meter. */
  progress(done: number, total: number): void;
  /** Aborted when the app shuts down; long jobs check it between items. */
  signal: AbortSignal;
  /** The job's IANA time zone (the one its cron is read in); kinds that work with local dates use it. Absent outside the job service. */
  timeZone?: string;
}

export interface JobResult {
  summary: string;
  /** `skipped` when there was nothing to do (e.g. no location set). Default: success. */
  status?: 'success' | 'skipped';
}

/** A kind of job: the registry key, what it does, its validated params and its work. */
// The registry holds kinds with different params in one list; `run` takes them contravariantly, so the default must be `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface JobKind<P = any> {
  kind: string;
  description: string;
  params: z.ZodType<P>;
  /** The job created for this kind on first start; created disabled while any of `requiresSettings` is unset. */
  defaultJob?: { name: string; cron: string | null; enabled: boolean; requiresSettings?: SettingKey[] };
  run(run: JobRun<P>): Promise<JobResult>;
}
