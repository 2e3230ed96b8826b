import { systemTimeZone, formatInZone } from '../../calendar/zoned-time.ts';
import type { AppContext } from '../../core/app-context.ts';
import type { ExecutionDto, ExecutionLogDto } from '../../../contract/dtos.ts';
import { followExecution } from '../../jobs/follow.ts';
import { JobService } from '../../jobs/job-service.ts';
import { JOB_KINDS } from '../../jobs/registry.ts';
import type { JobKind } from '../../jobs/types.ts';
import { CliError, printListing } from '../output.ts';

export interface JobCommandOptions {
  /** A JSON object of params. */
  paramsJson?: string;
  /** `key=value` pairs; values are read as JSON when they parse (5, true, "x"), else as text. They override --params-json. */
  param?: string[];
}

type Output = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/**
 * `inkstand job NAME`: queues the job (or joins its queued/running execution), runs it in this
 * process unless another process (a running server) gets to it first, and prints its log lines
 * and progress as they happen, whoever runs it. Returns the exit code: 0 for success or skipped.
 */
export async function runJobCommand(app: AppContext, name: string, options: JobCommandOptions, out: Output, kinds: readonly JobKind[] = JOB_KINDS): Promise<number> {
  const params = parseParams(options);
  const jobs = new JobService(app, kinds, { claim: 'own' });
  const interrupt = () => void jobs.stop();
  process.once('SIGINT', interrupt);
  try {
    await jobs.start();
    const { execution, coalesced } = await jobs.enqueue(name, params).catch((err: Error) => {
      throw new CliError(err.message);
    });
    out.write(describeStart(execution, coalesced, params) + '\n');
    const progress = progressPrinter(out);
    const done = await followExecution(jobs, execution.id, {
      log: (line) => progress.above(formatLogLine(line)),
      progress: (n, total) => progress.update(n, total),
      waiting: (running) => progress.above(`waiting for execution #${running.id} (${running.jobName}) to finish first`),
    });
    progress.end();
    out.write(describeEnd(done) + '\n');
    return done.status === 'success' || done.status === 'skipped' ? 0 : 1;
  } finally {
    process.off('SIGINT', interrupt);
    await jobs.stop();
  }
}

/** `inkstand jobs`: every job with its schedule, next run and last status. */
export async function listJobsCommand(app: AppContext, options: { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const rows = (await new JobService(app, JOB_KINDS).list()).map((job) => ({
    name: job.name,
    kind: job.kind,
    cron: job.cron ?? 'manual',
    timeZone: job.timeZone,
    enabled: job.enabled,
    nextRunAt: job.nextRunAt,
    lastStatus: job.lastExecution?.status ?? null,
    lastFinishedAt: job.lastExecution?.finishedAt ?? null,
    params: job.params,
  }));
  printListing(rows, Boolean(options.json), ['name', 'kind', 'cron', 'timeZone', 'enabled', 'nextRunAt', 'lastStatus'], out);
}

function parseParams(options: JobCommandOptions): Record<string, unknown> {
  let params: Record<string, unknown> = {};
  if (options.paramsJson !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(options.paramsJson);
    } catch {
      throw new CliError(`--params-json is not valid JSON: ${options.paramsJson}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CliError('--params-json must be a JSON object, e.g. \'{"max_amount":5}\'');
    params = parsed as Record<string, unknown>;
  }
  for (const pair of options.param ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`--param takes key=value, got "${pair}"`);
    params[pair.slice(0, eq)] = readValue(pair.slice(eq + 1));
  }
  return params;
}

function readValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describeStart(execution: ExecutionDto, coalesced: boolean, params: Record<string, unknown>): string {
  if (!coalesced) return `${execution.jobName}: execution #${execution.id} queued`;
  const where = execution.owner ? ` by pid ${execution.owner.pid} on ${execution.owner.host}` : '';
  const state = execution.status === 'running' ? `already running${where}` : 'already queued';
  const ignored = Object.keys(params).length > 0 ? ' (with its own params; yours were not used)' : '';
  return `${execution.jobName} is ${state} as execution #${execution.id}${ignored}; following it`;
}

/** The outcome itself is the execution's last log line; this closes the run. */
function describeEnd(execution: ExecutionDto): string {
  const runtime = execution.runtimeMs !== null ? ` in ${(execution.runtimeMs / 1000).toFixed(1)} s` : '';
  return `${execution.jobName} ${execution.status}${runtime}`;
}

function formatLogLine(line: ExecutionLogDto): string {
  const time = formatInZone(new Date(line.time), systemTimeZone()).slice(11, 19);
  return `${time} ${line.level.padEnd(5)} ${line.message}`;
}

const BAR_WIDTH = 30;

/** A redrawn bar on a terminal; plain `progress N/M` lines otherwise (logs, pipes). */
function progressPrinter(out: Output) {
  let bar = '';
  const clear = () => { if (bar) out.write('\r\x1b[2K'); };
  return {
    above(line: string) {
      clear();
      out.write(line + '\n');
      if (bar) out.write(bar);
    },
    update(done: number, total: number) {
      if (!out.isTTY) {
        out.write(`progress ${done}/${total}\n`);
        return;
      }
      const filled = total > 0 ? Math.round((Math.min(done, total) / total) * BAR_WIDTH) : 0;
      clear();
      bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`;
      out.write(bar);
    },
    end() {
      clear();
      bar = '';
    },
  };
}
