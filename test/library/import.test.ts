import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type SharpOptions } from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PhotoImportError, importPhoto } from '../../main/library/import.ts';
import { PhotoEntity, VariantEntity } from '../../main/storage/entities/photo.ts';
import { decompressionBomb, heicHeader, truncatedJpeg } from './bad-images.ts';
import { FIXTURES, createTestApp, storedFiles, type TestApp } from './test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('the photo library import'))('the photo library import (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ databaseUrl: await freshDatabase() });
  });
  afterEach(async () => t.close());

  const beach = () => fs.readFileSync(path.join(FIXTURES, 'beach.jpg'));

  describe('importPhoto', () => {
    it('keeps the original, makes a thumbnail and a plain photo variant, and announces the change', async () => {
      const events: string[] = [];
      t.app.events.on('photos-changed', () => events.push('photos-changed'));
      t.app.events.on('content-changed', (e) => events.push(`content-changed:${e.kind}`));

      const { photo, duplicate } = await importPhoto(t.app, { buffer: beach(), originalName: 'holiday/beach.jpg' });

      expect(duplicate).toBe(false);
      expect(photo).toMatchObject({ originalName: 'beach.jpg', format: 'jpeg', width: 480, height: 288 });
      expect(fs.readFileSync(path.join(t.dataDir, photo.originalPath))).toEqual(beach());
      expect(photo.originalPath).toBe(path.join('photos', 'originals', `${photo.contentHash}.jpg`));
      const thumb = await sharp(path.join(t.dataDir, photo.thumbPath)).metadata();
      expect(thumb.format).toBe('webp');
      const [variant] = await t.app.db.getRepository(VariantEntity).findBy({ photoId: photo.id });
      expect(variant).toMatchObject({ style: 'photo', provider: 'import' });
      expect((await sharp(path.join(t.dataDir, variant.filePath)).metadata()).format).toBe('jpeg');
      expect(events).toEqual(['photos-changed', 'content-changed:photos']);
    });

    it('applies EXIF orientation to the thumbnail and the variant, and stores the displayed size', async () => {
      const rotated = await sharp(beach()).withMetadata({ orientation: 6 }).jpeg().toBuffer();
      const { photo } = await importPhoto(t.app, { buffer: rotated, originalName: 'rotated.jpg' });
      expect([photo.width, photo.height]).toEqual([288, 480]);
      const [variant] = await t.app.db.getRepository(VariantEntity).findBy({ photoId: photo.id });
      const variantMeta = await sharp(path.join(t.dataDir, variant.filePath)).metadata();
      const thumbMeta = await sharp(path.join(t.dataDir, photo.thumbPath)).metadata();
      expect([variantMeta.width, variantMeta.height]).toEqual([288, 480]);
      expect(thumbMeta.height! > thumbMeta.width!).toBe(true);
    });

    it('makes the thumbnail and the plain variant of a rotated wide-gamut photo upright and in sRGB', async () => {
      // Stored landscape, top half orange and bottom half blue, as Display P3 numbers; EXIF 6 turns it a quarter clockwise.
      const orange = [200, 90, 40];
      const blue = [40, 90, 200];
      const halves = Buffer.alloc(1200 * 800 * 3);
      for (let i = 0; i < 1200 * 800; i++) halves.set(i < 1200 * 400 ? orange : blue, i * 3);
      const photo = await sharp(halves, { raw: { width: 1200, height: 800, channels: 3 } }).withMetadata({ orientation: 6 }).withIccProfile('p3').jpeg({ quality: 95 }).toBuffer();
      const storedNumbers = await pixelAt(photo, 0.5, 0.25, { ignoreIcc: true });
      expect(Math.max(...storedNumbers.map((v, c) => Math.abs(v - orange[c])))).toBeGreaterThan(10);

      const { photo: imported } = await importPhoto(t.app, { buffer: photo, originalName: 'p3.jpg' });

      const thumb = path.join(t.dataDir, imported.thumbPath);
      const [plain] = await t.app.db.getRepository(VariantEntity).findBy({ photoId: imported.id });
      const variant = path.join(t.dataDir, plain.filePath);
      for (const [file, size] of [[thumb, [267, 400]], [variant, [800, 1200]]] as const) {
        const meta = await sharp(file).metadata();
        expect([meta.width, meta.height]).toEqual(size);
        expect(meta.icc).toBeUndefined();
        for (const [x, colour] of [[0.75, orange], [0.25, blue]] as const) {
          const seen = await pixelAt(file, x, 0.5);
          seen.forEach((v, c) => expect(Math.abs(v - colour[c])).toBeLessThanOrEqual(6));
        }
      }
    });

    it('detects a duplicate by content hash and stores nothing new', async () => {
      const first = await importPhoto(t.app, { buffer: beach(), originalName: 'a.jpg' });
      const files = storedFiles(t.dataDir);
      const second = await importPhoto(t.app, { buffer: beach(), originalName: 'copy of a.jpg' });
      expect(second).toMatchObject({ duplicate: true, photo: { id: first.photo.id } });
      expect(await t.app.db.getRepository(PhotoEntity).count()).toBe(1);
      expect(storedFiles(t.dataDir)).toEqual(files);
    });

    it('stores the same content once when it arrives twice at the same time', async () => {
      const results = await Promise.all([beach(), beach(), beach()].map((buffer) => importPhoto(t.app, { buffer, originalName: 'a.jpg' })));
      expect(results.map((r) => r.duplicate).sort()).toEqual([false, true, true]);
      expect(await t.app.db.getRepository(PhotoEntity).count()).toBe(1);
      const [variant] = await t.app.db.getRepository(VariantEntity).find();
      expect(storedFiles(t.dataDir)).toHaveLength(3);
      expect(fs.existsSync(path.join(t.dataDir, variant.filePath))).toBe(true);
    });

    it('imports PNG and WebP, and reads files from a path', async () => {
      const png = await sharp(beach()).png().toBuffer();
      const webp = await sharp(beach()).rotate(90).webp().toBuffer();
      expect((await importPhoto(t.app, { buffer: png, originalName: 'x.png' })).photo.format).toBe('png');
      expect((await importPhoto(t.app, { buffer: webp, originalName: 'x.webp' })).photo.format).toBe('webp');
      const fromPath = await importPhoto(t.app, { path: path.join(FIXTURES, 'redchain.jpg') });
      expect(fromPath.photo.originalName).toBe('redchain.jpg');
    });

    const refused: [string, () => Buffer, RegExp][] = [
      ['a non-image', () => Buffer.from('%PDF-1.4 this is not a photo'), /not an image this app can read/],
      ['an empty file', () => Buffer.alloc(0), /the file is empty/],
      ['a truncated JPEG', truncatedJpeg, /damaged or incomplete/],
      ['a decompression bomb', () => decompressionBomb(), /12000×12000 \(144 megapixels\); the limit is 120 megapixels/],
      ['an SVG', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), /"svg" images are not accepted/],
      ['a HEIC this sharp cannot decode', heicHeader, /HEIC/],
    ];
    for (const [name, make, message] of refused) {
      it(`refuses ${name} with a clear message and stores nothing`, async () => {
        const error = await importPhoto(t.app, { buffer: make(), originalName: 'upload' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PhotoImportError);
        expect((error as Error).message).toMatch(message);
        expect(await t.app.db.getRepository(PhotoEntity).count()).toBe(0);
        expect(await t.app.db.getRepository(VariantEntity).count()).toBe(0);
        expect(storedFiles(t.dataDir)).toEqual([]);
      });
    }

    it('refuses a file over the byte limit before reading it', async () => {
      const big = path.join(t.dataDir, 'big.jpg');
      fs.writeFileSync(big, Buffer.alloc(0));
      fs.truncateSync(big, 51 * 1024 * 1024);
      await expect(importPhoto(t.app, { path: big })).rejects.toThrow(/51\.0 MB; the limit is 50 MB/);
    });

    it('removes the files it wrote when the database insert fails', async () => {
      if (database === 'postgres') {
        await t.app.db.query("CREATE FUNCTION fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$");
        await t.app.db.query('CREATE TRIGGER fail_insert BEFORE INSERT ON variants FOR EACH ROW EXECUTE FUNCTION fail_insert()');
      } else {
        await t.app.db.query('CREATE TRIGGER fail_insert BEFORE INSERT ON variants BEGIN SELECT RAISE(ABORT, \'disk full\'); END');
      }
      await expect(importPhoto(t.app, { buffer: beach(), originalName: 'a.jpg' })).rejects.toThrow(/disk full/);
      expect(await t.app.db.getRepository(PhotoEntity).count()).toBe(0);
      expect(storedFiles(t.dataDir)).toEqual([]);
    });

    it('leaves none of the image process\'s files behind when storing the original fails', async () => {
      // A folder where the original goes: the thumbnail and the variant are made, but never placed.
      const hash = crypto.createHash('sha256').update(beach()).digest('hex');
      fs.mkdirSync(path.join(t.dataDir, 'photos', 'originals', `${hash}.jpg`), { recursive: true });
      await expect(importPhoto(t.app, { path: path.join(FIXTURES, 'beach.jpg') })).rejects.toThrow();
      expect(await t.app.db.getRepository(PhotoEntity).count()).toBe(0);
      expect(storedFiles(t.dataDir)).toEqual([]);
    });
  });

  /** The sRGB (or, with ignoreIcc, the stored) numbers of the pixel at fractions x, y of the image. */
  async function pixelAt(image: Buffer | string, x: number, y: number, options: SharpOptions = {}): Promise<number[]> {
    const { data, info } = await sharp(image, options).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const offset = (Math.floor(y * info.height) * info.width + Math.floor(x * info.width)) * info.channels;
    return [...data.subarray(offset, offset + 3)];
  }
});
