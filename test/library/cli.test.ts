import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { photosImportCommand, photosListCommand } from '../../main/cli/commands/photos.ts';
import { variantsListCommand } from '../../main/cli/commands/variants.ts';
import { classifyJob } from '../../main/library/jobs/classify.ts';
import { truncatedJpeg } from './bad-images.ts';
import { FIXTURES, createTestApp, jobRun, type TestApp } from './test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('the photos commands'))('the photos commands (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let t: TestApp;
  let folder: string;
  beforeEach(async () => {
    t = await createTestApp({ databaseUrl: await freshDatabase() });
    folder = path.join(t.dataDir, 'incoming');
    fs.mkdirSync(path.join(folder, 'trip'), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'beach.jpg'), path.join(folder, 'beach.jpg'));
    fs.copyFileSync(path.join(FIXTURES, 'redchain.jpg'), path.join(folder, 'trip', 'chain.jpg'));
    fs.writeFileSync(path.join(folder, 'trip', 'broken.jpg'), truncatedJpeg());
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a photo');
  });
  afterEach(async () => t.close());

  function capture(): { out: PassThrough; text: () => string } {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    return { out, text: () => Buffer.concat(chunks).toString('utf8') };
  }

  describe('inkstand photos import DIR', () => {
    it('prints a line per image, the reasons of refusals and a summary, and exits 1 when a file was refused', async () => {
      const { out, text } = capture();
      expect(await photosImportCommand(t.app, folder, out)).toBe(1);
      const lines = text().split('\n');
      expect(lines[0]).toMatch(/^imported {3}beach\.jpg \(photo \d\)$/);
      expect(lines[1]).toMatch(/^refused {4}trip\/broken\.jpg: the image is damaged or incomplete \((premature end of JPEG image|its data ends early or is corrupt)\)$/);
      expect(lines[2]).toMatch(/^imported {3}trip\/chain\.jpg \(photo \d\)$/);
      expect(lines.slice(3)).toEqual(['2 imported, 0 already in the library, 1 refused, 1 other file(s) skipped', '']);
      fs.rmSync(path.join(folder, 'trip', 'broken.jpg'));
      const again = capture();
      expect(await photosImportCommand(t.app, folder, again.out)).toBe(0);
      expect(again.text()).toContain('0 imported, 2 already in the library, 0 refused');
    });

    it('says when the folder does not exist', async () => {
      const { out, text } = capture();
      expect(await photosImportCommand(t.app, path.join(folder, 'nope'), out)).toBe(1);
      expect(text()).toMatch(/^not a folder: /);
    });
  });

  describe('inkstand photos / variants --json', () => {
    it('prints each photo with its classification and each variant with style, source, score and file, as JSON arrays only', async () => {
      await photosImportCommand(t.app, folder, new PassThrough());
      await classifyJob.run(jobRun(t.app, classifyJob.params.parse({})).run);

      const photos = capture();
      await photosListCommand(t.app, { json: true }, photos.out);
      const photoRows = JSON.parse(photos.text());
      expect(photoRows).toHaveLength(2);
      const beach = photoRows.find((p: { name: string }) => p.name === 'beach.jpg');
      expect(beach).toMatchObject({ contentType: 'Other', orientation: 'landscape', classifier: 'builtin', variants: 1 });
      expect(['GOOD', 'VERY_GOOD', 'PASSABLE']).toContain(beach.quality);

      const variants = capture();
      await variantsListCommand(t.app, { json: true }, variants.out);
      const variantRows = JSON.parse(variants.text());
      expect(variantRows).toHaveLength(2);
      const beachVariant = variantRows.find((v: { photoId: number }) => v.photoId === beach.id);
      expect(beachVariant).toMatchObject({ photoName: 'beach.jpg', style: 'photo', provider: 'import', fileExists: true });
      expect(beachVariant.score).toBeGreaterThan(0);
      expect(path.isAbsolute(beachVariant.file)).toBe(true);
    });

    it('prints tables without --json', async () => {
      await photosImportCommand(t.app, folder, new PassThrough());
      const photos = capture();
      await photosListCommand(t.app, {}, photos.out);
      expect(photos.text().split('\n')[0]).toMatch(/^id\s+name\s+size\s+quality/);
      expect(photos.text()).toContain('480×288');
      const variants = capture();
      await variantsListCommand(t.app, {}, variants.out);
      expect(variants.text().split('\n')[0]).toMatch(/^id\s+photo\s+style\s+provider\s+score\s+file$/);
      expect(variants.text()).toMatch(/\n\d\s+\d beach\.jpg\s+photo\s+import\s+0\.\d+\s+\//);
    });
  });
});
