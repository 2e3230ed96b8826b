import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PHOTOS_DIR } from '../helpers/photos.ts';
import fs from 'node:fs';

const ENTRY = fileURLToPath(new URL('../../main/imaging/worker.mjs', import.meta.url));

/** An image process whose server goes away while it works: it must leave without a word (no EPIPE, no stack trace). */
describe('an image process whose parent is gone', () => {
  it('exits 0 and quietly when the channel closes while tasks are still answering', async () => {
    const child = fork(ENTRY, [], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const photo = path.join(SAMPLE_PHOTOS_DIR, fs.readdirSync(SAMPLE_PHOTOS_DIR).find((f) => /\.(jpe?g|png)$/i.test(f))!);
    // Wait until it answers one task (it has started), then hand it work and hang up at once: its answers go into a closed channel.
    const started = new Promise((resolve) => child.once('message', resolve));
    child.send({ id: 0, task: 'webpThumbnail', args: [photo, 64, 50] });
    expect(await started).toMatchObject({ id: 0, ok: true });
    for (let id = 1; id <= 3; id++) child.send({ id, task: 'webpThumbnail', args: [photo, 64, 50] });
    child.disconnect();
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
