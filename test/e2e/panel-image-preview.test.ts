import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../main/imaging/profiles.ts';
import { readPng } from '../imaging/helpers/png-reader.ts';
import { e2eSuite, type E2eApp } from './harness.ts';
import { samplePhotos, uploadThroughApi } from './photos-fixture.ts';

describe('panel image preview in a browser: a photo as a panel shows it, picture settings applied live', () => {
  const e2e = e2eSuite();
  let app: E2eApp;
  let photos: string[];
  let displayId: number;
  let photoId: number;

  beforeAll(async () => {
    photos = await samplePhotos(2);
  });
  beforeEach(async () => {
    app = await e2e.start();
    await uploadThroughApi(app, photos);
    photoId = (await (await app.admin('GET', '/photos')).json()).photos[0].id;
    ({ displayId } = await app.pairedFrame('preview-frame-1'));
  });

  const previewImage = () => app.page.getByRole('dialog').getByTestId('panel-image-preview').locator('img');
  const naturalSize = () => previewImage().evaluate((img: HTMLImageElement) => (img.complete ? `${img.naturalWidth}x${img.naturalHeight}` : 'loading'));

  it('a photo on a panel profile no display uses: the real panel image in its measured colours, redrawn as vividness moves', async () => {
    await app.page.goto(`${app.uiUrl}#/photos`);
    await app.page.getByTestId('photo-tile').first().getByRole('button', { name: /^Open / }).click();
    const drawer = app.page.getByRole('dialog');
    await drawer.getByLabel('Panel').selectOption('profile:spectra6-13.3');
    await expect.poll(naturalSize, { timeout: 20_000 }).toBe('1600x1200');
    const before = await previewImage().getAttribute('src');

    await drawer.getByRole('slider', { name: 'Vividness' }).fill('1.8');
    await expect.poll(() => previewImage().getAttribute('src'), { timeout: 20_000 }).not.toBe(before);
    await expect.poll(naturalSize).toBe('1600x1200');
    await app.page.setViewportSize({ width: 1360, height: 2400 });
    await app.screenshot('panel-image-preview-profile');
    await app.page.setViewportSize({ width: 1360, height: 900 });

    // What the preview shows is a PNG whose palette is exactly the panel's measured colours.
    const src = (await previewImage().getAttribute('src'))!;
    const png = readPng(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
    expect(png.palette).toEqual(findBuiltinProfile('spectra6-13.3')!.palette);
    await drawer.getByRole('button', { name: 'Close' }).click();
  });

  it("a display's picture settings: previewed on its own panel while tried, stored on Save", async () => {
    await app.page.goto(app.uiUrl);
    const card = app.page.locator('[data-testid^="display-"]').first();
    await card.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(naturalSize, { timeout: 20_000 }).toBe('800x480');
    const before = await previewImage().getAttribute('src');

    const drawer = app.page.getByRole('dialog');
    await drawer.getByRole('slider', { name: 'Contrast' }).fill('1.4');
    await drawer.getByLabel('Dithering').selectOption('atkinson');
    await expect.poll(() => previewImage().getAttribute('src'), { timeout: 20_000 }).not.toBe(before);
    await drawer.getByRole('button', { name: 'Save picture settings' }).click();
    await expect.poll(async () => (await (await app.admin('GET', `/displays/${displayId}`)).json()).pictureSettings).toEqual({ dither: 'atkinson', contrast: 1.4 });
  });

  it('the operation refuses bad requests with a clear message', async () => {
    const preview = (body: unknown) => app.admin('POST', '/panel-images/preview', body);
    const both = await preview({ photoId, displayId, profileId: 'spectra6-13.3' });
    expect([both.status, (await both.json()).detail]).toEqual([400, expect.stringMatching(/either displayId or profileId/)]);
    const renamed = await preview({ photoId, profileId: 'spectra6-13.3', settings: { paletteSaturation: 0.3 } });
    expect([renamed.status, (await renamed.json()).detail]).toEqual([400, expect.stringMatching(/paletteSaturation.*vividness/)]);
    expect((await preview({ photoId, profileId: 'no-such-panel' })).status).toBe(400);
    expect((await preview({ photoId: 99_999, profileId: 'spectra6-13.3' })).status).toBe(404);
    expect((await preview({ photoId, displayId: 99_999 })).status).toBe(404);
  });
});
