import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../main/library/import-folder.ts';
import { pairFrame } from '../helpers/pairing.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { runCli } from '../helpers/serve-process.ts';
import { SimulatedFrame } from '../sim/frame.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('state polling', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer();
    const files = await smallPhotoFolder(path.join(t.dataDir, 'incoming'), 4);
    await importFolder(t.server.core.app, path.dirname(files[0]));
  });
  afterAll(() => t.stop());

  it('answers a repeated poll with 304 and no body, and never re-rolls the picture', async () => {
    const { frame } = await pairFrame(t, 'sim:poll-1');
    const first = await frame.poll();
    expect(first.status).toBe(200);
    const version = first.state!.version;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${frame.baseUrl}/api/display/state`, { headers: { ...frame.authHeaders(), 'if-none-match': frame.etag! } });
      expect(res.status).toBe(304);
      expect(await res.text()).toBe('');
    }
    frame.etag = null;
    expect((await frame.poll()).state!.version).toBe(version);
  });

  it('changes the version when a button changes the picture, and answers with the new state', async () => {
    const { frame } = await pairFrame(t, 'sim:button-1');
    const before = (await frame.poll()).state!;
    const res = await frame.press('B');
    expect(res.status).toBe(200);
    const after = await res.json();
    expect(after.mode).toBe('dashboard');
    expect(after.override).toMatchObject({ mode: 'dashboard' });
    expect(after.version).not.toBe(before.version);
    expect((await frame.poll()).status).toBe(304);

    const back = await (await frame.press('D')).json();
    expect(back.mode).toBe('photo');
    expect(back.override).toBeNull();
    expect(back.version).toBe(before.version);
  });

  it('moves to another photo on "next" and keeps the version when nothing changed', async () => {
    const { frame } = await pairFrame(t, 'sim:next-1');
    const versions = new Set<string>([(await frame.poll()).state!.version]);
    for (let i = 0; i < 3; i++) versions.add((await (await frame.press('A')).json()).version);
    expect(versions.size).toBeGreaterThan(1);
  });

  it('wakes a long-poll within a second of a button press', async () => {
    const { frame } = await pairFrame(t, 'sim:long-1');
    await frame.poll();
    const started = Date.now();
    const waiting = frame.poll({ wait: 30 });
    await new Promise((r) => setTimeout(r, 200));
    await fetch(`${frame.baseUrl}/api/display/button`, { method: 'POST', headers: { 'content-type': 'application/json', ...frame.authHeaders() }, body: JSON.stringify({ button: 'B' }) });
    const { status, state } = await waiting;
    expect(status).toBe(200);
    expect(state!.mode).toBe('dashboard');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('wakes a long-poll within a second of a change made through the CLI', async () => {
    const { frame } = await pairFrame(t, 'sim:long-cli');
    await frame.poll();
    const waiting = frame.poll({ wait: 30 });
    await new Promise((r) => setTimeout(r, 100));
    const result = await runCli(['displays', 'message', frame.humanId!, 'Dinner is ready', '--minutes', '5', '--data-dir', t.dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const changedAt = Date.now();
    const { status, state } = await waiting;
    expect(status).toBe(200);
    expect(state!.mode).toBe('message');
    expect(Date.now() - changedAt).toBeLessThan(1000);
  });

  it('returns 304 after the wait when nothing changes', async () => {
    const { frame } = await pairFrame(t, 'sim:long-idle');
    await frame.poll();
    const started = Date.now();
    expect((await frame.poll({ wait: 1 })).status).toBe(304);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('serves the image immutable, with 304 on a matching ETag and 404 naming the current version otherwise', async () => {
    const { frame } = await pairFrame(t, 'sim:image-1');
    const { state } = await frame.poll();
    const res = await fetch(state!.image_url, { headers: frame.authHeaders() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toBe(`"${state!.version}"`);
    expect(Number(res.headers.get('content-length'))).toBe((await res.arrayBuffer()).byteLength);
    const again = await fetch(state!.image_url, { headers: { ...frame.authHeaders(), 'if-none-match': `"${state!.version}"` } });
    expect(again.status).toBe(304);
    const missing = await fetch(`${frame.baseUrl}/api/display/image?version=deadbeef`, { headers: frame.authHeaders() });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'unknown_version', version: state!.version });
  });

  it('announces a frame that comes online at once, without waiting for the batched write', async () => {
    const frame = new SimulatedFrame('sim:online', 800, 480);
    const seen: number[] = [];
    // Two announcements: the new display itself, then its first contact written at once.
    const announced = new Promise<number>((resolve) => {
      const off = t.server.core.app.events.on('displays-changed', ({ displayId }) => {
        if (displayId === undefined) return;
        seen.push(displayId);
        if (seen.filter((id) => id === displayId).length === 2) {
          off();
          resolve(displayId);
        }
      });
    });
    expect(await frame.bootstrap(`${t.urls.http}/api/display/bootstrap`)).toBe(202);
    const displayId = await announced;
    expect(await (await t.admin('GET', `/displays/${displayId}`)).json()).toMatchObject({ status: 'pending', online: true, lastSeen: expect.any(String) });
  });

  it('records last seen and telemetry from headers', async () => {
    const { frame, displayId } = await pairFrame(t, 'sim:telemetry');
    await frame.poll({ headers: { 'X-Battery-Voltage': '3.91', 'X-RSSI': '-61', 'X-Firmware': 'sim-2.0' } });
    await t.server.core.telemetry.flush();
    const display = await (await t.admin('GET', `/displays/${displayId}`)).json();
    expect(display).toMatchObject({ batteryVoltage: 3.91, rssi: -61, firmware: 'sim-2.0', online: true });
    expect(display.lastSeen).toBeTruthy();
  });
});
