import { create } from 'zustand';
import type { AdminEventPayload, ExecutionDto, ExecutionLogDto, JobDto, JobPatchInput } from '../../contract/admin.ts';
import { client } from '../api/client.ts';
import { coalesced } from '../lib/coalesce.ts';
import { attempt, tryCall } from './server-errors.ts';

type LogLine = Pick<ExecutionLogDto, 'executionId' | 'seq' | 'time' | 'level' | 'message'>;

interface JobsState {
  jobs: JobDto[];
  loaded: boolean;
  selected: string | null;
  executions: ExecutionDto[];
  /** The execution whose log is open. */
  openExecution: number | null;
  logs: Record<number, LogLine[]>;
  load(): Promise<void>;
  select(name: string | null): Promise<void>;
  loadExecutions(): Promise<void>;
  openLog(executionId: number): Promise<void>;
  /** The open run's log fetched again and merged: lines written while the event stream was not open never arrive as events. */
  loadLog(): Promise<void>;
  receiveLog(line: AdminEventPayload<'job-log'>): void;
  run(name: string, params?: Record<string, unknown>): Promise<void>;
  /** Saves a change; answers the server's validation message, or null when it was saved. */
  update(name: string, patch: JobPatchInput): Promise<string | null>;
}

/** Merges lines by seq: the fetched history and the live events overlap while a job runs. */
function mergeLines(existing: LogLine[], incoming: LogLine[]): LogLine[] {
  const bySeq = new Map(existing.map((l) => [l.seq, l]));
  for (const line of incoming) bySeq.set(line.seq, line);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export const useJobs = create<JobsState>()((set, get) => ({
  jobs: [],
  loaded: false,
  selected: null,
  executions: [],
  openExecution: null,
  logs: {},

  load: coalesced(async () => {
    const jobs = await attempt(() => client().call('jobs.list', {}));
    if (jobs) set({ jobs, loaded: true });
    if (get().selected) await get().loadExecutions();
  }),
  async select(name) {
    set({ selected: name, executions: [], openExecution: null });
    if (name) await get().loadExecutions();
  },
  async loadExecutions() {
    const name = get().selected;
    if (!name) return;
    const executions = await attempt(() => client().call('jobs.executions', { name }));
    if (executions && get().selected === name) set({ executions });
  },
  async openLog(executionId) {
    set({ openExecution: executionId });
    await get().loadLog();
  },
  loadLog: coalesced(async () => {
    const executionId = get().openExecution;
    if (executionId === null) return;
    const lines = await attempt(() => client().call('jobs.logs', { executionId }));
    if (lines) set((s) => ({ logs: { ...s.logs, [executionId]: mergeLines(s.logs[executionId] ?? [], lines) } }));
  }),
  receiveLog(line) {
    if (get().openExecution !== line.executionId) return;
    set((s) => ({ logs: { ...s.logs, [line.executionId]: mergeLines(s.logs[line.executionId] ?? [], [line]) } }));
  },
  async run(name, params) {
    if (get().selected !== name) await get().select(name);
    const execution = await attempt(() => client().call('jobs.run', { name, ...(params ? { params } : {}) }));
    if (!execution) return;
    set((s) => ({ executions: [execution, ...s.executions.filter((e) => e.id !== execution.id)] }));
    await get().openLog(execution.id);
  },
  async update(name, patch) {
    const saved = await tryCall(() => client().call('jobs.update', { name, patch }));
    if (!saved.ok) return saved.message;
    set((s) => ({ jobs: s.jobs.map((j) => (j.name === name ? saved.value : j)) }));
    return null;
  },
}));
