import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes, fetchText, FetchError } from '../../main/jobs/http.ts';

let base = '';
let other = '';
const seen: http.IncomingHttpHeaders[] = [];
const servers: http.Server[] = [];

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  // The same host under another name is another origin.
  other = (await listen((req, res) => {
    seen.push(req.headers);
    res.end('elsewhere');
  })).replace('127.0.0.1', 'localhost');
  base = await listen((req, res) => {
    seen.push(req.headers);
    if (req.url === '/moved') res.writeHead(302, { location: '/here' }).end();
    else if (req.url === '/away') res.writeHead(307, { location: `${other}/there` }).end();
    else if (req.url === '/see-other') res.writeHead(303, { location: '/here' }).end();
    else if (req.url === '/gzip') res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' }).end(zlib.gzipSync('unpacked'));
    else if (req.url === '/big') res.end('x'.repeat(10_000));
    else if (req.url === '/slow') setTimeout(() => res.end('late'), 2_000);
    else res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'text/plain' }).end(`${req.method} ${req.url}`);
  });
});
afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

const options = { timeoutMs: 5_000, maxBytes: 1_000 };

describe('HTTP for jobs (node:http, not fetch)', () => {
  it('answers with the status and body, error statuses included, and follows redirects', async () => {
    expect(await fetchText(`${base}/missing`, options)).toEqual({ status: 404, contentType: 'text/plain', text: 'GET /missing' });
    expect((await fetchText(`${base}/moved`, options)).text).toBe('GET /here');
    expect((await fetchBytes(`${base}/see-other`, { ...options, method: 'POST', body: '{}' })).body.toString()).toBe('GET /here');
  });

  it('keeps credentials from another origin a redirect leads to', async () => {
    seen.length = 0;
    expect((await fetchText(`${base}/away`, { ...options, headers: { Authorization: 'Bearer secret' } })).text).toBe('elsewhere');
    expect(seen.map((headers) => headers.authorization)).toEqual(['Bearer secret', undefined]);
  });

  it('decodes compressed answers, and sends what fetch sent by default', async () => {
    seen.length = 0;
    expect((await fetchText(`${base}/gzip`, options)).text).toBe('unpacked');
    expect(seen[0]).toMatchObject({ accept: '*/*', 'user-agent': 'node', 'accept-encoding': 'gzip, deflate, br' });
  });

  it('stops at the size limit, at the timeout, and names what failed', async () => {
    await expect(fetchText(`${base}/big`, { ...options, label: 'the big one' })).rejects.toThrow(new FetchError('the big one answered with 10000 bytes, more than the limit of 1000'));
    await expect(fetchText(`${base}/slow`, { ...options, timeoutMs: 200 })).rejects.toThrow(/^no answer from http:\/\/127\.0\.0\.1:\d+\/slow within 0 s$/);
    const closed = await listen(() => undefined);
    servers.pop()!.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetchText(`${closed}/`, options)).rejects.toThrow(/could not reach .*: connection refused \(ECONNREFUSED\)/);
  });

  it("gives way to the job's own abort", async () => {
    const job = new AbortController();
    const reading = fetchText(`${base}/slow`, { ...options, signal: job.signal });
    job.abort(new Error('app shutting down'));
    await expect(reading).rejects.toThrow('app shutting down');
  });
});
