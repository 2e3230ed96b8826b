import cron, { type ScheduledTask } from 'node-cron';
import type { Job } from '../storage/entities/job.ts';

/**
 * Cron expressions in the job's IANA time zone, by node-cron. Its DST behaviour (documented at
 * nodecron.com/timezones-and-dst): a time inside the spring-forward gap does not fire that day
 * (a daily 02:30 in Europe/Berlin skips the last Sunday of March); a time in the repeated hour of
 * the fall-back fires once (02:30 on the last Sunday of October fires at 01:30Z, on the second
 * pass through 02:30 local).
 */

/** An error message for an invalid expression, or null when node-cron accepts it. */
export function cronError(expression: string): string | null {
  const result = cron.validateDetailed(expression);
  if (result.valid) return null;
  return result.errors.map((error) => error.message).join('; ') || `"${expression}" is not a cron expression`;
}

/** The next `count` instants the expression fires in the zone, after the current time. */
export function nextRunTimes(expression: string, timeZone: string, count = 1): Date[] {
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
  try {
    return task.getNextRuns(count);
  } finally {
    void task.destroy();
  }
}

/**
 * One node-cron task per enabled job with a cron; a firing only announces the job as due, with the
 * tick it is due for (to the second), which every node computes alike from the same expression.
 */
export class CronScheduler {
  private readonly tasks = new Map<string, { task: ScheduledTask; signature: string }>();

  constructor(private readonly onDue: (jobName: string, dueAt: Date) => void) {}

  /** Brings the tasks in line with the jobs: adds, replaces and removes as needed. */
  sync(jobs: readonly Job[]): void {
    const wanted = new Map(jobs.filter((job) => job.enabled && job.cron).map((job) => [job.name, job]));
    for (const [name, entry] of this.tasks) {
      const job = wanted.get(name);
      if (!job || signature(job) !== entry.signature) this.remove(name);
    }
    for (const [name, job] of wanted) {
      if (this.tasks.has(name)) continue;
      const task = cron.createTask(job.cron!, (context) => this.onDue(name, wholeSecond(context.date)), { timezone: job.timeZone, name: `inkstand-job:${name}`, unref: true });
      void task.start();
      this.tasks.set(name, { task, signature: signature(job) });
    }
  }

  nextRun(jobName: string): Date | null {
    return this.tasks.get(jobName)?.task.getNextRun() ?? null;
  }

  stop(): void {
    for (const name of [...this.tasks.keys()]) this.remove(name);
  }

  private remove(name: string): void {
    const entry = this.tasks.get(name);
    if (!entry) return;
    void entry.task.destroy();
    this.tasks.delete(name);
  }
}

function wholeSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

function signature(job: Job): string {
  return `${job.cron}|${job.timeZone}`;
}
