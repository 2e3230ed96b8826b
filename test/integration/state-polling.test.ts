import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Like } from 'typeorm';
import { importFolder } from '../../main/library/import-folder.ts';
import { DisplayEntity } from '../../main/storage/entities/display.ts';
import { PanelImageEntity } from '../../main/storage/entities/panel-image.ts';
import { VariantEntity } from '../../main/storage/entities/photo.ts';
import { pairFrame } from '../helpers/pairing.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { runCli } from '../helpers/serve-process.ts';
import { SimulatedFrame } from '../sim/frame.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe.each(testDatabases('state polling'))('state polling (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
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

  // The press's own write wakes the long-poll too: answered before the press's own draw, the frame
  // would get one dashboard, then another drawn a moment later (a second panel refresh).
  it('draws one dashboard for a press that wakes a long-poll, and wakes it with that one', async () => {
    const { frame, displayId } = await pairFrame(t, 'sim:long-once');
    await frame.poll();
    const waiting = frame.poll({ wait: 30 });
    await new Promise((r) => setTimeout(r, 200));
    const pressed = await (await frame.press('B')).json();
    const woken = await waiting;
    expect([woken.status, woken.state!.mode, woken.state!.version]).toEqual([200, 'dashboard', pressed.version]);
    const drawn = await t.server.core.db.getRepository(PanelImageEntity).countBy({ sourceKind: 'dashboard', sourceRef: Like(`display:${displayId}:%`) });
    expect(drawn).toBe(1);
  });

  it('wakes a long-poll within a second of a change made through the CLI', async () => {
    const { frame } = await pairFrame(t, 'sim:long-cli');
    await frame.poll();
    const waiting = frame.poll({ wait: 30 });
    await new Promise((r) => setTimeout(r, 100));
    const result = await runCli(['displays', 'message', frame.humanId!, 'Dinner is ready', '--minutes', '5', '--data-dir', t.dataDir, ...settings().cliArgs]);
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
    // Two announcements: the new display itself, then its first contact written at once (a telemetry batch naming it).
    const announced = new Promise<number>((resolve) => {
      const off = t.server.core.app.events.on('displays-changed', ({ displayId, displayIds }) => {
        for (const id of displayId !== undefined ? [displayId] : displayIds ?? []) {
          seen.push(id);
          if (seen.filter((s) => s === id).length === 2) {
            off();
            resolve(id);
          }
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

  it('moves frames off a photo that is hidden or deleted at once, and keeps every picture when a photo is added', async () => {
    const frames = [];
    for (let i = 0; i < 4; i++) frames.push((await pairFrame(t, `sim:library-${i}`)).frame);
    for (const frame of frames) expect((await frame.poll()).status).toBe(200);
    const photoOnScreen = async (frame: SimulatedFrame) => {
      const display = await t.server.core.db.getRepository(DisplayEntity).findOneByOrFail({ humanId: frame.humanId! });
      return (await t.server.core.db.getRepository(VariantEntity).findOneByOrFail({ id: display.currentVariantId! })).photoId;
    };

    const [sample] = await smallPhotoFolder(path.join(t.dataDir, 'added'), 1);
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(await sharp(sample).resize(500).jpeg().toBuffer())], { type: 'image/jpeg' }), 'added.jpg');
    const added = await fetch(`${t.urls.http}/api/admin/photos`, { method: 'POST', headers: { authorization: `Bearer ${t.urls.adminToken}` }, body: form });
    expect((await added.json()).duplicate).toBe(false);
    for (const frame of frames) expect((await frame.poll()).status).toBe(304);

    const hidden = await photoOnScreen(frames[0]);
    const showing = await Promise.all(frames.map(async (frame) => (await photoOnScreen(frame)) === hidden));
    const waiting = frames.map(async (frame) => {
      const { status } = await frame.poll({ wait: 4 });
      return { status, at: Date.now() };
    });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    expect((await t.admin('PATCH', `/photos/${hidden}`, { hidden: true })).status).toBe(200);
    // Frames that showed the hidden photo are woken with another one at once; the others keep theirs until their long-polls run out.
    for (const [i, { status, at }] of (await Promise.all(waiting)).entries()) {
      expect([i, status]).toEqual([i, showing[i] ? 200 : 304]);
      if (showing[i]) expect(at - started).toBeLessThan(2000);
    }
    for (const frame of frames) expect(await photoOnScreen(frame)).not.toBe(hidden);

    const deleted = await photoOnScreen(frames[0]);
    expect((await t.admin('DELETE', `/photos/${deleted}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    const { status, state } = await frames[0].poll();
    expect(status).toBe(200);
    expect(state!.mode).toBe('photo');
    expect(await photoOnScreen(frames[0])).not.toBe(deleted);
  });
});

describe.each(testDatabases('a frame paired before there are photos'))('a frame paired before there are photos (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
  });
  afterAll(() => t.stop());

  it('shows the first imported photo at once', async () => {
    const { frame } = await pairFrame(t, 'sim:empty-library');
    const empty = (await frame.poll()).state!;
    expect(empty.mode).toBe('photo');
    const waiting = frame.poll({ wait: 20 });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const files = await smallPhotoFolder(path.join(t.dataDir, 'incoming'), 1);
    await importFolder(t.server.core.app, path.dirname(files[0]));
    const { status, state } = await waiting;
    expect(status).toBe(200);
    expect(state!.version).not.toBe(empty.version);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
