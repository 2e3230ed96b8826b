import { ADMIN_HTTP_ROUTES, type AdminArgs } from '../../contract/admin.ts';
import { registerAdminIpc } from '../../main/desktop/ipc.ts';
import type { InkstandServer, ServerUrls } from '../../main/server.ts';
import { createHttpClient } from '../../renderer/api/http-client.ts';
import type { Call } from './scenario.ts';

/** The browser's transport: the renderer's HTTP client against the real server; uploads as the browser sends them (multipart). */
export function httpTransport(urls: ServerUrls): Call {
  const client = createHttpClient({ baseUrl: urls.http, token: urls.adminToken, routes: ADMIN_HTTP_ROUTES });
  return (async (name, args) => {
    if (name !== 'photos.upload') return client.call(name, args);
    const { name: fileName, data } = args as AdminArgs<'photos.upload'>;
    const form = new FormData();
    form.append('photo', new Blob([Buffer.from(data)]), fileName);
    const res = await fetch(`${urls.http}/api/admin/photos`, { method: 'POST', headers: { authorization: `Bearer ${urls.adminToken}` }, body: form });
    const body = await res.json();
    if (!res.ok) throw new Error(body.detail);
    return body;
  }) as Call;
}

export interface FakeIpcMain {
  handlers: Map<string, (event: unknown, args: unknown) => Promise<unknown>>;
  handle(channel: string, handler: (event: unknown, args: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** The desktop window's transport: main's IPC wrapper over the server's admin API, reached through the preload bridge. */
export function ipcTransport(server: InkstandServer, ipcMain: FakeIpcMain, bridge: Record<string, (args: unknown) => Promise<unknown>>): { call: Call; close(): void } {
  const close = registerAdminIpc(ipcMain as never, server.admin, () => true);
  return { call: ((name, args) => bridge[name](args)) as Call, close };
}
