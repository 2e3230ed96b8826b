import type { ExecutionDto, ExecutionLogDto, JobDto } from '../../contract/dtos.ts';
import type { Execution, ExecutionLog, Job } from '../storage/entities/job.ts';


const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function parseJsonObject(text: string | null): Record<string, unknown> {
  if (!text) return {};
  const value: unknown = JSON.parse(text);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function toExecutionDto(execution: Execution, jobName: string): ExecutionDto {
  const hasProgress = execution.progressTotal !== null && execution.progressDone !== null;
  return {
    id: execution.id,
    jobName,
    params: parseJsonObject(execution.params),
    status: execution.status,
    trigger: execution.trigger,
    queuedAt: execution.queuedAt.toISOString(),
    startedAt: iso(execution.startedAt),
    finishedAt: iso(execution.finishedAt),
    runtimeMs: execution.runtimeMs,
    summary: execution.summary,
    error: execution.error,
    progress: hasProgress ? { done: execution.progressDone!, total: execution.progressTotal! } : null,
    owner: execution.ownerHost && execution.ownerPid !== null ? { host: execution.ownerHost, pid: execution.ownerPid } : null,
  };
}

export function toLogDto(line: ExecutionLog): ExecutionLogDto {
  return {
    executionId: line.executionId,
    seq: line.seq,
    time: line.time.toISOString(),
    level: line.level,
    message: line.message,
    context: line.context ? parseJsonObject(line.context) : null,
  };
}

export function toJobDto(job: Job, extra: Pick<JobDto, 'description' | 'registered' | 'nextRunAt' | 'lastExecution'>): JobDto {
  return {
    name: job.name,
    kind: job.kind,
    cron: job.cron,
    timeZone: job.timeZone,
    enabled: job.enabled,
    params: parseJsonObject(job.params),
    sortOrder: job.sortOrder,
    ...extra,
  };
}
