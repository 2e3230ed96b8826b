import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../main/core/atomic-file.ts';
import { runRenderCommand } from '../../main/imaging/render-command.ts';
import { testPhoto } from './helpers/images.ts';
import { readPng } from './helpers/png-reader.ts';

let dir: string;
let image: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkstand-render-'));
  image = join(dir, 'photo.jpg');
  await writeFile(image, await testPhoto());
});

describe('runRenderCommand', () => {
  it('writes the device PNG, and nothing else in the folder', async () => {
    const out = join(dir, 'frame.png');
    await runRenderCommand({ image, profile: 'inky-impression-7.3', dither: 'atkinson', rotation: '270', vividness: '1.4', out });
    const png = readPng(await readFile(out));
    expect([png.width, png.height, png.colourType, png.palette?.length]).toEqual([800, 480, 3, 7]);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the preview in the panel colours with --preview, and a BMP with --format bmp', async () => {
    await runRenderCommand({ image, profile: 'inky-impression-4', out: join(dir, 'preview.png'), preview: true });
    const meta = await sharp(join(dir, 'preview.png')).metadata();
    expect([meta.width, meta.height, meta.channels]).toEqual([640, 400, 3]);
    await runRenderCommand({ image, profile: 'trmnl-og-1bit', out: join(dir, 'frame.bmp'), format: 'bmp' });
    expect((await readFile(join(dir, 'frame.bmp'))).length).toBe(48_062);
  });

  it('names the flag that is wrong', async () => {
    const out = join(dir, 'never.png');
    await expect(runRenderCommand({ image, profile: 'nope', out })).rejects.toThrow(/^--profile: unknown panel profile "nope"; built-in profiles: spectra6-13.3/);
    await expect(runRenderCommand({ image, profile: 'grey16', dither: 'dots', out })).rejects.toThrow(/^--dither: unknown algorithm "dots"/);
    await expect(runRenderCommand({ image, profile: 'grey16', rotation: '45', out })).rejects.toThrow(/^--rotation: must be one of 0, 90, 180, 270/);
    await expect(runRenderCommand({ image, profile: 'grey16', vividness: 'lots', out })).rejects.toThrow(/^--vividness: must be a number from 0 to 3/);
    await expect(runRenderCommand({ image, profile: 'spectra6-13.3', format: 'bmp', out })).rejects.toThrow(/^--format bmp/);
    await expect(runRenderCommand({ image: join(dir, 'missing.jpg'), profile: 'grey16', out })).rejects.toThrow(/no such file/);
    expect((await readdir(dir)).includes('never.png')).toBe(false);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temp file behind, also when the write fails', async () => {
    const path = join(dir, 'state.json');
    await writeFileAtomic(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    await expect(writeFileAtomic(join(dir, 'no-such-folder', 'x'), 'data')).rejects.toThrow(/ENOENT/);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
