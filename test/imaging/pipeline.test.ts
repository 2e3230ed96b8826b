import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImageInputError, indicesToPreviewRgb, renderPanelImage, renderPreview, type RenderedPanelImage } from '../../main/imaging/pipeline.ts';
import { BUILTIN_PROFILES, findBuiltinProfile, type PanelProfile } from '../../main/imaging/profiles.ts';
import { ROTATIONS } from '../../main/imaging/rotate.ts';
import { testPhoto } from './helpers/images.ts';
import { readPng } from './helpers/png-reader.ts';

let photo: Buffer;
beforeAll(async () => {
  photo = await testPhoto();
});

const settings = { dither: 'floyd-steinberg' } as const;

describe('renderPanelImage for every built-in profile and rotation', () => {
  for (const profile of BUILTIN_PROFILES) {
    it(profile.id, async () => {
      for (const rotation of ROTATIONS) {
        const frame = await renderPanelImage(photo, { profile, rotation, settings });
        expect([frame.width, frame.height]).toEqual([profile.width, profile.height]);
        expect(frame.indices.length).toBe(profile.width * profile.height);
        expect(frame.indices.every((k) => k < profile.palette.length)).toBe(true);
        const png = readPng(frame.data);
        expect([png.width, png.height, png.bitDepth]).toEqual([profile.width, profile.height, profile.bitDepth]);
        if (profile.grey) {
          expect(png.colourType).toBe(0);
          expect(png.palette).toBeUndefined();
          // A grey profile's levels are the PNG's grey samples, from black to white.
          profile.palette.forEach(([v], i) => expect(v).toBe(Math.round((i * 255) / (2 ** profile.bitDepth - 1))));
        } else {
          expect(png.colourType).toBe(3);
          expect(png.palette).toEqual(profile.palette);
        }
        expect(Buffer.from(png.samples).equals(Buffer.from(frame.indices))).toBe(true);
      }
    });
  }
});

