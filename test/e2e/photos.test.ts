import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { e2eSuite, type E2eApp } from './harness.ts';
import { samplePhotos, uploadThroughApi } from './photos-fixture.ts';

describe('Photos view in a browser', () => {
  const e2e = e2eSuite();
  let app: E2eApp;
  let files: string[];

  beforeAll(async () => {
    files = await samplePhotos(3);
  });
  beforeEach(async () => {
    app = await e2e.start();
  });

  it('photos chosen in the file input upload with progress and appear with thumbnails', async () => {
    await app.page.goto(`${app.uiUrl}#/photos`);
    await app.page.getByText('No photos yet').waitFor();
    await app.screenshot('photos-empty');

    await app.page.getByTestId('photo-input').setInputFiles(files);
    await app.page.getByText('3 uploaded').waitFor();
    expect(await app.page.locator('.upload.done').count()).toBe(3);

    const tiles = app.page.getByTestId('photo-tile');
    await expect.poll(() => tiles.count()).toBe(3);
    await expect.poll(() => tiles.locator('img').evaluateAll((imgs: HTMLImageElement[]) => imgs.filter((i) => i.complete && i.naturalWidth > 0).length)).toBe(3);
    await app.screenshot('photos-grid');

    const listed = await (await app.admin('GET', '/photos')).json();
    expect(listed.total).toBe(3);
  });

  it('refuses a file that is not an image with a message, and keeps nothing of it', async () => {
    await uploadThroughApi(app, files);
    await app.page.goto(`${app.uiUrl}#/photos`);
    await expect.poll(() => app.page.getByTestId('photo-tile').count()).toBe(3);
    await app.page.getByTestId('photo-input').setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo at all') });
    const failed = app.page.locator('.upload.failed');
    await failed.waitFor();
    expect(await failed.innerText()).toMatch(/notes\.jpg.*not an image/);
    expect((await (await app.admin('GET', '/photos')).json()).total).toBe(3);
  });

  it('a photo opens with its variants; favourite and hide reach the library', async () => {
    await uploadThroughApi(app, files);
    await app.page.goto(`${app.uiUrl}#/photos`);
    await app.page.getByTestId('photo-tile').first().getByRole('button', { name: /^Open / }).click();
    const drawer = app.page.getByRole('dialog');
    await drawer.getByTestId('variant').first().locator('img').waitFor();
    await drawer.getByRole('button', { name: '★ Favourite' }).click();
    await expect.poll(() => drawer.getByRole('button', { name: '★ Favourite' }).getAttribute('aria-pressed')).toBe('true');
    await app.screenshot('photo-detail');

    // Hidden photos leave the list (and their open panel) unless "Show hidden" is on.
    await drawer.getByRole('button', { name: 'Hide from displays' }).click();
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => app.page.getByTestId('photo-tile').count()).toBe(2);
    const listed = await (await app.admin('GET', '/photos?includeHidden=true&favourite=true')).json();
    expect(listed.photos).toHaveLength(1);
    expect(listed.photos[0]).toMatchObject({ favourite: true, hidden: true });
  });
});
