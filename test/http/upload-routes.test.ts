import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadTempDir } from '../../main/library/paths.ts';
import { SAMPLE_PHOTOS_DIR } from '../helpers/photos.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';

describe.each(testDatabases('photo upload over HTTP'))('photo upload over HTTP (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
  });
  afterAll(() => t.stop());

  const upload = (name: string, bytes: Uint8Array<ArrayBuffer>) => {
    const form = new FormData();
    form.append('photo', new Blob([bytes]), name);
    return fetch(`${t.urls.http}/api/admin/photos`, { method: 'POST', headers: { authorization: `Bearer ${t.urls.adminToken}` }, body: form });
  };
  const leftInTemp = () => fs.readdirSync(uploadTempDir(t.dataDir));

  it('streams the photo to a temp file that is moved into the library, byte for byte', async () => {
    const photo = new Uint8Array(fs.readFileSync(path.join(SAMPLE_PHOTOS_DIR, fs.readdirSync(SAMPLE_PHOTOS_DIR).find((f) => f.endsWith('.jpg'))!)));
    const res = await upload('holiday.jpg', photo);
    expect(res.status).toBe(200);
    const { photo: dto, duplicate } = await res.json();
    expect([dto.originalName, duplicate]).toEqual(['holiday.jpg', false]);
    const hash = crypto.createHash('sha256').update(photo).digest('hex');
    expect(Buffer.from(photo).equals(fs.readFileSync(path.join(t.dataDir, 'photos', 'originals', `${hash}.jpg`)))).toBe(true);
    expect(leftInTemp()).toEqual([]);
    const again = await upload('again.jpg', photo);
    expect((await again.json()).duplicate).toBe(true);
    expect(leftInTemp()).toEqual([]);
  });

  it('removes the temp file of a refused upload', async () => {
    const res = await upload('notes.jpg', new TextEncoder().encode('not an image'));
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toMatch(/notes\.jpg: not an image/);
    expect(leftInTemp()).toEqual([]);
  });
});
