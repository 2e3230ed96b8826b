import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import { drawMarkupHere, drawMarkupPngHere } from '../../main/markup/draw.ts';
import type { MarkupTarget } from '../../main/markup/target.ts';
import { fixture } from './support/boxes.ts';

const PHOTO = 'https://photos.example/noise.png';

async function noisePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 90, height: 60, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
}

describe('drawMarkupPngHere (what a display gets)', () => {
  it.each([
    ['departures-table.html', 'spectra6-13.3'],
    ['overflow-more.html', 'trmnl-og-1bit'],
    ['richtext-limiter.html', 'inky-impression-7.3'],
  ])('draws %s on %s exactly as the drawing with its laid-out tree does', async (name, profileId) => {
    const target = { profile: findBuiltinProfile(profileId)! };
    const html = fixture(name);
    expect((await drawMarkupPngHere(html, target)).equals((await drawMarkupHere(html, target)).png)).toBe(true);
  });

  it('still dithers a picture where it landed', async () => {
    const html = `<div class="layout layout--row gap--large"><span class="title">Porch</span><img class="image" src="${PHOTO}" width="180" height="120"></div>`;
    const target: MarkupTarget = { profile: findBuiltinProfile('inky-impression-7.3')!, images: { [PHOTO]: await noisePhoto() } };
    const [withTree, pngOnly] = [(await drawMarkupHere(html, target)).png, await drawMarkupPngHere(html, target)];
    // Were the picture not known, it would be snapped to the nearest colours instead of dithered.
    expect(pngOnly.equals(withTree)).toBe(true);
  });
});
