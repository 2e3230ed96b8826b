import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../bin/build-outputs.mjs';
import { FrameBundleSource } from '../../main/frame-program/bundle.ts';
import { FrameListenersHolder } from '../../main/frame-program/listeners.ts';
import { frameProgramRoutes } from '../../main/frame-program/routes.ts';
import { errorHandler } from '../../main/http/errors.ts';
import { tempDataDir } from '../helpers/test-server.ts';

const FINGERPRINT = `sha256:${'ab'.repeat(32)}`;

function appWith(bundle: FrameBundleSource, listeners: FrameListenersHolder): express.Express {
  const app = express();
  app.use('/frame', frameProgramRoutes({ bundle, listeners }));
  app.use(errorHandler({ error: () => undefined }));
  return app;
}

async function listen(app: express.Express, host: string): Promise<http.Server> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return server;
}

describe('GET /frame/install.sh', () => {
  const listeners = new FrameListenersHolder();
  const servers: http.Server[] = [];
  const url = (server: http.Server, host: string) => `http://${host}:${(server.address() as AddressInfo).port}/frame/install.sh`;

  beforeAll(async () => {
    ensureBuilt(['frame']);
    listeners.current = { httpPort: 8000, httpsPort: 8443, fingerprint: FINGERPRINT, boundHost: null };
    const app = appWith(new FrameBundleSource(), listeners);
    // Two addresses of this machine (both loopback): each request must get the one it came in on.
    servers.push(await listen(app, '127.0.0.1'), await listen(app, '127.0.0.2'));
  });
  afterAll(() => servers.forEach((s) => s.close()));

  it('names the address the request came in on, with the https URL and the fingerprint to pin', async () => {
    for (const [server, host] of [[servers[0], '127.0.0.1'], [servers[1], '127.0.0.2']] as const) {
      const res = await fetch(url(server, host));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/x-shellscript/);
      const script = await res.text();
      expect(script).toContain(`SERVER_HTTP='http://${host}:8000'`);
      expect(script).toContain(`SERVER_URL='https://${host}:8443'`);
      expect(script).toContain(`FINGERPRINT='${FINGERPRINT}'`);
      expect(script).not.toMatch(host === '127.0.0.1' ? /127\.0\.0\.2/ : /127\.0\.0\.1/);
    }
  });

  it('names the bind address when the server listens on one only', async () => {
    listeners.current = { ...listeners.current!, boundHost: '192.168.1.10' };
    try {
      expect(await (await fetch(url(servers[1], '127.0.0.2'))).text()).toContain("SERVER_HTTP='http://192.168.1.10:8000'");
    } finally {
      listeners.current = { ...listeners.current!, boundHost: null };
    }
  });

  it('says how to build the frame program where it was never built', async () => {
    const server = await listen(appWith(new FrameBundleSource(path.join(tempDataDir(), 'nothing')), listeners), '127.0.0.1');
    try {
      const res = await fetch(url(server, '127.0.0.1'));
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 'frame_program_not_built', detail: expect.stringContaining('npm run build') });
    } finally {
      server.close();
    }
  });
});
