import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPhotosJob } from '../../main/library/jobs/import-photos.ts';
import { deletePhoto, dislikePhoto, setPhotoFavourite, setPhotoHidden } from '../../main/library/photo-actions.ts';
import { VariantSelector } from '../../main/library/selection.ts';
import { startFolderWatcher } from '../../main/library/watch-folder.ts';
import { PhotoEntity, ShownVariantEntity, VariantEntity } from '../../main/storage/entities/photo.ts';
import { importSamples } from '../ai/library-samples.ts';
import { FIXTURES, createDisplay, createTestApp, jobRun, storedFiles, type TestApp } from './test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('library actions'))('library actions (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ databaseUrl: await freshDatabase() });
  });
  afterEach(async () => t.close());

  describe('deletePhoto', () => {
    it('removes the photo, its variants, their history and files, and takes them out of rotation at once', async () => {
      const [, remove] = await importSamples(t.app, 2);
      const display = await createDisplay(t.app);
      const selector = new VariantSelector(t.app);
      const removeVariant = await t.app.db.getRepository(VariantEntity).findOneByOrFail({ photoId: remove.id });
      await t.app.shows.record(display, removeVariant.id, new Date());
      await selector.pickNext(display, new Date());
      const events: string[] = [];
      t.app.events.on('photos-changed', () => events.push('photos-changed'));

      expect(await deletePhoto(t.app, remove.id)).toBe(true);

      expect(events).toEqual(['photos-changed']);
      expect(await t.app.db.getRepository(PhotoEntity).findOneBy({ id: remove.id })).toBeNull();
      expect(await t.app.db.getRepository(VariantEntity).countBy({ photoId: remove.id })).toBe(0);
      expect(await t.app.db.getRepository(ShownVariantEntity).count()).toBe(0);
      expect(storedFiles(t.dataDir).filter((f) => f.includes(remove.contentHash))).toEqual([]);
      expect(storedFiles(t.dataDir)).toHaveLength(3); // the kept photo's original, thumbnail and variant
      for (let i = 0; i < 10; i++) expect((await selector.pickNext(display, new Date()))!.filePath).not.toContain(removeVariant.contentHash);
      expect(await deletePhoto(t.app, remove.id)).toBe(false);
      selector.close();
    });
  });

  describe('favourite, hide and dislike', () => {
    it('update the photo and announce it; an unknown id answers false', async () => {
      const [photo] = await importSamples(t.app, 1);
      let changes = 0;
      t.app.events.on('photos-changed', () => changes++);
      expect(await setPhotoFavourite(t.app, photo.id, true)).toBe(true);
      expect(await setPhotoHidden(t.app, photo.id, true)).toBe(true);
      expect(await dislikePhoto(t.app, photo.id)).toBe(true);
      expect(await dislikePhoto(t.app, photo.id)).toBe(true);
      expect(await t.app.db.getRepository(PhotoEntity).findOneByOrFail({ id: photo.id })).toMatchObject({ favourite: true, hidden: true, dislikes: 2 });
      expect(changes).toBe(4);
      expect(await setPhotoFavourite(t.app, 999, true)).toBe(false);
      expect(await dislikePhoto(t.app, 999)).toBe(false);
    });
  });

  describe('import_photos job', () => {
    it('imports a folder given as param and logs refused files', async () => {
      const dir = path.join(t.dataDir, 'in');
      fs.mkdirSync(dir);
      fs.copyFileSync(path.join(FIXTURES, 'beach.jpg'), path.join(dir, 'a.jpg'));
      fs.writeFileSync(path.join(dir, 'b.png'), 'not a png');
      const { run, lines } = jobRun(t.app, importPhotosJob.params.parse({ folder: dir }));
      expect((await importPhotosJob.run(run)).summary).toBe('1 imported, 0 already in the library, 1 refused');
      expect(lines.find((l) => l.level === 'warn')!.message).toBe('b.png: not an image this app can read (JPEG, PNG, WebP, HEIC/HEIF, AVIF or TIFF)');
    });

    it('is skipped without a folder', async () => {
      expect((await importPhotosJob.run(jobRun(t.app, importPhotosJob.params.parse({})).run)).status).toBe('skipped');
    });
  });

  describe('startFolderWatcher', () => {
    it('does nothing without photos.watch_folder', async () => {
      const watcher = await startFolderWatcher(t.app);
      expect(watcher.folder).toBeNull();
      watcher.stop();
    });

    it('imports what is in the folder at start, then new files once they settle', async () => {
      const dir = path.join(t.dataDir, 'watched');
      fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
      fs.copyFileSync(path.join(FIXTURES, 'beach.jpg'), path.join(dir, 'first.jpg'));
      await t.app.settings.set('photos.watch_folder', dir);
      const watcher = await startFolderWatcher(t.app, { debounceMs: 150 });
      try {
        await watcher.idle();
        expect(await t.app.db.getRepository(PhotoEntity).count()).toBe(1);
        fs.copyFileSync(path.join(FIXTURES, 'redchain.jpg'), path.join(dir, 'sub', 'second.jpg'));
        fs.writeFileSync(path.join(dir, 'ignored.txt'), 'x');
        await waitFor(async () => (await t.app.db.getRepository(PhotoEntity).count()) === 2);
        expect((await t.app.db.getRepository(PhotoEntity).find()).map((p) => p.originalName).sort()).toEqual(['first.jpg', 'second.jpg']);
      } finally {
        watcher.stop();
      }
    });
  });

  async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
