import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_TIMEOUTS } from '../../main/http/server-timeouts.ts';
import { pairFrame } from '../helpers/pairing.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/** Milliseconds until the server closes the socket, or Infinity if it has not after `limitMs`. */
function closedAfter(socket: net.Socket, limitMs: number): Promise<number> {
  const opened = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(Infinity), limitMs);
    socket.on('error', () => undefined).resume();
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(performance.now() - opened);
    });
  });
}

// SQLite only: its subject is socket timeouts; the database plays no part.
describe('server timeouts: slow and idle sockets are closed', () => {
  let t: TestServer;
  let port: number;
  let tlsPort: number;
  const sockets: net.Socket[] = [];

  beforeAll(async () => {
    t = await startTestServer();
    port = Number(new URL(t.urls.http).port);
    tlsPort = Number(new URL(t.urls.https).port);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await t.stop();
  });

  const connect = () => {
    const socket = net.connect(port, '127.0.0.1');
    sockets.push(socket);
    return socket;
  };
  const limit = SERVER_TIMEOUTS.headersTimeout + 3 * SERVER_TIMEOUTS.connectionsCheckingInterval;

  it('closes slowloris sockets, silent sockets and stalled TLS handshakes, and keeps a held long-poll', { timeout: 60_000 }, async () => {
    const { frame } = await pairFrame(t, 'sim:timeouts');
    await frame.poll();

    // Slowloris: a request head that never ends, one header line a second.
    const slow = Array.from({ length: 6 }, (_, i) => {
      const socket = connect();
      socket.write(`GET /api/display/state HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
      const drip = setInterval(() => socket.writable && socket.write(`X-Slow-${i}: ${Date.now()}\r\n`), 1000);
      socket.on('close', () => clearInterval(drip));
      return closedAfter(socket, limit + 5000);
    });
    const silent = closedAfter(connect(), limit + 5000);
    const raw = net.connect(tlsPort, '127.0.0.1');
    sockets.push(raw);
    const stalledHandshake = closedAfter(raw, limit + 5000);
    // A keep-alive connection left idle after one complete request.
    const keptAlive = connect();
    keptAlive.write(`GET /api/display/state HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token ${frame.token}\r\nIf-None-Match: ${frame.etag}\r\n\r\n`);
    const keptAliveClosed = closedAfter(keptAlive, SERVER_TIMEOUTS.keepAliveTimeout + 5000);
    // A long-poll is held longer than the header timeout and still answered. The display's next
    // recheck (on a one-minute grid) may fall inside the wait and answer with the new state at once:
    // then the frame holds another, as a frame does.
    const longPollStarted = performance.now();
    const longPoll = (async () => {
      for (;;) {
        const answer = await frame.poll({ wait: Math.ceil(limit / 1000) + 1 });
        if (answer.status !== 200 || performance.now() - longPollStarted > limit) return answer;
      }
    })();

    for (const ms of await Promise.all(slow)) expect(ms).toBeLessThan(limit);
    expect(await silent).toBeLessThan(limit);
    expect(await stalledHandshake).toBeLessThan(limit);
    expect([200, 304]).toContain((await longPoll).status);
    expect(performance.now() - longPollStarted).toBeGreaterThan(limit);
    expect(await keptAliveClosed).toBeLessThan(SERVER_TIMEOUTS.keepAliveTimeout + 3 * SERVER_TIMEOUTS.connectionsCheckingInterval);
  });

  it('still serves a client that completes its TLS handshake promptly', async () => {
    const socket = tls.connect({ port: tlsPort, host: '127.0.0.1', rejectUnauthorized: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => socket.once('secureConnect', () => resolve()).once('error', reject));
    socket.write('GET /api/display/state HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('end', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 401/);
  });
});
