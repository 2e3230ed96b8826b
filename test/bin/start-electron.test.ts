import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../fakes/listen.ts';
import { freshCheckout, runCommand } from '../helpers/fresh-checkout.ts';
import { descendantCommandLines } from '../helpers/processes.ts';
import { SERVER_V8_FLAGS } from '../../bin/server-v8-flags.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ELECTRON_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;
const SQLITE_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version as string;
const PLATFORM = `${process.platform}-${process.arch}`;

/**
 * Stands in for Electron's release mirror and better-sqlite3's prebuilt host, as their installers
 * fetch from them: `<mirror>v<version>/electron-v<version>-<platform>-<arch>.zip` with SHASUMS256.txt
 * beside it, and `<host>/v<version>/better-sqlite3-v<version>-electron-v<abi>-<platform>-<arch>.tar.gz`.
 * The "Electron" in the zip is a shell script that answers --version and records how it was started.
 */
function makeMirror(work: string) {
  const stub = path.join(work, 'stub');
  fs.mkdirSync(stub, { recursive: true });
  fs.writeFileSync(path.join(stub, 'electron'), [
    '#!/bin/sh',
    `if [ "$1" = "--version" ]; then echo v${ELECTRON_VERSION}; exit 0; fi`,
    'for arg in "$@"; do echo "arg=$arg"; done > "$STUB_RECORD"',
    'echo "sqlite=$INKSTAND_SQLITE_BINDING" >> "$STUB_RECORD"',
    'exit 3',
    '',
  ].join('\n'));
  const zipName = `electron-v${ELECTRON_VERSION}-${PLATFORM}.zip`;
  const zip = path.join(work, zipName);
  // Electron's zips keep Unix modes; extract-zip restores them, so the stub stays executable.
  execFileSync('python3', ['-c', [
    'import sys, zipfile',
    'info = zipfile.ZipInfo("electron")',
    'info.external_attr = 0o100755 << 16',
    'info.create_system = 3',
    'with zipfile.ZipFile(sys.argv[1], "w") as z: z.writestr(info, open(sys.argv[2], "rb").read())',
  ].join('\n'), zip, path.join(stub, 'electron')]);
  const sha = crypto.createHash('sha256').update(fs.readFileSync(zip)).digest('hex');

  const addon = path.join(work, 'addon');
  fs.mkdirSync(path.join(addon, 'build', 'Release'), { recursive: true });
  fs.writeFileSync(path.join(addon, 'build', 'Release', 'better_sqlite3.node'), 'stand-in for an Electron build of better-sqlite3');
  const tarball = path.join(work, 'addon.tar.gz');
  execFileSync('tar', ['-czf', tarball, '-C', addon, 'build']);

  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    requests.push(url);
    if (url === `/electron/v${ELECTRON_VERSION}/${zipName}`) return res.end(fs.readFileSync(zip));
    if (url === `/electron/v${ELECTRON_VERSION}/SHASUMS256.txt`) return res.end(`${sha} *${zipName}\n`);
    if (new RegExp(`^/sqlite/v${SQLITE_VERSION}/better-sqlite3-v${SQLITE_VERSION}-electron-v\\d+-${PLATFORM}\\.tar\\.gz$`).test(url)) return res.end(fs.readFileSync(tarball));
    res.writeHead(404).end('not found');
  });
  return { server, requests };
}

