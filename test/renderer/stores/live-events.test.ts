import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useDashboard } from '../../../renderer/stores/dashboard-store.ts';
import { useDisplays } from '../../../renderer/stores/displays-store.ts';
import { useJobs } from '../../../renderer/stores/jobs-store.ts';
import { connectLiveEvents } from '../../../renderer/stores/live-events.ts';
import { useToasts } from '../../../renderer/stores/toast-store.ts';
import { resetStore, settle, useFakeClient } from '../fake-client.ts';

describe('live events: each event makes a store fetch again', () => {
  beforeEach(() => {
    for (const store of [useDisplays, useJobs, useDashboard, useToasts]) resetStore(store as typeof useToasts);
  });

  it('a new panel image version is fetched; one already shown is not', async () => {
    const { client, call, fire } = useFakeClient({ 'displays.preview': () => ({ version: 'v2', mode: 'photo', pngBase64: 'png' }) });
    const off = connectLiveEvents(client, { resync: vi.fn() });
    fire('panel-image-changed', { displayId: 1, version: 'v2' });
    await settle();
    fire('panel-image-changed', { displayId: 1, version: 'v2' });
    await settle();
    expect(call).toHaveBeenCalledTimes(1);
    expect(useDisplays.getState().panelImages[1].version).toBe('v2');
    off();
  });

  it('a pairing request is announced and lists the display; job log lines reach the open log', async () => {
    const { client, fire } = useFakeClient({ 'displays.list': () => [], 'profiles.list': () => [] });
    const off = connectLiveEvents(client, { resync: vi.fn() });
    fire('pairing-request', { displayId: 3, humanId: 'kmr-tav-bez' });
    useJobs.setState({ openExecution: 5 });
    fire('job-log', { executionId: 5, seq: 1, time: '2026-05-01T12:00:00Z', level: 'info', message: 'started' });
    await settle();
    expect(useToasts.getState().toasts.map((t) => t.text)).toEqual(['Display kmr-tav-bez asks to pair']);
    expect(useDisplays.getState().loaded).toBe(true);
    expect(useJobs.getState().logs[5].map((l) => l.message)).toEqual(['started']);
    off();
  });

  it('new weather redraws the dashboard previews; a reconnect runs the whole load list; after the unsubscribe nothing does', async () => {
    const { client, call, fire, resync } = useFakeClient({ 'weather.current': () => null, 'calendars.list': () => [], 'dashboard.preview': () => ({ pngBase64: 'png' }) });
    useDashboard.setState({ previews: { 2: 'data:old' } });
    const reloadEverything = vi.fn(async () => {});
    const off = connectLiveEvents(client, { resync: reloadEverything });
    fire('content-changed', { kind: 'weather' });
    resync();
    await settle();
    expect(call.mock.calls.map(([name]) => name).sort()).toEqual(['calendars.list', 'dashboard.preview', 'weather.current']);
    expect(reloadEverything).toHaveBeenCalledTimes(1);

    off();
    fire('content-changed', { kind: 'weather' });
    resync();
    expect([call.mock.calls.length, reloadEverything.mock.calls.length]).toEqual([3, 1]);
  });
});
