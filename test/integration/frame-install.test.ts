import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../bin/build-outputs.mjs';
import { frameFiles } from '../../bin/build-frame.mjs';
import { FRAME_DIR, FrameProgram } from '../helpers/frame-program.ts';
import { startTestServer, tempDataDir, type TestServer } from '../helpers/test-server.ts';

const REPO = path.resolve(import.meta.dirname, '../..');

/** A Debian-like fake root for install.sh: its own /opt, /etc, /usr/local and /var, with apt-get, systemctl and the user tools stubbed. */
function fakeDebian(): { root: string; env: NodeJS.ProcessEnv; systemctlLog: string } {
  const work = tempDataDir('inkstand-install-');
  const root = path.join(work, 'root');
  const stubs = path.join(work, 'stubs');
  const systemctlLog = path.join(work, 'systemctl.log');
  fs.mkdirSync(path.join(root, 'boot/firmware'), { recursive: true });
  fs.writeFileSync(path.join(root, 'boot/firmware/config.txt'), '[all]\n');
  fs.mkdirSync(stubs);
  const stub = (name: string, body: string) => fs.writeFileSync(path.join(stubs, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  stub('apt-get', 'exit 0');
  stub('systemctl', `echo "$*" >> '${systemctlLog}'`);
  stub('id', '[ "$1" = -u ] && { echo 0; exit 0; }; [ "$1" = -u ] || exit 1');
  stub('useradd', 'exit 0');
  stub('usermod', 'exit 0');
  stub('getent', 'exit 2');
  // The real python3 is Debian's (/usr/bin), which has Pillow, as Raspberry Pi OS's has.
  return { root, systemctlLog, env: { ...process.env, PATH: `${stubs}:/usr/bin:/bin`, INKSTAND_FRAME_ROOT: root } };
}

/** The arguments of a systemd ExecStart= line (double-quoted words, \\ escapes; $$ and %% as install.sh writes them). */
function execStartArgs(line: string): string[] {
  const args: string[] = [];
  for (const match of line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)) {
    args.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1').replaceAll('$$', '$').replaceAll('%%', '%') : match[2]);
  }
  return args;
}

/** A command run without blocking the event loop: the server it talks to is in this process. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

// SQLite only: its subject is the installer tarball and script; the database plays no part.
describe('the frame program served by the server', () => {
  let t: TestServer;
  let fingerprint: string;

  beforeAll(async () => {
    ensureBuilt(['frame']);
    t = await startTestServer();
    fingerprint = t.server.core.frameProgram.listeners.current!.fingerprint;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('serves a tarball that is frame/ as built: the same files, byte for byte', async () => {
    const res = await fetch(`${t.urls.http}/frame/inkstand-frame.tar.gz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gzip');
    const tarball = Buffer.from(await res.arrayBuffer());
    const out = tempDataDir('inkstand-tarball-');
    fs.writeFileSync(path.join(out, 'frame.tar.gz'), tarball);
    const untar = spawnSync('tar', ['-xzf', 'frame.tar.gz'], { cwd: out, encoding: 'utf8' });
    expect(untar.status, untar.stderr).toBe(0);
    const unpacked = frameFiles(path.join(out, 'frame'));
    expect(unpacked).toEqual(frameFiles(FRAME_DIR));
    expect(unpacked).toEqual(expect.arrayContaining(['frame/install.sh', 'frame/inkstand_frame/__main__.py', 'frame/inkstand_frame/backends/waveshare.py']));
    for (const file of unpacked) expect(fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(REPO, file))), file).toBe(true);
    expect(fs.statSync(path.join(out, 'frame/install.sh')).mode & 0o111).not.toBe(0);
    const installer = await (await fetch(`${t.urls.http}/frame/install.sh`)).text();
    expect(installer).toContain(`TARBALL_SHA256='${sha256(tarball)}'`);
  });

  it('`curl …/frame/install.sh | sh` installs a frame that pairs with this server without discovery, and upgrades in place when run again', async () => {
    const { root, env, systemctlLog } = fakeDebian();
    const panelDir = path.join(root, 'panel');
    const install = () => run('sh', ['-c', `curl -fsSL ${t.urls.http}/frame/install.sh | sh -s -- --backend file:${panelDir}`], env);
    const first = await install();
    expect(first.status, first.output).toBe(0);
    expect(first.output).toContain(`It will trust only the certificate ${fingerprint}`);
    for (const file of frameFiles(FRAME_DIR).filter((f) => f.startsWith('frame/inkstand_frame/'))) {
      expect(fs.readFileSync(path.join(root, 'opt/inkstand-frame/lib', file.slice('frame/'.length))).equals(fs.readFileSync(path.join(REPO, file))), file).toBe(true);
    }
    expect(fs.readFileSync(systemctlLog, 'utf8').trim().split('\n')).toEqual(['daemon-reload', 'enable inkstand-frame', 'restart inkstand-frame']);
    const dropin = fs.readFileSync(path.join(root, 'etc/systemd/system/inkstand-frame.service.d/options.conf'), 'utf8');
    const execStart = dropin.split('\n').filter((l) => l.startsWith('ExecStart=')).at(-1)!.slice('ExecStart='.length);
    const [bin, ...args] = execStartArgs(execStart);
    expect(args).toEqual(['--state-dir', path.join(root, 'var/lib/inkstand-frame'), '--backend', `file:${panelDir}`,
      '--server', t.urls.https, '--fingerprint', fingerprint]);

    // systemd's part: run the unit's command line as written (plus an identity, as the Pi's serial would be).
    const installed = new FrameProgram([...args, '--hardware-id', 'test:installed', '--log-level', 'debug'], env, [], bin);
    try {
      const [, humanId] = await installed.waitFor(/^pairing: (\S+) code \d{6}$/m, 30_000);
      const displays = (await (await t.admin('GET', '/displays')).json()) as { id: number; humanId: string }[];
      expect((await t.admin('POST', `/displays/${displays.find((d) => d.humanId === humanId)!.id}/approve`)).status).toBe(200);
      await installed.waitFor(new RegExp(`^paired as ${humanId}$`, 'm'), 30_000);
      await installed.waitFor(/^showing \S+ \(\w+\)$/m, 30_000);
      const state = JSON.parse(fs.readFileSync(path.join(root, 'var/lib/inkstand-frame/state.json'), 'utf8'));
      expect(state).toMatchObject({ server_url: t.urls.https, fingerprint });
      expect(installed.output()).not.toMatch(/pinned the certificate|discovery|mDNS/i); // trusted from the first request, found without asking
    } finally {
      await installed.stop();
    }

    // Served again: an upgrade in place, the frame's pairing kept.
    fs.writeFileSync(path.join(root, 'opt/inkstand-frame/lib/inkstand_frame/stale.py'), '# left by an older version\n');
    const second = await install();
    expect(second.status, second.output).toBe(0);
    expect(fs.existsSync(path.join(root, 'opt/inkstand-frame/lib/inkstand_frame/stale.py'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(root, 'var/lib/inkstand-frame/state.json'), 'utf8')).token).toEqual(expect.any(String));
  }, 240_000);
});
