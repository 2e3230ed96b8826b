import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../../bin/build-outputs.mjs';
import { freshCheckout, runCommand } from '../helpers/fresh-checkout.ts';
import { SAMPLE_PHOTOS_DIR } from '../helpers/photos.ts';

/** Every file below `dir`, relative to it, without descending into node_modules. */
function appFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    if (entry.name === 'node_modules') return [];
    return entry.isDirectory() ? appFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

describe('the packaged desktop app (electron-builder --dir)', () => {
  let checkout: ReturnType<typeof freshCheckout>;
  let work: string;
  let app: string;

  beforeAll(() => {
    checkout = freshCheckout();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-package-'));
    // Electron's binary cannot be downloaded here, and rebuilding native modules for it needs its headers
    // from the internet: package onto a stand-in Electron, keeping the modules as built for Node.
    const electronDist = path.join(work, 'electron');
    fs.mkdirSync(electronDist);
    fs.writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    // What is packaged is what `npm run build` makes: this checkout's build (made at `npm install`, or
    // here where it is older than its sources) rather than a second build of the same sources.
    ensureBuilt(['main', 'preload', 'renderer', 'frame']);
    fs.cpSync(path.join(ROOT, 'dist'), path.join(checkout.root, 'dist'), { recursive: true });
    execFileSync(process.execPath, [
      'node_modules/electron-builder/cli.js', '--dir', '--linux', '--config', 'electron-builder.yml',
      `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${path.join(work, 'out')}`,
    ], { cwd: checkout.root, stdio: 'ignore' });
    app = path.join(work, 'out', 'linux-unpacked', 'resources', 'app');
  }, 180_000);
  afterAll(() => {
    checkout?.remove();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds the built bundle, renderer and preload, and no TypeScript, tests or benchmarks', () => {
    const files = appFiles(app);
    const main = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')).main;
    expect(files).toContain(path.normalize(main));
    expect(files).toContain(path.join('dist', 'preload', 'preload.cjs'));
    expect(files).toContain(path.join('dist', 'renderer', 'index.html'));
    expect(files.filter((file) => /\.(ts|tsx)$/.test(file))).toEqual([]);
    expect(files.filter((file) => /^(main|renderer|preload|contract|test|bench|bin)\//.test(file))).toEqual([]);
  });

  it('ships the production dependencies only', () => {
    const modules = fs.readdirSync(path.join(app, 'node_modules'));
    for (const runtime of ['better-sqlite3', 'sharp', 'express', 'typeorm']) expect(modules).toContain(runtime);
    for (const devOnly of ['electron', 'tsx', 'vite', 'vitest', 'typescript', 'react', 'electron-builder']) expect(modules).not.toContain(devOnly);
  });

  it('runs from its own files: the packaged server draws a frame on its image worker and serves the UI', async () => {
    const dataDir = path.join(work, 'data');
    const serve = runCommand(process.execPath, [path.join(app, 'dist', 'main', 'inkstand.mjs'), 'serve', '--data-dir', dataDir, '--http-port', '0', '--https-port', '0', '--no-discovery', '--host', '127.0.0.1'], { cwd: work });
    try {
      const [, http] = await serve.waitFor(/^http listening on (\S+)/m);
      expect(await (await fetch(`${http}/`)).text()).toContain('<div id="root">');
      const pending = await fetch(`${http}/api/display/bootstrap`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hardware_id: 'packaged:1', horizontal_pixels: 800, vertical_pixels: 480 }) });
      expect(pending.status).toBe(202);
      const picture = await fetch((await pending.json()).image_url);
      expect(await sharp(Buffer.from(await picture.arrayBuffer())).metadata()).toMatchObject({ width: 800, height: 480, format: 'png' });
    } finally {
      await serve.stop();
    }
  }, 60_000);

  it('dithers a photo to a colour panel from its own files (the WebAssembly of the dithering is inside the bundle)', async () => {
    const out = path.join(work, 'frame.png');
    const photo = path.join(SAMPLE_PHOTOS_DIR, fs.readdirSync(SAMPLE_PHOTOS_DIR).find((f) => f.endsWith('.jpg'))!);
    execFileSync(process.execPath, [path.join(app, 'dist', 'main', 'inkstand.mjs'), 'render', photo, '--profile', 'inky-impression-7.3', '--dither', 'floyd-steinberg', '--out', out], { cwd: work });
    const { data } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 3) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    expect(colours.size).toBeGreaterThan(4);
  });
});
