import type { AppContext } from './app-context.ts';
import type { JobLogger } from './job-logger.ts';

export interface CleanupParams {
  execution_retention_days: number;
  stats_retention_days: number;
}

export interface CleanupContext {
  app: AppContext;
  params: CleanupParams;
  log: JobLogger;
  signal: AbortSignal;
}

/** One thing the nightly cleanup removes; returns a short summary such as "12 executions". */
export interface CleanupStep {
  name: string;
  run(context: CleanupContext): Promise<string>;
}
