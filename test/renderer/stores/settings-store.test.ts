import { beforeEach, describe, expect, it } from 'vitest';
import type { IntegrationKeyDto, SettingDto, SystemInfoDto } from '../../../contract/admin.ts';
import { useSession } from '../../../renderer/stores/session-store.ts';
import { useSettings } from '../../../renderer/stores/settings-store.ts';
import { useToasts } from '../../../renderer/stores/toast-store.ts';
import { refused, resetStore, useFakeClient } from '../fake-client.ts';

const setting = (key: string, value: string) => ({ key, value, secret: false, isSet: true }) as SettingDto;
const key = (createdAt: string, secret?: string): IntegrationKeyDto => ({ configured: true, createdAt, ...(secret ? { key: secret } : {}) });

describe('settings store', () => {
  beforeEach(() => {
    resetStore(useSettings);
    resetStore(useToasts);
    resetStore(useSession);
  });

  it('loads the settings by key with the system facts', async () => {
    const system = { version: '0.1.0' } as SystemInfoDto;
    const none = { configured: false, createdAt: null };
    useFakeClient({ 'settings.list': () => [setting('server.name', 'Hall')], 'system.info': () => system, 'integrations.getKey': () => none, 'integrations.getControlKey': () => key('2026-05-01T09:00:00Z') });
    await useSettings.getState().load();
    expect(useSettings.getState()).toMatchObject({ loaded: true, system, settings: { 'server.name': { value: 'Hall' } }, integrationKey: none, controlKey: { configured: true } });
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('a refused value answers the server’s message, shown once beside the field (no toast), and keeps the stored one', async () => {
    useSettings.setState({ settings: { 'weather.latitude': setting('weather.latitude', '52.5') } });
    useFakeClient({ 'settings.set': ({ key: k, value }) => (Number.isFinite(Number(value)) ? [setting(k, value)] : refused('weather.latitude: a number from -90 to 90')) });
    expect(await useSettings.getState().save('weather.latitude', 'north')).toBe('weather.latitude: a number from -90 to 90');
    expect(useSettings.getState().settings['weather.latitude'].value).toBe('52.5');
    expect(useToasts.getState().toasts).toEqual([]);
    expect(await useSettings.getState().save('weather.latitude', '48.1')).toBeNull();
    expect(useSettings.getState().settings['weather.latitude'].value).toBe('48.1');
  });

  it('a provider test that fails to answer is a failed result with the message; a 401 also opens the token screen', async () => {
    useFakeClient({ 'providers.test': ({ provider }) => (provider === 'ollama' ? refused('connect ECONNREFUSED 127.0.0.1:11434', 502) : refused('admin token required', 401)) });
    await useSettings.getState().testProvider('ollama');
    expect(useSettings.getState().providerTests.ollama).toEqual({ ok: false, message: 'connect ECONNREFUSED 127.0.0.1:11434' });
    expect(useSession.getState().unauthorized).toBe(false);
    await useSettings.getState().testProvider('openai');
    expect(useSession.getState().unauthorized).toBe(true);
  });

  it('a key just made (read-only or control) stays on screen through a reload that only says one exists; a revoked one goes', async () => {
    useFakeClient({
      'integrations.createKey': () => key('2026-05-01T12:00:00Z', 'ink_secret'), 'integrations.getKey': () => key('2026-05-01T12:00:00Z'),
      'integrations.createControlKey': () => key('2026-05-01T12:01:00Z', 'ink_ctl_secret'), 'integrations.getControlKey': () => key('2026-05-01T12:01:00Z'),
      'integrations.revokeControlKey': () => ({ configured: false, createdAt: null }),
      'settings.list': () => [], 'system.info': () => ({}) as SystemInfoDto,
    });
    await useSettings.getState().createIntegrationKey();
    await useSettings.getState().createControlKey();
    await useSettings.getState().load();
    expect([useSettings.getState().integrationKey?.key, useSettings.getState().controlKey?.key]).toEqual(['ink_secret', 'ink_ctl_secret']);
    await useSettings.getState().revokeControlKey();
    expect(useSettings.getState().controlKey).toEqual({ configured: false, createdAt: null });
  });

  it('reads the node list on its own, and keeps the last one when the server cannot answer', async () => {
    const node = { name: 'hall', address: '192.168.1.20', httpPort: 8000, httpsPort: 8443, version: '0.1.0', startedAt: '2026-12-07T09:00:00Z', lastHeartbeatAt: '2026-12-07T09:00:05Z', runsJobs: true, alive: true, thisNode: true };
    useFakeClient({ 'nodes.list': () => [node] });
    await useSettings.getState().loadNodes();
    expect(useSettings.getState().nodes).toEqual([node]);
    useFakeClient({ 'nodes.list': () => refused('database unavailable', 503) });
    await useSettings.getState().loadNodes();
    expect(useSettings.getState().nodes).toEqual([node]);
  });
});