describe('rotation', () => {
  const profile = findBuiltinProfile('inky-impression-7.3')!;
  const red = profile.colorNames.indexOf('red');
  // A picture composed for the viewer at the canvas size: white, its top-left quarter red.
  const composed = (width: number, height: number): Promise<Buffer> =>
    sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
      .composite([{ input: { create: { width: width / 2, height: height / 2, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
      .png()
      .toBuffer();
  const redCorner = (frame: RenderedPanelImage): string => {
    const at = (x: number, y: number): boolean => frame.indices[y * frame.width + x] === red;
    const corners = { 'top-left': at(5, 5), 'top-right': at(794, 5), 'bottom-left': at(5, 474), 'bottom-right': at(794, 474) };
    return Object.entries(corners)
      .filter(([, isRed]) => isRed)
      .map(([name]) => name)
      .join(',');
  };

  it('composes on the turned canvas, then turns clockwise into native order, at native size', async () => {
    const expected = { 0: 'top-left', 90: 'top-right', 180: 'bottom-right', 270: 'bottom-left' };
    for (const rotation of ROTATIONS) {
      const canvas = rotation === 90 || rotation === 270 ? [480, 800] : [800, 480];
      const frame = await renderPanelImage(await composed(canvas[0], canvas[1]), { profile, rotation, settings: { dither: 'none' } });
      expect([frame.width, frame.height]).toEqual([800, 480]);
      expect(redCorner(frame), `rotation ${rotation}`).toBe(expected[rotation]);
    }
  });
});

describe('renderPanelImage', () => {
  const profile = findBuiltinProfile('spectra6-13.3')!;

  it('gives the same bytes for the same input and settings', async () => {
    const opts = { profile, rotation: 90 as const, settings: { dither: 'floyd-steinberg' as const, vividness: 1.2, contrast: 1.1, brightness: 0.9 } };
    const [a, b] = await Promise.all([renderPanelImage(photo, opts), renderPanelImage(Buffer.from(photo), opts)]);
    expect(a.data.equals(b.data)).toBe(true);
  });

  it('reads a file path like a buffer', async () => {
    const path = join(tmpdir(), `inkstand-photo-${process.pid}.jpg`);
    await writeFile(path, photo);
    const opts = { profile, rotation: 0 as const, settings };
    expect((await renderPanelImage(path, opts)).data.equals((await renderPanelImage(photo, opts)).data)).toBe(true);
  });

  it('writes a 1-bit BMP for a black/white panel on request, and refuses it for a colour panel', async () => {
    const bw = findBuiltinProfile('trmnl-og-1bit')!;
    const frame = await renderPanelImage(photo, { profile: bw, rotation: 0, settings, format: 'bmp' });
    expect(frame.data.length).toBe(48_062);
    await expect(renderPanelImage(photo, { profile, rotation: 0, settings, format: 'bmp' })).rejects.toThrow(/BMP frame is 1-bit/);
  });

  it('refuses bad options with a message naming them', async () => {
    await expect(renderPanelImage(photo, { profile, rotation: 45 as 0, settings })).rejects.toThrow(/rotation must be one of 0, 90, 180, 270/);
    await expect(renderPanelImage(photo, { profile, rotation: 0, settings: { dither: 'dots' as 'none' } })).rejects.toThrow(/unknown dither algorithm "dots"/);
    await expect(renderPanelImage(photo, { profile, rotation: 0, settings: { ...settings, contrast: -1 } })).rejects.toThrow(/contrast must be/);
    await expect(renderPanelImage(photo, { profile, rotation: 0, settings: { ...settings, vividness: 4 } })).rejects.toThrow(/vividness must be a number from 0 to 3/);
  });

  it('keeps graphics drawn in the measured palette exactly, with dither none', async () => {
    const uc8159 = findBuiltinProfile('inky-impression-5.7')!;
    const stripes = Buffer.concat(uc8159.palette.map((c) => Buffer.from(Array.from({ length: 600 * 64 }, () => c).flat())));
    const source = await sharp(stripes, { raw: { width: 600, height: 64 * 7, channels: 3 } }).resize(600, 448, { fit: 'fill', kernel: 'nearest' }).png().toBuffer();
    const frame = await renderPanelImage(source, { profile: uc8159, rotation: 0, settings: { dither: 'none' } });
    const rowIndex = (y: number): number => frame.indices[y * 600 + 300];
    expect([20, 84, 148, 212, 276, 340, 404].map(rowIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('bad input', () => {
  const opts = { profile: findBuiltinProfile('waveshare-7.5-v2')!, rotation: 0 as const, settings };
  const refused = async (source: Buffer | string, message: RegExp): Promise<void> => {
    const error = await renderPanelImage(source, opts).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ImageInputError);
    expect((error as Error).message).toMatch(message);
  };

  it('refuses empty input', () => refused(Buffer.alloc(0), /empty \(0 bytes\)/));
  it('refuses an empty file and a missing file', async () => {
    const path = join(tmpdir(), `inkstand-empty-${process.pid}.png`);
    await writeFile(path, '');
    await refused(path, /is empty/);
    await refused(join(tmpdir(), 'inkstand-no-such-file.png'), /no such file/);
  });
  it('refuses a file that is not an image', () => refused(Buffer.from('hello, this is text and not a picture\n'.repeat(20)), /not an image/));
  it('refuses a truncated JPEG and a truncated PNG', async () => {
    const jpeg = await testPhoto(800, 600);
    await refused(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), /broken or truncated/);
    const png = await sharp(jpeg).png().toBuffer();
    await refused(png.subarray(0, Math.floor(png.length * 0.6)), /broken or truncated/);
  });
  it('refuses a tiny file declaring 100000×100000 pixels (decompression bomb) at once', async () => {
    const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer();
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    const { crc32 } = await import('node:zlib');
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    const started = Date.now();
    await refused(bomb, /too large/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('preview', () => {
  it('shows each pixel in the measured colour of its index', async () => {
    const profile: PanelProfile = findBuiltinProfile('inky-impression-7.3-spectra6')!;
    const frame = await renderPanelImage(photo, { profile, rotation: 0, settings });
    const png = await renderPreview(frame, profile);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([800, 480, 3]);
    expect(data.equals(indicesToPreviewRgb(frame.indices, profile.palette))).toBe(true);
    expect([...data.subarray(0, 3)]).toEqual([...profile.palette[frame.indices[0]]]);
  });
});
