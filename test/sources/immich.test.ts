import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PhotoEntity } from '../../main/storage/entities/photo.ts';
import { PictureSourceItemEntity } from '../../main/storage/entities/picture-source-item.ts';
import { immichSettings, syncImmich, type ImmichSettings } from '../../main/sources/immich.ts';
import { SourceError } from '../../main/sources/source-http.ts';
import { fakePhoto, startFakeImmich, type FakeImmich } from '../fakes/immich-server.ts';
import { createTestApp, type TestApp } from '../jobs/test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('Immich album sync'))('Immich album sync (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let immich: FakeImmich;
  let testApp: TestApp;
  let settings: ImmichSettings;

  beforeEach(async () => {
    immich = await startFakeImmich(5, { maxPageSize: 2 });
    testApp = await createTestApp({ databaseUrl: await freshDatabase() });
    settings = immichSettings.parse({ base_url: immich.url, api_key: immich.apiKey, album_id: immich.albumId });
  });

  afterEach(async () => {
    await testApp.close();
    await immich.close();
  });

  const photoCount = () => testApp.app.db.getRepository(PhotoEntity).count();

  describe('Immich album sync', () => {
    it('brings every image of the album in, page by page, with its source and credit', async () => {
      const report = await syncImmich(testApp.app, settings);
      expect(report).toMatchObject({ added: 5, removed: 0, unchanged: 0, failed: [] });
      expect(immich.searchRequests.map((r) => r.page)).toEqual([1, 2, 3]);
      expect(await photoCount()).toBe(5);
      const first = await testApp.app.db.getRepository(PictureSourceItemEntity).findOneByOrFail({ externalId: immich.assets[0].id });
      expect(await testApp.app.pictureSources.creditOf(first.photoId)).toMatchObject({ source: `immich:album:${immich.albumId}`, title: 'Beach at Sellin', link: `${immich.url}/photos/${immich.assets[0].id}` });
    });

    it('moves no image bytes when the album did not change', async () => {
      await syncImmich(testApp.app, settings);
      const served = immich.originalBytesServed;
      expect(served).toBeGreaterThan(0);
      const again = await syncImmich(testApp.app, settings);
      expect(again).toMatchObject({ added: 0, removed: 0, unchanged: 5, bytesFetched: 0 });
      expect(immich.originalBytesServed).toBe(served);
    });

    it('fetches only the new picture, and drops the ones removed from the album', async () => {
      await syncImmich(testApp.app, settings);
      const served = immich.originalBytesServed;
      const removed = immich.assets.splice(1, 2);
      immich.assets.push({ id: '7d1c3a7e-8d0e-4d1f-9a57-0c6a3c0b9e11', originalFileName: 'IMG_2000.jpg', bytes: await fakePhoto(99), type: 'IMAGE' });
      const report = await syncImmich(testApp.app, settings);
      expect(report).toMatchObject({ added: 1, removed: 2, unchanged: 3 });
      expect(immich.originalBytesServed - served).toBe(immich.assets.at(-1)!.bytes.length);
      expect(await photoCount()).toBe(4);
      const items = await testApp.app.db.getRepository(PictureSourceItemEntity).find();
      expect(items.map((i) => i.externalId)).not.toContain(removed[0].id);
    });

    it('leaves videos out and syncs a person the same way', async () => {
      immich.assets[4].type = 'VIDEO';
      const person = immichSettings.parse({ base_url: immich.url, api_key: immich.apiKey, person_id: immich.personId });
      expect(await syncImmich(testApp.app, person)).toMatchObject({ added: 4 });
    });

    it('keeps the library as it was when Immich refuses or fails, with a message that says why', async () => {
      await syncImmich(testApp.app, settings);
      await expect(syncImmich(testApp.app, { ...settings, api_key: 'wrong-key-0123456789' })).rejects.toThrow(new SourceError(`Immich at ${new URL(immich.url).host} refused the request (HTTP 401): check the token or API key: Invalid API key`));
      immich.failWith = 500;
      await expect(syncImmich(testApp.app, settings)).rejects.toThrow(SourceError);
      await immich.close();
      await expect(syncImmich(testApp.app, settings)).rejects.toThrow(/could not reach Immich at 127\.0\.0\.1:\d+: connection refused/);
      expect(await photoCount()).toBe(5);
    });

    it('validates its settings', () => {
      expect(immichSettings.safeParse({ base_url: 'ftp://x', api_key: immich.apiKey, album_id: immich.albumId }).success).toBe(false);
      expect(immichSettings.safeParse({ base_url: immich.url, api_key: immich.apiKey }).success).toBe(false);
      expect(immichSettings.safeParse({ base_url: immich.url, api_key: immich.apiKey, album_id: immich.albumId, person_id: immich.personId }).success).toBe(false);
      expect(immichSettings.safeParse({ base_url: immich.url, api_key: immich.apiKey, album_id: 'not-a-uuid' }).success).toBe(false);
    });
  });
});
