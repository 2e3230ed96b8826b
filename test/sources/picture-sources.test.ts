import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PhotoEntity } from '../../main/storage/entities/photo.ts';
import { PictureSourceItemEntity } from '../../main/storage/entities/picture-source-item.ts';
import { apodSettings, syncApod } from '../../main/sources/apod.ts';
import { imageUrlSettings, syncImageUrl } from '../../main/sources/image-url.ts';
import { importPhoto } from '../../main/library/import.ts';
import { syncPictures } from '../../main/sources/picture-library.ts';
import { SourceError } from '../../main/sources/source-http.ts';
import { syncWikimediaPotd, wikimediaPotdSettings } from '../../main/sources/wikimedia-potd.ts';
import { syncXkcd, xkcdSettings } from '../../main/sources/xkcd.ts';
import { fakePhoto } from '../fakes/immich-server.ts';
import { startFakePictureServices, type FakePictureServices } from '../fakes/picture-services.ts';
import { createTestApp, type TestApp } from '../jobs/test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('picture sources'))('picture sources (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let services: FakePictureServices;
  let testApp: TestApp;

  beforeEach(async () => {
    services = await startFakePictureServices();
    testApp = await createTestApp({ databaseUrl: await freshDatabase() });
  });

  afterEach(async () => {
    await testApp.close();
    await services.close();
  });

  const items = () => testApp.app.db.getRepository(PictureSourceItemEntity).find({ order: { id: 'ASC' } });
  const photoCount = () => testApp.app.db.getRepository(PhotoEntity).count();

  describe('NASA APOD', () => {
    const settings = () => apodSettings.parse({ base_url: services.url });

    it("brings today's picture (the HD one) in once, with its copyright line", async () => {
      expect(await syncApod(testApp.app, settings())).toMatchObject({ added: 1 });
      expect(services.requests).toContain('/image/2025/10/NGC7000_Hubble.jpg');
      expect(await syncApod(testApp.app, settings())).toMatchObject({ added: 0, unchanged: 1, bytesFetched: 0 });
      expect(await items()).toEqual([expect.objectContaining({ source: 'apod', externalId: '2025-10-15', title: 'The North America Nebula', credit: '© Jane Doe', link: 'https://apod.nasa.gov/apod/ap251015.html' })]);
    });

    it('keeps earlier days, reads public-domain days and video days (their thumbnail)', async () => {
      await syncApod(testApp.app, settings());
      services.apodDay = { date: '2025-10-16', media_type: 'video' };
      await syncApod(testApp.app, settings());
      expect((await items()).map((i) => [i.externalId, i.credit, i.licence])).toEqual([['2025-10-15', '© Jane Doe', 'copyrighted: shown by permission on APOD'], ['2025-10-16', 'NASA', 'public domain (NASA)']]);
      expect(await photoCount()).toBe(2);
    });

    it('says why when the service refuses, and the library stays', async () => {
      await syncApod(testApp.app, settings());
      services.failWith = 429;
      await expect(syncApod(testApp.app, settings())).rejects.toThrow(new SourceError(`NASA APOD at ${new URL(services.url).host} answered HTTP 429: too many requests, try a longer refresh interval: You have exceeded your rate limit.`));
      expect(await photoCount()).toBe(1);
    });
  });

  describe('Wikimedia picture of the day', () => {
    it("brings the day's picture in with author and licence", async () => {
      await syncWikimediaPotd(testApp.app, wikimediaPotdSettings.parse({ base_url: services.url }), '2025-10-15');
      expect(await items()).toEqual([expect.objectContaining({ source: 'wikimedia-potd', externalId: '2025-10-15', title: 'A grey heron (Ardea cinerea) at dawn', credit: 'Birder / Wikimedia Commons', licence: 'CC BY-SA 4.0', link: 'https://commons.wikimedia.org/wiki/File:Heron_at_dawn.jpg' })]);
    });

    it('names the day it has no picture for', async () => {
      await expect(syncWikimediaPotd(testApp.app, wikimediaPotdSettings.parse({ base_url: services.url }), '1999-01-01')).rejects.toThrow(/answered HTTP 404: not found .*: Not found\./);
      await expect(syncWikimediaPotd(testApp.app, wikimediaPotdSettings.parse({ base_url: services.url }), 'yesterday')).rejects.toThrow('"yesterday" is not a date (YYYY-MM-DD)');
    });
  });

  describe('xkcd', () => {
    it('brings the latest comic in with its alt text and licence', async () => {
      const report = await syncXkcd(testApp.app, xkcdSettings.parse({ base_url: services.url }));
      expect(report).toMatchObject({ added: 1, alt: expect.stringMatching(/^Fortunately, the charging one/) });
      expect(await items()).toEqual([expect.objectContaining({ externalId: '927', title: 'Standards', credit: 'Randall Munroe, xkcd.com', licence: 'CC BY-NC 2.5' })]);
    });
  });

  describe('image from a URL', () => {
    it('replaces the picture when the image changed and keeps one photo per URL', async () => {
      const settings = imageUrlSettings.parse({ url: `${services.url}/cam/latest.jpg?key=secret`, credit: 'Harbour webcam' });
      expect(await syncImageUrl(testApp.app, settings)).toMatchObject({ added: 1 });
      expect(await syncImageUrl(testApp.app, settings)).toMatchObject({ added: 0, unchanged: 1 });
      services.webcamSeed = 11;
      expect(await syncImageUrl(testApp.app, settings)).toMatchObject({ added: 1 });
      expect(await photoCount()).toBe(1);
      const [item] = await items();
      expect(item).toMatchObject({ credit: 'Harbour webcam', link: `${services.url}/cam/latest.jpg` });
      expect(item.source).not.toContain('secret');
    });

    it('refuses a page that is not an image and keeps the last picture', async () => {
      await syncImageUrl(testApp.app, imageUrlSettings.parse({ url: `${services.url}/cam/latest.jpg` }));
      await expect(syncImageUrl(testApp.app, imageUrlSettings.parse({ url: `${services.url}/cam/login` }))).rejects.toThrow(/answered with text\/html, not an image/);
      expect(await photoCount()).toBe(1);
      expect(imageUrlSettings.safeParse({ url: 'file:///etc/passwd' }).success).toBe(false);
    });
  });

  describe('a picture source and the user adding the same picture', () => {
    const album = (ids: string[]) => ids.map((id) => ({ externalId: id, fileName: `${id}.jpg` }));
    const sync = (ids: string[], bytes: Map<string, Buffer>) => syncPictures(testApp.app, 'immich:album:harbour', album(ids), { removeMissing: true, fetchOriginal: async (item) => bytes.get(item.externalId)! });
    const photoIds = async () => (await testApp.app.db.getRepository(PhotoEntity).find({ order: { id: 'ASC' } })).map((p) => p.id);

    it('removes only what the source alone brought: an identical upload, before or after the sync, stays', async () => {
      const bytes = new Map([['boats', await fakePhoto(21)], ['pier', await fakePhoto(22)], ['gulls', await fakePhoto(23)]]);
      const uploadedBefore = (await importPhoto(testApp.app, { buffer: bytes.get('boats')!, originalName: 'my-boats.jpg' })).photo.id;
      await sync(['boats', 'pier', 'gulls'], bytes);
      const [, pier, gulls] = (await items()).map((item) => item.photoId);
      expect((await items())[0].photoId).toBe(uploadedBefore);
      const uploadedAfter = await importPhoto(testApp.app, { buffer: bytes.get('pier')!, originalName: 'my-pier.jpg' });
      expect(uploadedAfter).toMatchObject({ duplicate: true, photo: { id: pier, addedByUser: true } });
      // The album drops all three: the source's own photo goes, both uploads stay in the library.
      expect(await sync([], bytes)).toMatchObject({ removed: 3 });
      expect(await photoIds()).toEqual([uploadedBefore, pier]);
      expect(await photoIds()).not.toContain(gulls);
      expect(await items()).toEqual([]);
    });
  });
});
