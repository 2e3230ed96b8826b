import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDataDir } from '../helpers/test-server.ts';

/** Native libraries mapped into a process (Linux). */
const nativeModules = (pid: number) => [...new Set(fs.readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n').map((line) => line.split(/\s+/)[5]).filter((file) => file?.endsWith('.node')))];

describe.runIf(process.platform === 'linux')('what an idle server keeps loaded', () => {
  let serve: ServeProcess;
  beforeAll(async () => {
    serve = await startServeProcess(tempDataDir(), ['--no-discovery']);
  });
  afterAll(() => {
    serve.child.kill('SIGTERM');
  });

  it('serves frames without mapping libvips: pictures are drawn in renderer processes that exit when idle', async () => {
    const pending = await fetch(`${serve.http}/api/display/bootstrap`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hardware_id: 'footprint:1', horizontal_pixels: 800, vertical_pixels: 480 }) });
    expect(pending.status).toBe(202);
    const picture = await fetch((await pending.json()).image_url);
    expect(picture.headers.get('content-type')).toBe('image/png');
    const loaded = nativeModules(serve.child.pid!);
    expect(loaded.some((file) => file.includes('better_sqlite3'))).toBe(true);
    expect(loaded.filter((file) => file.includes('sharp'))).toEqual([]);
  });
});
