import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import type { LaidOutBox } from '../../main/markup/boxes.ts';
import { drawMarkupHere } from '../../main/markup/draw.ts';
import { find, fixture } from './support/boxes.ts';

const spectra = findBuiltinProfile('inky-impression-7.3-spectra6')!;

/** The palette index of every pixel of an indexed panel PNG. */
async function indicesOf(png: Buffer, palette: readonly (readonly number[])[]): Promise<{ at: (x: number, y: number) => number; width: number }> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const lookup = new Map(palette.map((c, i) => [c.join(','), i]));
  return {
    width: info.width,
    at: (x, y) => {
      const s = (y * info.width + x) * info.channels;
      return lookup.get([data[s], data[s + 1], data[s + 2]].join(',')) ?? -1;
    },
  };
}

function indicesIn(image: { at: (x: number, y: number) => number }, box: LaidOutBox): Map<number, number> {
  const counts = new Map<number, number>();
  for (let y = Math.ceil(box.y); y < Math.floor(box.y + box.height); y++) {
    for (let x = Math.ceil(box.x); x < Math.floor(box.x + box.width); x++) counts.set(image.at(x, y), (counts.get(image.at(x, y)) ?? 0) + 1);
  }
  return counts;
}

async function gradientPhoto(): Promise<Buffer> {
  const width = 120;
  const height = 80;
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rgb.set([Math.round((255 * x) / width), Math.round((255 * y) / height), 140], (y * width + x) * 3);
  }
  return sharp(rgb, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

describe('colours on the panel', () => {
  it('draws text only in the colours it is drawn with (black and white here): no colour fringes on a colour panel', async () => {
    const { png, boxes } = await drawMarkupHere(fixture('weather-grid.html'), { profile: spectra });
    const image = await indicesOf(png, spectra.palette);
    const used = indicesIn(image, find(boxes, 'layout'));
    expect([...used.keys()].sort()).toEqual([0, 1]);
  });

  it('dithers a picture with the display\'s settings, fetched beforehand by its src, and leaves the text beside it crisp', async () => {
    const html = `<div class="layout layout--row gap--large"><img class="image" src="https://photos.example/garden.png" width="240" height="160"><span class="title">Garden camera</span></div>`;
    const { png, boxes } = await drawMarkupHere(html, { profile: spectra, images: { 'https://photos.example/garden.png': await gradientPhoto() } });
    const image = await indicesOf(png, spectra.palette);
    const picture = indicesIn(image, find(boxes, 'image'));
    expect(picture.has(-1)).toBe(false);
    expect(picture.size).toBeGreaterThanOrEqual(4);
    const title = indicesIn(image, find(boxes, 'title'));
    expect([...title.keys()].sort()).toEqual([0, 1]);
  });

  it('draws a picture it has no bytes for as an empty outlined box of its size, and draws the rest', async () => {
    const html = `<div class="layout"><img src="https://photos.example/missing.png" width="200" height="100"><span class="title">Still here</span></div>`;
    const { boxes } = await drawMarkupHere(html, { profile: spectra });
    expect(find(boxes, 'markup-missing-image')).toMatchObject({ width: 200, height: 100 });
    expect(find(boxes, 'title').text).toBe('Still here');
  });

  it('draws grey fills a 1-bit panel cannot show as a regular pattern of black and white', async () => {
    const html = `<div class="layout"><div class="bg--gray-50" style="width: 200px; height: 100px"></div></div>`;
    const profile = findBuiltinProfile('trmnl-og-1bit')!;
    const { png, boxes } = await drawMarkupHere(html, { profile });
    const image = await indicesOf(png, profile.palette);
    const counts = indicesIn(image, find(boxes, 'bg--gray-50'));
    const black = counts.get(0) ?? 0;
    const white = counts.get(1) ?? 0;
    expect(black / (black + white)).toBeGreaterThan(0.4);
    expect(black / (black + white)).toBeLessThan(0.6);
  });
});

describe('outlines', () => {
  /** The ink pixels along the top edge of a box, between its rounded corners. */
  async function topEdge(profileId: string, classes: string[]): Promise<string> {
    const { png, boxes } = await drawMarkupHere(fixture('outlines.html'), { profile: findBuiltinProfile(profileId)! });
    const box = find(boxes, ...classes);
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    let row = '';
    for (let x = Math.round(box.x) + 10; x < Math.round(box.x + box.width) - 10; x++) row += data[Math.round(box.y) * info.width + x] < 128 ? '#' : '.';
    return row;
  }

  it('are single dots about four pixels apart on a 1-bit panel, the outline class and labels alike', async () => {
    for (const classes of [['outline'], ['label--outline']]) {
      const row = await topEdge('trmnl-og-1bit', classes);
      expect(row, classes[0]).toMatch(/^\.*#(\.{2,4}#)+\.*$/);
      expect(row.split('#').length - 1, classes[0]).toBeGreaterThanOrEqual(Math.floor(row.length / 4) - 1);
    }
  });

  it('stay a line on a panel with greys', async () => {
    expect(await topEdge('trmnl-og-4grey', ['outline'])).toMatch(/^#+$/);
  });
});
