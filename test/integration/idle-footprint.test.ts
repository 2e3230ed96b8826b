import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testPhoto } from '../imaging/helpers/images.ts';

/** Native libraries mapped into a process (Linux). */
const nativeModules = (pid: number) => [...new Set(fs.readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n').map((line) => line.split(/\s+/)[5]).filter((file) => file?.endsWith('.node')))];

// SQLite only: its subject is what an idle process maps, and it checks for the SQLite binding.
describe.runIf(process.platform === 'linux')('what an idle server keeps loaded', () => {
  let serve: ServeProcess;
  beforeAll(async () => {
    serve = await startServeProcess(tempDataDir(), ['--no-discovery']);
  });
  afterAll(() => {
    serve.child.kill('SIGTERM');
  });

  it('serves frames without mapping libvips: pictures are drawn in image processes that exit when idle', async () => {
    const pending = await fetch(`${serve.http}/api/display/bootstrap`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hardware_id: 'footprint:1', horizontal_pixels: 800, vertical_pixels: 480 }) });
    expect(pending.status).toBe(202);
    const picture = await fetch((await pending.json()).image_url);
    expect(picture.headers.get('content-type')).toBe('image/png');
    const loaded = nativeModules(serve.child.pid!);
    expect(loaded.some((file) => file.includes('better_sqlite3'))).toBe(true);
    expect(loaded.filter((file) => file.includes('sharp'))).toEqual([]);
  });

  it('nor after importing, classifying and filtering a photo: every decode runs in an image process', async () => {
    const admin = (method: string, route: string, body?: unknown) => fetch(`${serve.http}/api/admin${route}`, {
      method, headers: { authorization: `Bearer ${serve.adminToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(await testPhoto())], { type: 'image/jpeg' }), 'garden.jpg');
    const upload = await fetch(`${serve.http}/api/admin/photos`, { method: 'POST', headers: { authorization: `Bearer ${serve.adminToken}` }, body: form });
    expect(upload.ok).toBe(true);
    const { photo } = await upload.json();
    for (const job of ['classify', 'generate_variants']) {
      const { id } = await (await admin('POST', `/jobs/${job}/run`, {})).json();
      await expect.poll(async () => (await (await admin('GET', `/executions?name=${job}`)).json()).find((e: { id: number }) => e.id === id)?.status, { timeout: 30_000 }).toBe('success');
    }
    const { photos } = await (await admin('GET', '/photos')).json();
    expect(photos.find((listed: { id: number }) => listed.id === photo.id).quality).toEqual(expect.any(String));
    const variants: { id: number; style: string }[] = await (await admin('GET', `/photos/${photo.id}/variants`)).json();
    const filtered = variants.find((variant) => variant.style !== 'photo');
    expect(filtered).toBeDefined();
    const thumbnail = await admin('GET', `/variants/${filtered!.id}/thumbnail`);
    expect((await thumbnail.json()).mime).toBe('image/webp');
    expect(nativeModules(serve.child.pid!).filter((file) => file.includes('sharp'))).toEqual([]);
  });
});
