import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_HTTP_ROUTES, ADMIN_OPERATIONS, type AdminOperationName } from '../../contract/admin.ts';
import { defaultServerConfig } from '../../main/config.ts';
import { createServer, type InkstandServer, type ServerUrls } from '../../main/server.ts';
import { startFakeOllama, type FakeOllama } from '../fakes/ollama-server.ts';
import { startFakeOpenMeteo, type FakeOpenMeteo } from '../fakes/open-meteo-server.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { SCENARIO, type Call, type ScenarioContext } from './scenario.ts';
import { httpTransport, ipcTransport, type FakeIpcMain } from './transports.ts';
import { testDatabases, useTestDatabase, type TestDatabase } from '../helpers/test-databases.ts';

// Electron mocked: the preload's ipcRenderer.invoke reaches the fake ipcMain's handlers, with
// arguments and answers structured-cloned as Electron's IPC does.
const ipc = vi.hoisted(() => ({ main: null as FakeIpcMain | null, bridge: null as Record<string, (args: unknown) => Promise<unknown>> | null }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (_key: string, api: Record<string, (args: unknown) => Promise<unknown>>) => { ipc.bridge = api; } },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => structuredClone(await ipc.main!.handlers.get(channel)!({ sender: 'our window' }, structuredClone(args))),
    on: () => {},
    removeListener: () => {},
  },
}));

function fakeIpcMain(): FakeIpcMain {
  const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
  return { handlers, handle: (channel, handler) => void handlers.set(channel, handler), removeHandler: (channel) => void handlers.delete(channel) };
}

async function freshServer(databaseUrl?: string): Promise<{ server: InkstandServer; urls: ServerUrls; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-contract-'));
  const server = await createServer(defaultServerConfig({ dataDir: dir, host: '127.0.0.1', httpPort: 0, httpsPort: 0, discovery: false }), { mdns: false, databaseUrl });
  return { server, urls: await server.start(), dir };
}

describe('admin API over HTTP without the admin token', () => {
  let app: Awaited<ReturnType<typeof freshServer>>;
  beforeAll(async () => {
    app = await freshServer();
  });
  afterAll(async () => {
    await app.server.stop();
    fs.rmSync(app.dir, { recursive: true, force: true });
  });

  it.each(Object.entries(ADMIN_HTTP_ROUTES))('%s answers 401 with no token and with a wrong one', async (_name, route) => {
    const url = `${app.urls.http}/api/admin${route.path.replace(/:\w+/g, '1')}`;
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-the-token' }, { authorization: `Token ${app.urls.adminToken}` }];
    for (const headers of attempts) {
      const res = await fetch(url, { method: route.method, headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'not_authenticated' });
    }
  });

  it('the event stream answers 401 without the token, and streams with it', async () => {
    expect((await fetch(`${app.urls.http}/api/admin/events`)).status).toBe(401);
    const res = await fetch(`${app.urls.http}/api/admin/events?token=${app.urls.adminToken}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    await res.body?.cancel();
  });
});

// Over IPC on SQLite; over HTTP on each database (the transport and the database are independent).
const CONTRACT_RUNS: ['ipc' | 'http', TestDatabase][] = [['ipc', 'sqlite'], ...testDatabases('the whole admin contract').map((database): ['http', TestDatabase] => ['http', database])];

describe.each(CONTRACT_RUNS)('the whole contract over %s (%s)', (transport, database) => {
  const settings = useTestDatabase(database);
  let app: Awaited<ReturnType<typeof freshServer>>;
  let call: Call;
  let closeIpc = () => {};
  let weather: FakeOpenMeteo;
  let ollama: FakeOllama;
  const ctx = {} as ScenarioContext;
  const covered = new Set<AdminOperationName>();

  beforeAll(async () => {
    app = await freshServer(settings().databaseUrl);
    weather = await startFakeOpenMeteo();
    ollama = await startFakeOllama();
    await app.server.admin['settings.set']({ key: 'weather.geocoding_url', value: weather.url });
    await app.server.admin['settings.set']({ key: 'ai.ollama.base_url', value: ollama.url });
    [ctx.photoPath] = await smallPhotoFolder(path.join(app.dir, 'samples'), 1);
    ctx.httpUrl = app.urls.http;
    if (transport === 'http') {
      call = httpTransport(app.urls);
    } else {
      ipc.main = fakeIpcMain();
      await import('../../preload/preload.ts');
      const wired = ipcTransport(app.server, ipc.main, ipc.bridge!);
      call = wired.call;
      closeIpc = wired.close;
    }
  });
  afterAll(async () => {
    closeIpc();
    await weather.close();
    await ollama.close();
    await app.server.stop();
    fs.rmSync(app.dir, { recursive: true, force: true });
  });

  for (const [index, step] of SCENARIO.entries()) {
    it(`${index + 1}. ${step.op}${step.title ? `: ${step.title}` : ''}`, async () => {
      await step.before?.(ctx);
      covered.add(step.op);
      try {
        await step.check(await call(step.op, step.args(ctx)), ctx);
      } catch (error) {
        if (error instanceof Error && error.name === 'AssertionError') throw error;
        await step.check(undefined, ctx, (error as Error).message);
      }
    });
  }

  it('the scenario called every operation of the contract', () => {
    expect(ADMIN_OPERATIONS.filter((name) => !covered.has(name))).toEqual([]);
  });
});
