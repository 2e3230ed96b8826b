import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../bin/build-outputs.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe("the desktop app's main-process bundle (package.json main), under a stand-in Electron", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-desktop-bundle-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('starts the server with the same flags as inkstand serve, opens the window on the built renderer and preload, and quits cleanly', () => {
    ensureBuilt(['main', 'preload', 'renderer']);
    const main = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).main;
    const result = spawnSync(process.execPath, [
      '--import', 'tsx', '--import', './test/desktop/bundle/resolve-electron.mjs', main,
      '--data-dir', path.join(work, 'data'), '--http-port', '0', '--https-port', '0', '--no-discovery', '--host', '127.0.0.1',
    ], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CONFIG_HOME: path.join(work, 'config') } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n').pop()!);
    expect(report).toMatchObject({ loaded: path.join(ROOT, 'dist', 'renderer', 'index.html'), loadedExists: true, preload: path.join(ROOT, 'dist', 'preload', 'preload.cjs'), preloadExists: true, visible: true, trays: 1 });
    expect(report.ipcHandlers).toBeGreaterThan(40);
    expect(fs.existsSync(path.join(work, 'data', 'inkstand.sqlite'))).toBe(true);
  });
});
