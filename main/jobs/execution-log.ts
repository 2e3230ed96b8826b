import type { AppContext } from '../core/app-context.ts';
import type { JobLogger, LogLevel } from './types.ts';

/**
 * The JobLogger handed to a running job. Each line is its own small insert, made as it happens
 * through the job store (no transaction spans the job), which announces it as a `job-log` event, and copied to
 * the app log. Lines are written in order; `flush()` waits for the last one.
 */
export class ExecutionLogWriter implements JobLogger {
  private seq = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly app: AppContext, private readonly executionId: number, private readonly jobName: string) {}

  debug(message: string, context?: Record<string, unknown>): void {
    this.write('debug', message, context);
  }

  info(message: string, context?: Record<string, unknown>): void {
    this.write('info', message, context);
  }

  warn(message: string, context?: Record<string, unknown>): void {
    this.write('warn', message, context);
  }

  error(message: string, context?: Record<string, unknown>): void {
    this.write('error', message, context);
  }

  flush(): Promise<void> {
    return this.tail;
  }

  private write(level: LogLevel, message: string, context?: Record<string, unknown>): void {
    const seq = ++this.seq;
    const time = this.app.now();
    const contextJson = context ? safeJson(context) : null;
    this.app.log[level]({ job: this.jobName, executionId: this.executionId, ...(context ?? {}) }, message);
    this.tail = this.tail
      .then(() => this.app.jobStore.appendLog({ executionId: this.executionId, seq, time, level, message, context: contextJson }))
      .catch((err: unknown) => this.app.log.warn({ err, executionId: this.executionId }, 'could not store a job log line'));
  }
}

function safeJson(value: Record<string, unknown>): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : typeof v === 'bigint' ? String(v) : v));
  } catch {
    return JSON.stringify({ unserialisable: true });
  }
}
