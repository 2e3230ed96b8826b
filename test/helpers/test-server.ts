import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultServerConfig } from '../../main/config.ts';
import { createServer, type InkstandServer, type ServerOptions, type ServerUrls } from '../../main/server.ts';
import { CERT_FILE, KEY_FILE, loadOrCreateCertificate, type ServerCertificate } from '../../main/tls/certificate.ts';

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

let certificate: Promise<ServerCertificate> | undefined;

/**
 * A new temp data dir that already holds a TLS certificate, one made once per test process. A
 * server makes its own on the first start on a data dir, in a process of its own (~0.2 s of CPU);
 * the servers of the tests start on a new data dir each, over a hundred a run. Making the
 * certificate on a first start is tested where that is the subject (test/tls, the serve processes).
 */
export async function dataDirWithCertificate(prefix = 'inkstand-test-'): Promise<string> {
  certificate ??= loadOrCreateCertificate(tempDataDir('inkstand-certificate-'));
  const { cert, key } = await certificate;
  const dataDir = fs.mkdtempSync(path.isAbsolute(prefix) ? prefix : path.join(os.tmpdir(), prefix));
  fs.writeFileSync(path.join(dataDir, KEY_FILE), key, { mode: 0o600 });
  fs.writeFileSync(path.join(dataDir, CERT_FILE), cert);
  return dataDir;
}

/** The real server on free loopback ports with a temp data dir. */
export async function startTestServer(options: ServerOptions & { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await dataDirWithCertificate());
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
