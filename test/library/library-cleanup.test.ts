import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/create-core.ts';
import { unreferencedLibraryFilesStep } from '../../main/library/library-cleanup.ts';
import { importFolder } from '../../main/library/import-folder.ts';
import { PhotoEntity, VariantEntity } from '../../main/storage/entities/photo.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('library cleanup'))('library cleanup (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let core: Core;
  afterEach(() => core.close());

  it('removes old files no photo or variant names, and keeps every named file', async () => {
    const dataDir = tempDataDir();
    core = await createCore(dataDir, { databaseUrl: await freshDatabase() });
    await importFolder(core.app, path.dirname((await smallPhotoFolder(path.join(dataDir, 'incoming'), 2))[0]));
    const longAgo = new Date(Date.now() - 2 * 3600_000);
    // Every imported file is old too, so only being named can keep it.
    for (const dir of ['originals', 'thumbs', 'variants']) {
      for (const name of fs.readdirSync(path.join(dataDir, 'photos', dir))) fs.utimesSync(path.join(dataDir, 'photos', dir, name), longAgo, longAgo);
    }
    const orphan = path.join(dataDir, 'photos', 'variants', 'a'.repeat(64) + '.png');
    const fresh = path.join(dataDir, 'photos', 'thumbs', 'b'.repeat(64) + '.webp');
    fs.writeFileSync(orphan, 'left by a crash');
    fs.utimesSync(orphan, longAgo, longAgo);
    fs.writeFileSync(fresh, 'an import in progress');
    const staleUpload = path.join(dataDir, 'photos', '.uploads', 'c'.repeat(32));
    fs.mkdirSync(path.dirname(staleUpload), { recursive: true });
    fs.writeFileSync(staleUpload, 'an upload cut off by a crash');
    fs.utimesSync(staleUpload, longAgo, longAgo);

    const log = { debug() {}, info() {}, warn() {}, error() {} };
    const summary = await unreferencedLibraryFilesStep.run({ app: core.app, params: { execution_retention_days: 30, stats_retention_days: 7 }, log, signal: new AbortController().signal });

    expect(summary).toBe('2 library files no photo or variant names');
    expect(fs.existsSync(orphan)).toBe(false);
    expect(fs.existsSync(staleUpload)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    const photos = await core.db.getRepository(PhotoEntity).find();
    const variants = await core.db.getRepository(VariantEntity).find();
    for (const file of [...photos.flatMap((p) => [p.originalPath, p.thumbPath]), ...variants.map((v) => v.filePath)]) {
      expect(fs.existsSync(path.join(dataDir, file))).toBe(true);
    }
  });
});
