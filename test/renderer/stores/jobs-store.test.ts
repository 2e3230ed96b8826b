import { beforeEach, describe, expect, it } from 'vitest';
import type { ExecutionDto, ExecutionLogDto, JobDto } from '../../../contract/admin.ts';
import { useJobs } from '../../../renderer/stores/jobs-store.ts';
import { useToasts } from '../../../renderer/stores/toast-store.ts';
import { refused, resetStore, useFakeClient } from '../fake-client.ts';

const line = (seq: number, message: string) => ({ executionId: 5, seq, time: '2026-05-01T12:00:00Z', level: 'info', message });
const fetched = (l: ReturnType<typeof line>): ExecutionLogDto => ({ ...l, context: null });
const execution = (id: number, jobName = 'classify') => ({ id, jobName, status: 'queued' }) as ExecutionDto;
const job = (name: string, cron: string | null = null) => ({ name, cron, enabled: true }) as JobDto;

describe('jobs store', () => {
  beforeEach(() => {
    resetStore(useJobs);
    resetStore(useToasts);
  });

  it('Run now opens the new run’s log; live lines and fetched ones merge by seq, in order, once each', async () => {
    useFakeClient({
      'jobs.executions': () => [],
      'jobs.run': () => execution(5),
      'jobs.logs': () => [fetched(line(1, 'classifying 3 photo(s)')), fetched(line(2, 'photo 1'))],
    });
    await useJobs.getState().run('classify');
    expect([useJobs.getState().selected, useJobs.getState().openExecution]).toEqual(['classify', 5]);

    const { receiveLog } = useJobs.getState();
    receiveLog(line(2, 'photo 1'));
    receiveLog(line(4, 'photo 3'));
    receiveLog(line(3, 'photo 2'));
    receiveLog({ ...line(1, 'another run'), executionId: 6 });
    expect(useJobs.getState().logs[5].map((l) => l.message)).toEqual(['classifying 3 photo(s)', 'photo 1', 'photo 2', 'photo 3']);
    expect(useJobs.getState().logs[6]).toBeUndefined();
  });

  it('a refused change answers the server’s message (no toast) and keeps the job as it was', async () => {
    useJobs.setState({ jobs: [job('classify', '0 3 * * *')] });
    useFakeClient({ 'jobs.update': ({ patch }) => (patch.cron === 'often' ? refused('cron: not a cron expression') : { ...job('classify'), cron: patch.cron ?? null }) });
    expect(await useJobs.getState().update('classify', { cron: 'often' })).toBe('cron: not a cron expression');
    expect(useJobs.getState().jobs[0].cron).toBe('0 3 * * *');
    expect(useToasts.getState().toasts).toEqual([]);
    expect(await useJobs.getState().update('classify', { cron: '15 3 * * *' })).toBeNull();
    expect(useJobs.getState().jobs[0].cron).toBe('15 3 * * *');
  });

  it('choosing another job while its runs load drops the late answer of the first', async () => {
    let answer!: (list: ExecutionDto[]) => void;
    useFakeClient({ 'jobs.executions': ({ name }) => (name === 'classify' ? new Promise((resolve) => (answer = resolve)) : [execution(9, name)]) });
    const first = useJobs.getState().select('classify');
    await useJobs.getState().select('get_weather');
    answer([execution(1)]);
    await first;
    expect(useJobs.getState().executions.map((e) => e.jobName)).toEqual(['get_weather']);
  });

  it('the list read when a run started cannot answer after the one read when it ended', async () => {
    useJobs.setState({ selected: 'classify' });
    const running = { ...execution(5), status: 'running' } as ExecutionDto;
    const done = { ...execution(5), status: 'success' } as ExecutionDto;
    let answerStartList!: (runs: ExecutionDto[]) => void;
    const runs = [new Promise<ExecutionDto[]>((resolve) => (answerStartList = resolve)), Promise.resolve([done])];
    useFakeClient({ 'jobs.list': () => [job('classify')], 'jobs.executions': () => runs.shift()! });
    const atStart = useJobs.getState().load();
    const atEnd = useJobs.getState().load();
    await new Promise((resolve) => setTimeout(resolve, 10)); // a list asked for now could answer meanwhile
    answerStartList([running]);
    await Promise.all([atStart, atEnd]);
    expect(useJobs.getState().executions).toEqual([done]);
  });

  it('reloading the list also reloads the open job’s runs', async () => {
    useJobs.setState({ selected: 'classify' });
    const { call } = useFakeClient({ 'jobs.list': () => [job('classify')], 'jobs.executions': () => [execution(7)] });
    await useJobs.getState().load();
    expect(call.mock.calls.map(([name]) => name)).toEqual(['jobs.list', 'jobs.executions']);
    expect(useJobs.getState()).toMatchObject({ loaded: true, executions: [execution(7)] });
  });
});
