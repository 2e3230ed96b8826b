import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PHOTOS_DIR } from '../helpers/photos.ts';
import { tempDataDir } from '../helpers/test-server.ts';

const root = path.resolve(import.meta.dirname, '../..');
// Inside the checkout, so the bundle finds package.json and resources/ above it, but away from dist/main.
const outdir = path.join(root, '.tmp', `bundle-test-${process.pid}`, 'main');

describe('the main-process bundle (npm run build:main)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'bin', 'build-main.mjs'), '--outdir', outdir]);
  }, 60_000);
  afterAll(() => fs.rmSync(path.dirname(outdir), { recursive: true, force: true }));

  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(outdir, 'inkstand.mjs'), ...args], { encoding: 'utf8' });

  it('runs the CLI without TypeScript at run time', () => {
    const result = run('displays', '--json', '--data-dir', tempDataDir());
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('serves: draws a pending frame’s pairing picture on its own image worker with the bundled fonts', async () => {
    const child = spawn(process.execPath, [path.join(outdir, 'inkstand.mjs'), 'serve', '--data-dir', tempDataDir(), '--http-port', '0', '--https-port', '0', '--no-discovery', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const http = await new Promise<string>((resolve, reject) => {
        let log = '';
        child.stdout.on('data', (d) => {
          log += d;
          const url = /^http listening on (\S+)/m.exec(log)?.[1];
          if (url) resolve(url);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const res = await fetch(`${http}/api/display/bootstrap`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hardware_id: 'bundle:1', horizontal_pixels: 800, vertical_pixels: 480 }) });
      expect(res.status).toBe(202);
      const picture = await fetch((await res.json()).image_url);
      expect(picture.status).toBe(200);
      expect(await sharp(Buffer.from(await picture.arrayBuffer())).metadata()).toMatchObject({ width: 800, height: 480, format: 'png' });
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('is Latin-1 only, which V8 keeps one byte per character', () => {
    const scripts = fs.readdirSync(outdir).filter((name) => name.endsWith('.mjs'));
    expect(scripts.length).toBeGreaterThan(3);
    const wide = scripts.filter((name) => /[\u0100-\uffff]/.test(fs.readFileSync(path.join(outdir, name), 'utf8')));
    expect(wide).toEqual([]);
  });

  it('loads the HTTP stack for `serve` only: the other commands start without express and its parsers', () => {
    const source = (file: string) => fs.readFileSync(path.join(outdir, file), 'utf8');
    const withExpress = (file: string) => source(file).includes('node_modules/express/');
    const loadedAtStart = new Set<string>();
    const load = (file: string) => {
      if (loadedAtStart.has(file)) return;
      loadedAtStart.add(file);
      for (const [, chunk] of source(file).matchAll(/(?:from|import)\s*"\.\/([\w-]+\.mjs)"/g)) load(chunk); // static imports, not import("…")
    };
    load('inkstand.mjs');
    expect(fs.readdirSync(outdir).filter((file) => file.endsWith('.mjs')).some(withExpress)).toBe(true);
    expect([...loadedAtStart].filter(withExpress)).toEqual([]);
  });

  it('renders a photo with the render command', async () => {
    const out = path.join(tempDataDir(), 'frame.png');
    const photo = path.join(SAMPLE_PHOTOS_DIR, fs.readdirSync(SAMPLE_PHOTOS_DIR).find((f) => f.endsWith('.jpg'))!);
    expect(run('render', photo, '--profile', 'inky-impression-7.3', '--out', out).status).toBe(0);
    expect(await sharp(out).metadata()).toMatchObject({ width: 800, height: 480 });
  });
});
