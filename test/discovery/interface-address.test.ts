import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UdpDiscovery } from '../../main/discovery/udp-discovery.ts';

const suffix = `${process.pid % 200 + 20}`;
const ns = `inkstand-disc-${suffix}`;
const hostSide = `ink${suffix}h`;
const frameSide = `ink${suffix}f`;
const serverAddress = `10.231.${suffix}.1`;
const frameAddress = `10.231.${suffix}.2`;
const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });

/** A second host for the frame: a network namespace of this test's own, joined to ours by a veth pair. */
function canMakeNamespaces(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = `${ns}-probe`;
  const made = spawnSync('ip', ['netns', 'add', probe]).status === 0;
  spawnSync('ip', ['netns', 'del', probe]);
  return made;
}

describe.skipIf(!canMakeNamespaces())('discovery across a real interface', () => {
  const discovery = new UdpDiscovery({ httpPort: 8000, httpsPort: 8443, fingerprint: 'sha256:abc', version: '0.1.0', name: () => 'Home', boundHost: null }, pino({ level: 'silent' }));
  let port = 0;

  beforeAll(async () => {
    spawnSync('ip', ['netns', 'del', ns]);
    ip('netns', 'add', ns);
    ip('link', 'add', hostSide, 'type', 'veth', 'peer', 'name', frameSide);
    ip('link', 'set', frameSide, 'netns', ns);
    ip('addr', 'add', `${serverAddress}/24`, 'dev', hostSide);
    ip('link', 'set', hostSide, 'up');
    ip('netns', 'exec', ns, 'ip', 'addr', 'add', `${frameAddress}/24`, 'dev', frameSide);
    ip('netns', 'exec', ns, 'ip', 'link', 'set', frameSide, 'up');
    ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
    port = await discovery.start('0.0.0.0', 0);
    await new Promise((r) => setTimeout(r, 1000)); // the veth link takes a moment to carry traffic
  });

  afterAll(async () => {
    await discovery.stop();
    spawnSync('ip', ['link', 'del', hostSide]);
    spawnSync('ip', ['netns', 'del', ns]);
  });

  it('names the address of the interface the request came in on, not localhost', async () => {
    const script = `
      const s = require('node:dgram').createSocket('udp4');
      const t = setTimeout(() => { console.log('timeout'); process.exit(1); }, 3000);
      s.on('message', (m) => { console.log(m.toString()); clearTimeout(t); s.close(); });
      s.send('EINK_DISCOVER', ${port}, '${serverAddress}');`;
    // Asynchronously: the server answering runs in this very process.
    const { stdout } = await promisify(execFile)('ip', ['netns', 'exec', ns, process.execPath, '-e', script], { encoding: 'utf8' });
    const body = JSON.parse(stdout);
    expect(body.bootstrap).toBe(`https://${serverAddress}:8443/api/display/bootstrap`);
    expect(body.bootstrap_http).toBe(`http://${serverAddress}:8000/api/display/bootstrap`);
  });
});