describe('npm start on a machine that can download Electron (a local mirror stands in)', () => {
  let checkout: ReturnType<typeof freshCheckout>;
  let work: string;
  let mirror: ReturnType<typeof makeMirror>;
  let origin: string;
  let closeMirror: () => Promise<void>;

  beforeAll(async () => {
    checkout = freshCheckout();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-mirror-'));
    mirror = makeMirror(work);
    ({ origin, close: closeMirror } = await listenOnLoopback(mirror.server));
  }, 120_000);
  afterAll(async () => {
    await closeMirror?.();
    checkout?.remove();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const env = (mirrorUrl: string): NodeJS.ProcessEnv => {
    const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...rest } = process.env;
    return {
      ...rest,
      ELECTRON_MIRROR: mirrorUrl,
      electron_use_remote_checksums: '1',
      electron_config_cache: path.join(work, 'electron-cache'),
      npm_config_better_sqlite3_binary_host: `${origin}/sqlite`,
      npm_config_cache: path.join(work, 'npm-cache'),
      STUB_RECORD: path.join(work, 'started-with.txt'),
      INKSTAND_DATA_DIR: path.join(work, 'data'),
    };
  };

  it('npm install never fails on Electron: with the mirror down, postinstall says so in one line and succeeds', () => {
    const down = 'http://127.0.0.1:9/';
    const output = execFileSync(process.execPath, ['bin/postinstall.mjs'], { cwd: checkout.root, env: env(down), encoding: 'utf8' });
    expect(output).toContain(`Downloading Electron ${ELECTRON_VERSION} (${PLATFORM}) from ${down}v${ELECTRON_VERSION}/`);
    expect(output).toMatch(/Electron was not downloaded \(.*ECONNREFUSED.*\); `npm start` will try again/);
  });

  it('with the mirror down, npm start says why in one line and runs the same app headless', async () => {
    const run = runCommand('npm', ['start', '--', '--http-port', '0', '--https-port', '0', '--no-discovery', '--host', '127.0.0.1'], { cwd: checkout.root, env: env('http://127.0.0.1:9/') });
    try {
      await run.waitFor(/^Electron is not installed and could not be downloaded \(.*ECONNREFUSED.*\): running Inkstand headless/m);
      const [, adminUi] = await run.waitFor(/^admin ui: (\S+)/m);
      const page = await fetch(adminUi);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      // The headless server is the process npm started, restarted in place with the server's V8 flags.
      const servers = descendantCommandLines(run.pid).filter((args) => args.includes('serve'));
      expect(servers).toEqual([[expect.stringMatching(/node$/), ...SERVER_V8_FLAGS, path.join(checkout.root, 'bin', 'inkstand.mjs'), 'serve', '--http-port', '0', '--https-port', '0', '--no-discovery', '--host', '127.0.0.1']]);
    } finally {
      await run.stop();
    }
  }, 180_000);

  it('downloads Electron from the mirror, gets better-sqlite3 for it, and launches it with the app until it exits', async () => {
    const run = runCommand('npm', ['start', '--', '--hidden'], { cwd: checkout.root, env: env(`${origin}/electron/`) });
    const exitCode = await run.exited;
    expect(run.output()).toContain(`Downloading Electron ${ELECTRON_VERSION} (${PLATFORM}) from ${origin}/electron/v${ELECTRON_VERSION}/`);
    expect(mirror.requests).toContain(`/electron/v${ELECTRON_VERSION}/SHASUMS256.txt`);
    expect(exitCode).toBe(3); // the stub's own exit code

    const started = fs.readFileSync(path.join(work, 'started-with.txt'), 'utf8').trim().split('\n');
    expect(started).toEqual([`arg=--js-flags=${SERVER_V8_FLAGS.join(' ')}`, `arg=${checkout.root}`, 'arg=--hidden', expect.stringMatching(/^sqlite=\//)]);
    const binding = started[3].slice('sqlite='.length);
    expect(fs.readFileSync(binding, 'utf8')).toBe('stand-in for an Electron build of better-sqlite3');
    // The checkout's own (Node) build is untouched: the CLI still opens a database.
    expect(execFileSync(process.execPath, ['bin/inkstand.mjs', 'displays', '--json', '--data-dir', path.join(work, 'cli')], { cwd: checkout.root, encoding: 'utf8' }).trim()).toBe('[]');

    // What Electron is started on: package.json's main, the preload and the renderer, all built.
    const main = JSON.parse(fs.readFileSync(path.join(checkout.root, 'package.json'), 'utf8')).main;
    for (const file of [main, 'dist/preload/preload.cjs', 'dist/renderer/index.html']) expect(fs.existsSync(path.join(checkout.root, file)), file).toBe(true);

    // A second start finds both in place and downloads nothing.
    const downloads = mirror.requests.length;
    const again = runCommand('npm', ['start'], { cwd: checkout.root, env: env(`${origin}/electron/`) });
    expect(await again.exited).toBe(3);
    expect(mirror.requests.length).toBe(downloads);
  }, 240_000);
});
