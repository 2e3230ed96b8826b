import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FRAME_DIR, FrameProgram, PYTHON } from '../helpers/frame-program.ts';
import { startTestServer, tempDataDir, type TestServer } from '../helpers/test-server.ts';
import { SimulatedFrame, type DiscoveryReply } from '../sim/frame.ts';

const MDNS_PORT = 40000 + Math.floor(Math.random() * 20000);

/** A discovery responder of the test's own: answers EINK_DISCOVER with whatever reply the test gives it. */
async function fakeDiscovery(reply: DiscoveryReply): Promise<{ port: number; close(): void }> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, from) => {
    if (msg.toString().trim() === 'EINK_DISCOVER') socket.send(JSON.stringify(reply), from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, close: () => socket.close() };
}

// SQLite only: its subject is discovery and certificate pinning; pairing on PostgreSQL is pairing-flow's.
describe('the frame finding and trusting its server', () => {
  let t: TestServer;
  let real: DiscoveryReply;
  const frames: FrameProgram[] = [];
  const run = (args: string[]) => {
    const frame = new FrameProgram(['--backend', `file:${path.join(tempDataDir('frame-panel-'))}`, '--state-dir', tempDataDir('frame-state-'), '--once', ...args]);
    frames.push(frame);
    return frame;
  };
  const hardwareIds = async () => ((await (await t.admin('GET', '/displays')).json()) as { hardwareId: string }[]).map((d) => d.hardwareId);

  beforeAll(async () => {
    t = await startTestServer({ mdns: { bind: '0.0.0.0', interface: '127.0.0.1', port: MDNS_PORT, loopback: true } });
    real = await SimulatedFrame.discover(t.discoveryPort);
  });
  afterEach(async () => {
    await Promise.all(frames.splice(0).map((f) => f.stop()));
  });
  afterAll(() => t.stop());

  it('refuses a server whose certificate does not match the announced fingerprint, and sends it nothing', async () => {
    const impostor = await fakeDiscovery({ ...real, fingerprint: `sha256:${'0'.repeat(64)}` });
    try {
      const frame = run(['--discovery-target', '127.0.0.1', '--discovery-port', String(impostor.port), '--hardware-id', 'test:pinned-wrong']);
      expect(await frame.exitCode()).toBe(1);
      expect(frame.output()).toContain(`refusing ${t.urls.https} presented certificate ${real.fingerprint}, but this frame trusts sha256:${'0'.repeat(64)}`);
      expect(frame.output()).not.toMatch(/^pairing:/m);
      expect(await hardwareIds()).not.toContain('test:pinned-wrong');
    } finally {
      impostor.close();
    }
  });

  it('pairs with the same server when the announced fingerprint is its own', async () => {
    const honest = await fakeDiscovery(real);
    try {
      const frame = run(['--discovery-target', '127.0.0.1', '--discovery-port', String(honest.port), '--hardware-id', 'test:pinned-right']);
      expect(await frame.exitCode()).toBe(0);
      expect(frame.output()).toMatch(/^pairing: \S+ code \d{6}$/m);
      expect(await hardwareIds()).toContain('test:pinned-right');
    } finally {
      honest.close();
    }
  });

  it('talks plain HTTP to a configured http:// URL, and to the announced HTTP base with --insecure-http', async () => {
    const configured = run(['--server', t.urls.http, '--hardware-id', 'test:plain-1']);
    expect(await configured.exitCode()).toBe(0);
    const discovered = run(['--discovery-target', '127.0.0.1', '--discovery-port', String(t.discoveryPort), '--insecure-http', '--hardware-id', 'test:plain-2']);
    expect(await discovered.exitCode()).toBe(0);
    expect(discovered.output()).toContain(`server Inkstand at ${t.urls.http} (udp)`);
    expect(await hardwareIds()).toEqual(expect.arrayContaining(['test:plain-1', 'test:plain-2']));
  });

  it('says why it waits when no server answers, and --once exits non-zero', async () => {
    const frame = run(['--server', 'http://127.0.0.1:1', '--hardware-id', 'test:nobody']);
    expect(await frame.exitCode()).toBe(1);
    expect(frame.output()).toMatch(/^waiting: http:\/\/127\.0\.0\.1:1 refused the connection; trying again in \d+ s$/m);
  });

  it('finds the real server by its mDNS advert (_inkstand._tcp) with the fingerprint to pin', async () => {
    // The advert answers from this process, so the Python client runs asynchronously beside it.
    const script = `import json; from inkstand_frame.mdns import discover_mdns; s = discover_mdns(timeout_s=4, port=${MDNS_PORT}, interface="127.0.0.1"); print(json.dumps(s and [s.base_url, s.fingerprint]))`;
    const found = await promisify(execFile)(PYTHON, ['-c', script], { env: { ...process.env, PYTHONPATH: FRAME_DIR }, encoding: 'utf8', timeout: 10_000 });
    expect(found.stderr).toBe('');
    expect(JSON.parse(found.stdout)).toEqual([t.urls.https, real.fingerprint]);
  });
});
