import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultServerConfig } from '../../main/config.ts';
import { createServer, type InkstandServer, type ServerOptions, type ServerUrls } from '../../main/server.ts';

export interface TestServer {
  server: InkstandServer;
  urls: ServerUrls;
  dataDir: string;
  discoveryPort: number;
  /** Calls the admin HTTP API with the admin token. */
  admin(method: string, urlPath: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

export function tempDataDir(prefix = 'inkstand-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The real server on free loopback ports with a temp data dir. */
export async function startTestServer(options: ServerOptions & { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const server = await createServer(
    defaultServerConfig({ dataDir, host: '127.0.0.1', httpPort: 0, httpsPort: 0, discoveryPort: 0 }),
    { mdns: false, ...options },
  );
  const urls = await server.start();
  return {
    server,
    urls,
    dataDir,
    discoveryPort: Number(urls.discovery!.split(':').pop()),
    admin: (method, urlPath, body) => callAdmin(urls.http, urls.adminToken, method, urlPath, body),
    stop: () => server.stop(),
  };
}

/** One call of the admin HTTP API on the server at `http` (its base URL), with a JSON body when one is given. */
export function callAdmin(http: string, token: string, method: string, urlPath: string, body?: unknown): Promise<Response> {
  return fetch(`${http}/api/admin${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
