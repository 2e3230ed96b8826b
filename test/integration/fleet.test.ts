import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { importFolder } from '../../main/library/import-folder.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { describeEachDatabaseAtOnce, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { SimulatedFrame } from '../sim/frame.ts';

// Every simulated frame bootstraps from 127.0.0.1: lift the per-address limit (read when the routes load).
vi.hoisted(() => {
  process.env.INKSTAND_BOOTSTRAP_LIMIT = '10000';
});

const FRAMES = 200;
const PANELS = [
  { panel: 'inky-impression-7.3', width: 800, height: 480 },
  { panel: 'waveshare-7.5-v2', width: 800, height: 480 },
  { panel: 'inky-impression-4', width: 640, height: 400 },
];

/** Runs `task` for every item, `parallel` at a time, like frames that wake at about the same moment. */
async function inWaves<T, R>(items: T[], parallel: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await task(items[at]);
    }
  }));
  return results;
}

// Side by side: much of the time goes on held long-polls.
describeEachDatabaseAtOnce(`a fleet of ${FRAMES} frames`, (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  const frames: SimulatedFrame[] = [];

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    const files = await smallPhotoFolder(path.join(t.dataDir, 'incoming'), 4);
    await importFolder(t.server.core.app, path.dirname(files[0]));
  });
  afterAll(() => t.stop());

  // 200 bootstraps, each a few round trips to PostgreSQL: more than the default 30 s on a busy machine.
  it('pairs every frame at once while the pairing window is open', { timeout: 90_000 }, async () => {
    expect((await t.admin('POST', '/pairing/open', { minutes: 10 })).status).toBe(200);
    for (let i = 0; i < FRAMES; i++) {
      const { panel, width, height } = PANELS[i % PANELS.length];
      frames.push(new SimulatedFrame(`sim:fleet-${i}`, width, height, panel));
    }
    const statuses = await inWaves(frames, 25, (frame) => frame.bootstrap(`${t.urls.http}/api/display/bootstrap`));
    expect(statuses).toEqual(frames.map(() => 200));
    expect(new Set(frames.map((f) => f.token)).size).toBe(FRAMES);
    expect(new Set(frames.map((f) => f.humanId)).size).toBe(FRAMES);
  });

  it('gives every frame its own state and a picture in its panel’s size and palette', async () => {
    const polls = await inWaves(frames, 25, (frame) => frame.poll());
    for (const [i, { status, state }] of polls.entries()) {
      const { panel, width, height } = PANELS[i % PANELS.length];
      expect(status).toBe(200);
      expect(state).toMatchObject({ display_id: frames[i].humanId, mode: 'photo', width, height });
      expect(state!.image_url).toContain(`version=${state!.version}`);
      expect(frames[i].state!.palette.length, panel).toBeGreaterThan(1);
    }
    const images = await inWaves(frames, 25, (frame) => frame.fetchImage());
    for (const [i, image] of images.entries()) {
      expect([image.width, image.height]).toEqual([frames[i].width, frames[i].height]);
      expect(image.palette.slice(0, frames[i].state!.palette.length)).toEqual(frames[i].state!.palette);
    }
  });

  it('answers rounds of polls from all of them with 304, and wakes the long-polls whose picture changes', async () => {
    for (let round = 0; round < 3; round++) {
      expect((await inWaves(frames, 50, (frame) => frame.poll())).map((p) => p.status)).toEqual(frames.map(() => 304));
    }
    const holders = frames.slice(0, 20);
    const pressers = holders.slice(0, 5);
    // Long enough for a pressed display's dashboard to be drawn on a busy machine; the others time out with 304.
    const holding = Promise.all(holders.map((frame) => frame.poll({ wait: 10 })));
    await new Promise((r) => setTimeout(r, 300));
    const pressed = await Promise.all(pressers.map((frame) => fetch(`${frame.baseUrl}/api/display/button`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...frame.authHeaders() },
      body: JSON.stringify({ button: 'B' }),
    })));
    expect(pressed.map((res) => res.status)).toEqual(pressers.map(() => 200));
    const woken = await holding;
    for (const [i, { status, state }] of woken.entries()) {
      if (i < pressers.length) expect([status, state!.mode, state!.display_id]).toEqual([200, 'dashboard', holders[i].humanId]);
      else expect(status).toBe(304);
    }
    // Everyone else is still unchanged; the woken ones are too, from their new state on.
    expect((await inWaves(frames, 50, (frame) => frame.poll())).map((p) => p.status)).toEqual(frames.map(() => 304));
  });

  it('records every frame as seen', async () => {
    await t.server.core.telemetry.flush();
    const displays: { hardwareId: string; online: boolean; lastSeen: string | null }[] = await (await t.admin('GET', '/displays')).json();
    const fleet = displays.filter((d) => d.hardwareId.startsWith('sim:fleet-'));
    expect(fleet).toHaveLength(FRAMES);
    expect(fleet.filter((d) => !d.online || !d.lastSeen)).toEqual([]);
  });
});
