import type { ExecutionDto, ExecutionLogDto } from '../../contract/dtos.ts';
import type { JobService } from './job-service.ts';

export interface FollowHandlers {
  log(line: ExecutionLogDto): void;
  progress(done: number, total: number): void;
  /** Called once while the execution waits behind another one that is running. */
  waiting?(running: ExecutionDto): void;
}

const FINISHED = new Set(['success', 'skipped', 'error', 'interrupted']);

/**
 * Follows an execution through the database until it finishes, whichever process runs it:
 * log lines in order, progress while it runs. Resolves with the finished execution.
 */
export async function followExecution(jobs: JobService, executionId: number, handlers: FollowHandlers, pollMs = 150): Promise<ExecutionDto> {
  let lastSeq = 0;
  let lastProgress = '';
  let saidWaiting = false;
  for (;;) {
    const execution = await jobs.execution(executionId);
    if (!execution) throw new Error(`execution ${executionId} disappeared`);
    for (const line of await jobs.logs(executionId, lastSeq)) {
      lastSeq = line.seq;
      handlers.log(line);
    }
    if (FINISHED.has(execution.status)) return execution;
    const progress = execution.progress ? `${execution.progress.done}/${execution.progress.total}` : '';
    if (progress && progress !== lastProgress) handlers.progress(execution.progress!.done, execution.progress!.total);
    lastProgress = progress;
    if (execution.status === 'queued' && !saidWaiting && handlers.waiting) {
      const running = (await jobs.executions(undefined, 20)).find((e) => e.status === 'running' && e.id !== executionId);
      if (running) {
        handlers.waiting(running);
        saidWaiting = true;
      }
    }
    // A plain (ref'd) timer: it keeps a CLI process alive while it waits.
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
