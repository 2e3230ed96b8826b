import dgram from 'node:dgram';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { UdpDiscovery } from '../../main/discovery/udp-discovery.ts';

const info = { httpPort: 8000, httpsPort: 8443, fingerprint: 'sha256:abc', version: '0.1.0', name: () => 'Home', boundHost: null };
const log = pino({ level: 'silent' });

async function ask(port: number, payload: Buffer | string, timeoutMs = 400): Promise<string | null> {
  const socket = dgram.createSocket('udp4');
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      socket.on('message', (m) => {
        clearTimeout(timer);
        resolve(m.toString());
      });
      socket.send(payload, port, '127.0.0.1');
    });
  } finally {
    socket.close();
  }
}

describe('UDP discovery', () => {
  const discovery = new UdpDiscovery(info, log);
  afterEach(() => discovery.stop());

  it('answers EINK_DISCOVER with the address of the interface the request came in on', async () => {
    const port = await discovery.start('127.0.0.1', 0);
    const reply = JSON.parse((await ask(port, '  EINK_DISCOVER\n'))!);
    expect(reply).toEqual({
      bootstrap: 'https://127.0.0.1:8443/api/display/bootstrap',
      bootstrap_http: 'http://127.0.0.1:8000/api/display/bootstrap',
      fingerprint: 'sha256:abc',
      server: 'inkstand',
      version: '0.1.0',
      name: 'Home',
    });
  });

  it('ignores garbage and oversize datagrams and keeps answering', async () => {
    const port = await discovery.start('127.0.0.1', 0);
    expect(await ask(port, 'EINK_DISCOVERX')).toBeNull();
    expect(await ask(port, Buffer.from([0xff, 0x00, 0xfe, 0x10]))).toBeNull();
    expect(await ask(port, Buffer.alloc(60_000, 0x41))).toBeNull();
    expect(await ask(port, Buffer.alloc(0))).toBeNull();
    expect(JSON.parse((await ask(port, 'EINK_DISCOVER'))!).server).toBe('inkstand');
  });
});
