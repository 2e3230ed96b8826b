import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { smallPhotoFolder } from '../helpers/photos.ts';
import type { E2eApp } from './harness.ts';

/** Small real photos on disk, for the file input and for the API. */
export async function samplePhotos(count = 3): Promise<string[]> {
  return smallPhotoFolder(fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-e2e-photos-')), count);
}

/** Puts photos in the library through the multipart upload route, as the browser UI does. */
export async function uploadThroughApi(app: E2eApp, files: string[]): Promise<void> {
  for (const file of files) {
    const form = new FormData();
    form.append('photo', new Blob([fs.readFileSync(file)], { type: 'image/jpeg' }), path.basename(file));
    const res = await fetch(`${app.urls.http}/api/admin/photos`, { method: 'POST', headers: { authorization: `Bearer ${app.urls.adminToken}` }, body: form });
    if (!res.ok) throw new Error(`upload of ${file} answered ${res.status}: ${await res.text()}`);
  }
}
