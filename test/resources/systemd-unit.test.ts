import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_V8_FLAGS } from '../../bin/server-v8-flags.mjs';
import { runCommand } from '../helpers/fresh-checkout.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const UNIT = fs.readFileSync(path.join(ROOT, 'resources', 'linux', 'inkstand.service'), 'utf8');

/** The [Service] section's settings (last one wins, as systemd reads them). */
function serviceSettings(unit: string): Map<string, string> {
  const settings = new Map<string, string>();
  let section = '';
  for (const raw of unit.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1];
    else if (section === 'Service') {
      const [key, ...value] = line.split('=');
      settings.set(key, value.join('='));
    }
  }
  return settings;
}

/** systemd's reading of an ExecStart line: words, with `$NAME` replaced by that variable's words. */
function execStartArgv(line: string, env: Record<string, string>): string[] {
  return line.split(/\s+/).flatMap((word) => {
    const variable = /^\$(\w+)$/.exec(word);
    return variable ? (env[variable[1]] ?? '').split(/\s+/).filter(Boolean) : [word];
  });
}

/** The name a server announces to a frame that asks for it. */
async function discoveredName(port: number): Promise<string> {
  const socket = dgram.createSocket('udp4');
  try {
    const reply = new Promise<Buffer>((resolve) => socket.once('message', resolve));
    socket.send('EINK_DISCOVER', port, '127.0.0.1');
    return JSON.parse(String(await reply)).name;
  } finally {
    socket.close();
  }
}

describe('the systemd unit for a home server (resources/linux/inkstand.service)', () => {
  const service = serviceSettings(UNIT);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-unit-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('runs inkstand serve under its own user, restarts it on failure and reloads with SIGHUP', () => {
    expect(service.get('User')).toBe('inkstand');
    expect(service.get('Restart')).toBe('on-failure');
    expect(service.get('ExecReload')).toBe('/bin/kill -HUP $MAINPID');
    expect(service.get('StateDirectory')).toBe('inkstand');
    expect(service.get('ExecStart')).toMatch(/ bin\/inkstand\.mjs serve --data-dir \/var\/lib\/inkstand /);
  });

  it('its ExecStart line, as written, serves; SIGHUP reloads settings; SIGTERM stops it cleanly', async () => {
    // Run where the unit expects the app (WorkingDirectory) and the library (--data-dir), moved into this
    // checkout and a temp folder; the flags a user would put in /etc/default/inkstand pick free loopback ports.
    const dataDir = path.join(work, 'var-lib-inkstand');
    const argv = execStartArgv(service.get('ExecStart')!, { INKSTAND_OPTS: '--http-port 0 --https-port 0 --discovery-port 0 --host 127.0.0.1' })
      .map((word) => (word === '/var/lib/inkstand' ? dataDir : word));
    expect(argv[0]).toBe('/usr/bin/node');
    const serve = runCommand(process.execPath, argv.slice(1), { cwd: ROOT });
    try {
      const [, http] = await serve.waitFor(/^http listening on (\S+)/m);
      const [, discoveryPort] = await serve.waitFor(/^discovery listening on udp:\/\/127\.0\.0\.1:(\d+)/m);
      expect(await discoveredName(Number(discoveryPort))).toBe('Inkstand');
      expect(fs.existsSync(path.join(dataDir, 'inkstand.sqlite'))).toBe(true);
      // The process systemd started ($MAINPID) is the server, restarted in place with its V8 flags.
      expect(fs.readFileSync(`/proc/${serve.pid}/cmdline`, 'utf8').split('\0').slice(1, SERVER_V8_FLAGS.length + 3)).toEqual([...SERVER_V8_FLAGS, path.join(ROOT, 'bin', 'inkstand.mjs'), 'serve']);

      const admin = /^admin ui: \S+token=(\S+)/m.exec(serve.output())![1];
      const rename = await fetch(`${http}/api/admin/settings/server.name`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ value: 'Attic' }) });
      expect(rename.status).toBe(200);
      serve.signal('SIGHUP');
      await serve.waitFor(/^SIGHUP: reloaded settings$/m);
      expect(await discoveredName(Number(discoveryPort))).toBe('Attic');

      serve.signal('SIGTERM');
      expect(await serve.exited).toBe(0);
      expect(serve.output()).toMatch(/^SIGTERM: shutting down$/m);
    } finally {
      await serve.stop();
    }
  }, 60_000);
});
