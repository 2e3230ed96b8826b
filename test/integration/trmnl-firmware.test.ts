import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../main/library/import-folder.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { TrmnlFirmware } from '../sim/trmnl-firmware.ts';

const MAC = 'A0:B7:65:00:12:34';

/** A TRMNL device's whole cycle with its firmware's requests: setup → display → image → log. */
describe.each(testDatabases('TRMNL firmware against Inkstand'))('TRMNL firmware against Inkstand (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let device: TrmnlFirmware;
  let displayId: number;

  const display = async () => {
    await t.server.core.telemetry.flush(); // battery and signal are written in batches
    return (await t.admin('GET', `/displays/${displayId}`)).json();
  };

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    await importFolder(t.server.core.app, path.dirname((await smallPhotoFolder(path.join(t.dataDir, 'incoming'), 3))[0]));
    device = new TrmnlFirmware(t.urls.http, MAC);
  });
  afterAll(() => t.stop());

  it('asks to be set up, is pending, and shows the pairing picture that /api/display gives it', async () => {
    const first = await device.wake();
    expect(device.apiKey).toBe('');
    expect(first).toMatchObject({ result: 'shown', status: 0 });
    expect(first.shown!.filename).toMatch(/^pairing-/);
    expect(first.shown!.image).toMatchObject({ width: 800, height: 480, bitDepth: 1 });
    expect(first.sleepS).toBeLessThanOrEqual(10);
    const [listed] = await (await t.admin('GET', '/displays')).json();
    expect(listed).toMatchObject({ protocol: 'trmnl', status: 'pending', profileId: 'trmnl-og-1bit', firmware: '1.5.7', macAddress: MAC });
    displayId = listed.id;
    expect(await device.wake()).toMatchObject({ result: 'unchanged', status: 0 });
  });

  it('after approval gets its key through /api/setup once, then its content with the Access-Token', async () => {
    expect((await t.admin('POST', `/displays/${displayId}/approve`)).status).toBe(200);
    const woke = await device.wake();
    expect(device.apiKey).toMatch(/^\S{20,}$/);
    expect(device.shown.at(-2)!.via).toBe('setup');
    expect(woke).toMatchObject({ result: 'shown', status: 0 });
    expect(woke.shown!.filename).toMatch(/^photo-[0-9a-f]{6}-\d{10}$/);
    expect(woke.shown!.image).toMatchObject({ width: 800, height: 480, bitDepth: 1 });
    expect(woke.shown!.contentLength).toBeLessThanOrEqual(90_000);
    expect(await display()).toMatchObject({ status: 'approved', hasToken: true, macOnlyAuth: false, batteryVoltage: 4.01, batteryPercent: 84.2, rssi: -55 });
    expect(await device.wake()).toMatchObject({ result: 'unchanged', status: 0 });
  });

  it('is refused by MAC alone once it holds its key, so another device cannot pose as it', async () => {
    const body = await (await fetch(`${t.urls.http}/api/display`, { headers: { ID: MAC } })).json();
    expect(body).toMatchObject({ status: 403, image_url: null });
  });

  it('sends its log, which is kept on the display, newest first', async () => {
    expect(await device.submitLog('Error fetching API display: 7, detail: HTTP Client failed with error: read Timeout(-11)')).toBe(204);
    expect(await device.submitLog('wifi connection failed, current WL Status: 6')).toBe(204);
    const logs = await (await t.admin('GET', `/displays/${displayId}/logs`)).json();
    expect(logs.map((l: { message: string }) => l.message)).toEqual(['wifi connection failed, current WL Status: 6', 'Error fetching API display: 7, detail: HTTP Client failed with error: read Timeout(-11)']);
    expect(logs[0]).toMatchObject({ source: 'src/bl.cpp:612', details: { device_status_stamp: expect.objectContaining({ wakeup_reason: 'timer' }) } });
  });

  it('on a double press shows its id (identify), then goes back to its content', async () => {
    expect(device.specialFunction).toBe('identify');
    const pressed = await device.wake({ doubleClick: true });
    expect(pressed).toMatchObject({ result: 'special' });
    expect(pressed.shown!.filename).toMatch(/^identify-/);
    const back = await device.wake();
    expect(back.result).toBe('shown');
    expect(back.shown!.filename).toMatch(/^photo-/);
  });

  it('maps rewind and send_to_me to the previous and the next photo', async () => {
    await t.admin('PATCH', `/displays/${displayId}`, { patch: { specialFunction: 'send_to_me' } });
    const before = device.currentFilename;
    expect((await device.wake()).status).toBe(0);
    expect(device.specialFunction).toBe('send_to_me');
    expect(await device.wake({ doubleClick: true })).toMatchObject({ result: 'special' });
    const next = await device.wake();
    expect(next.result).toBe('shown');
    expect(next.shown!.filename).not.toBe(before);

    await t.admin('PATCH', `/displays/${displayId}`, { patch: { specialFunction: 'rewind' } });
    await device.wake();
    expect(await device.wake({ doubleClick: true })).toMatchObject({ result: 'special' });
    const previous = await device.wake();
    expect(previous.result).toBe('shown');
    expect(previous.shown!.filename).toBe(before);
  });

  it('is told to reset its firmware only when the user asks, once', async () => {
    for (let i = 0; i < 3; i++) expect((await device.wake()).result).not.toBe('reset');
    expect((await t.admin('PUT', `/displays/${displayId}/reset-device`, { reset: true })).status).toBe(200);
    expect(await device.wake()).toMatchObject({ result: 'reset' });
    expect(device.wiped).toBe(true);
    expect((await display()).resetRequested).toBe(false);
  });

  it('a device with a wrong token never gets a picture, a 500 or a reset', async () => {
    const impostor = new TrmnlFirmware(t.urls.http, MAC);
    impostor.apiKey = 'not-the-key';
    impostor.friendlyId = 'abc';
    for (let i = 0; i < 3; i++) {
      const woke = await impostor.wake();
      expect(woke.result).toBe('unchanged');
      expect(woke.status).toBe(401);
    }
    expect(impostor.shown).toEqual([]);
    expect(impostor.wiped).toBe(false);
    const res = await fetch(`${t.urls.http}/api/display`, { headers: { ID: MAC, 'Access-Token': 'x'.repeat(5000) } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 401, image_url: null, reset_firmware: false });
  });
});
