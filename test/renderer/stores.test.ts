import { beforeEach, describe, expect, it } from 'vitest';
import type { ExecutionDto, ExecutionLogDto } from '../../contract/admin.ts';
import { setClient } from '../../renderer/api/client.ts';
import { useDisplays } from '../../renderer/stores/displays-store.ts';
import { useJobs } from '../../renderer/stores/jobs-store.ts';
import { fakeClient } from './fake-client.ts';

const line = (seq: number, message: string) => ({ executionId: 5, seq, time: '2026-05-01T12:00:00Z', level: 'info', message });
const fetched = (l: ReturnType<typeof line>): ExecutionLogDto => ({ ...l, context: null });
const execution = { id: 5, jobName: 'classify', status: 'queued' } as ExecutionDto;

describe('jobs store', () => {
  beforeEach(() => useJobs.setState({ jobs: [], selected: null, executions: [], openExecution: null, logs: {} }));

  it('Run now opens the new run’s log; live lines and fetched ones merge by seq, in order, once each', async () => {
    const { client } = fakeClient({
      'jobs.executions': () => [],
      'jobs.run': () => execution,
      'jobs.logs': () => [fetched(line(1, 'classifying 3 photo(s)')), fetched(line(2, 'photo 1'))],
    });
    setClient(client);
    await useJobs.getState().run('classify');
    expect(useJobs.getState().openExecution).toBe(5);

    const { receiveLog } = useJobs.getState();
    receiveLog(line(2, 'photo 1'));
    receiveLog(line(4, 'photo 3'));
    receiveLog(line(3, 'photo 2'));
    receiveLog({ ...line(1, 'another run'), executionId: 6 });
    expect(useJobs.getState().logs[5].map((l) => l.message)).toEqual(['classifying 3 photo(s)', 'photo 1', 'photo 2', 'photo 3']);
    expect(useJobs.getState().logs[6]).toBeUndefined();
  });

  it('a refused change answers the server’s message and keeps the job as it was', async () => {
    const { client } = fakeClient({ 'jobs.update': () => Promise.reject(new Error('cron: not a cron expression')) });
    setClient(client);
    expect(await useJobs.getState().update('classify', { cron: 'often' })).toBe('cron: not a cron expression');
  });
});

describe('displays store', () => {
  it('fetches a preview again only when the frame-changed version is new', async () => {
    const { client, call } = fakeClient({ 'displays.preview': () => ({ version: 'v2', mode: 'photo', image: { mime: 'image/png', dataBase64: 'iVBOR' } }) });
    setClient(client);
    const { loadPreview } = useDisplays.getState();
    await loadPreview(1, 'v2');
    await loadPreview(1, 'v2');
    expect(call).toHaveBeenCalledTimes(1);
    expect(useDisplays.getState().previews[1]).toEqual({ version: 'v2', mode: 'photo', src: 'data:image/png;base64,iVBOR' });
  });
});
