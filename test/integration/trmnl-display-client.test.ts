import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { runCli, startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { KeepingShowCommand, TrmnlDisplayClient, type CycleResult } from '../sim/trmnl-display.ts';

const MAC = 'B8:27:EB:12:34:56';

/** trmnl-display on a Pi, pointed at `inkstand serve`, from its first start to three pictures. */
describe.each(testDatabases('trmnl-display against inkstand serve'))('trmnl-display against inkstand serve (%s)', (database) => {
  const settings = useTestDatabase(database);
  const dataDir = tempDataDir('inkstand-trmnl-display-');
  let serve: ServeProcess;
  let show: KeepingShowCommand;
  let client: TrmnlDisplayClient;
  let humanId: string;
  const cycles: CycleResult[] = [];

  const cycle = async () => {
    const result = await client.cycle();
    cycles.push(result);
    expect(result, result.error).toMatchObject({ outcome: 'shown', imageStatus: 200 });
    return result;
  };
  const admin = (method: string, route: string, body?: unknown) => fetch(`${serve.http}/api/admin${route}`, {
    method,
    headers: { authorization: `Bearer ${serve.adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

  beforeAll(async () => {
    const photos = path.dirname((await smallPhotoFolder(path.join(dataDir, 'incoming'), 3))[0]);
    expect((await runCli(['photos', 'import', photos, '--data-dir', dataDir, ...settings().cliArgs])).code).toBe(0);
    serve = await startServeProcess(dataDir, ['--no-discovery', ...settings().cliArgs]);
    show = new KeepingShowCommand(path.join(dataDir, 'shown'));
    client = new TrmnlDisplayClient({ baseUrl: serve.http, deviceId: MAC, tmpDir: path.join(dataDir, 'trmnl-display-tmp'), show: show.run });
  });
  afterAll(() => {
    serve?.child.kill('SIGTERM');
  });

  it('shows the pairing picture on its first cycle, and asks again soon', async () => {
    const first = await cycle();
    expect(first.filename).toMatch(/^pairing-[0-9a-f]{6}-\d{10}$/);
    expect(first.sleepS).toBeLessThanOrEqual(10);
    expect(show.shown[0].image).toMatchObject({ width: 800, height: 480, bitDepth: 1 });
    expect(show.shown[0].mode).toBe('fast');
  });

  it('is listed as a pending TRMNL display by `inkstand displays`', async () => {
    const listed = await runCli(['displays', '--json', '--data-dir', dataDir, ...settings().cliArgs]);
    expect(listed.code).toBe(0);
    const [display] = JSON.parse(listed.stdout);
    expect(display).toMatchObject({ protocol: 'trmnl', status: 'pending', hardwareId: `trmnl:${MAC.toLowerCase()}`, profileId: 'trmnl-og-1bit', macOnlyAuth: true, firmware: 'trmnl-display/0.1.1' });
    humanId = display.humanId;
    // Still waiting: the same picture under the same name.
    expect((await cycle()).filename).toBe(cycles[0].filename);
  });

  it('after `inkstand displays approve`, shows a valid picture of the panel size every cycle, under a new name exactly when it changes', async () => {
    const approved = await runCli(['displays', 'approve', humanId, '--data-dir', dataDir, ...settings().cliArgs]);
    expect(approved.code).toBe(0);

    const photo = await cycle();
    expect(photo.filename).toMatch(/^photo-[0-9a-f]{6}-\d{10}$/);
    expect(photo.sleepS).toBeGreaterThan(10);
    const unchanged = await cycle();
    expect(unchanged.filename).toBe(photo.filename);

    const [display] = await (await admin('GET', '/displays')).json();
    expect((await admin('POST', `/displays/${display.id}/next`)).status).toBe(200);
    const next = await cycle();
    expect(next.filename).not.toBe(photo.filename);

    const approvedShows = show.shown.slice(2);
    expect(approvedShows).toHaveLength(3);
    for (const shown of approvedShows) expect(shown.image).toMatchObject({ width: 800, height: 480, bitDepth: 1, colorType: 0 });
    expect(approvedShows.map((s) => s.mode)).toEqual(['partial', 'partial', 'fast']);
  });

  it('takes a colour panel profile: a Pi with a 7-colour Inky gets indexed colour PNGs at the panel size', async () => {
    const [display] = await (await admin('GET', '/displays')).json();
    expect((await admin('PATCH', `/displays/${display.id}`, { patch: { profileId: 'inky-impression-7.3' } })).status).toBe(200);
    const colour = await cycle();
    const { image } = show.shown.at(-1)!;
    expect(image).toMatchObject({ width: 800, height: 480, colorType: 3 });
    expect(image.palette).toHaveLength(7);
    expect(colour.filename).not.toBe(cycles.at(-2)!.filename);
  });

  it('gave a new file name exactly when the picture changed, across every cycle', () => {
    for (let i = 1; i < show.shown.length; i++) {
      const [before, after] = [show.shown[i - 1], show.shown[i]];
      const samePicture = fs.readFileSync(before.copy).equals(fs.readFileSync(after.copy));
      expect(after.filename === before.filename, `${before.filename} → ${after.filename}`).toBe(samePicture);
    }
  });

  it('stops getting pictures as soon as the display is revoked, and asks to pair again', async () => {
    const oldUrl = (await (await fetch(`${serve.http}/api/display`, { headers: { ID: MAC } })).json()).image_url;
    expect((await fetch(oldUrl)).status).toBe(200);
    expect((await runCli(['displays', 'revoke', humanId, '--data-dir', dataDir, ...settings().cliArgs])).code).toBe(0);
    expect((await fetch(oldUrl)).status).toBe(404);
    const again = await cycle();
    expect(again.filename).toMatch(/^pairing-/);
  });
});
