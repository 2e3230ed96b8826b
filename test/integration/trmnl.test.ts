import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../main/library/import-folder.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { decodePng } from '../sim/frame.ts';

const MAC = 'AA:BB:CC:DD:EE:01';

describe.each(testDatabases('TRMNL-compatible protocol'))('TRMNL-compatible protocol (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let apiKey: string;
  let displayId: number;

  const get = async (route: string, headers: Record<string, string>) => {
    const res = await fetch(`${t.urls.http}/api${route}`, { headers });
    expect(res.status).toBe(200);
    return res.json();
  };
  const displayByMac = async (mac: string) => {
    const displays: { id: number; macAddress: string | null; profileId: string }[] = await (await t.admin('GET', '/displays')).json();
    return displays.find((d) => d.macAddress === mac.toUpperCase())!;
  };

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    await importFolder(t.server.core.app, path.dirname((await smallPhotoFolder(path.join(t.dataDir, 'incoming'), 3))[0]));
  });
  afterAll(() => t.stop());

  it('pairs through /api/setup with the same approval policy, and hands out the key once', async () => {
    const pending = await get('/setup', { ID: MAC, 'FW-Version': '1.5.2' });
    expect(pending).toMatchObject({ status: 202, api_key: null, friendly_id: expect.stringMatching(/^[a-z]{3}-[a-z]{3}-[a-z]{3}$/) });
    const display = await displayByMac(MAC);
    expect(display).toMatchObject({ protocol: 'trmnl', profileId: 'trmnl-og-1bit', status: 'pending' });
    displayId = display.id;
    await t.admin('POST', `/displays/${displayId}/approve`);
    const approved = await get('/setup', { ID: MAC });
    expect(approved).toMatchObject({ status: 200, friendly_id: pending.friendly_id, api_key: expect.any(String) });
    apiKey = approved.api_key;
    // Asking again is a reflashed device: it waits for approval again, and gets no key meanwhile.
    expect(await get('/setup', { ID: MAC })).toMatchObject({ status: 202, api_key: null });
    await t.admin('POST', `/displays/${displayId}/approve`);
    apiKey = (await get('/setup', { ID: MAC })).api_key;
  });

  it('serves /api/display with a stable filename, an absolute private image URL and a small 1-bit PNG', async () => {
    const headers = { ID: MAC, 'Access-Token': apiKey, 'Refresh-Rate': '900', 'Battery-Voltage': '4.01', RSSI: '-55', Width: '800', Height: '480', 'FW-Version': '1.5.2' };
    const first = await get('/display', headers);
    expect(first).toMatchObject({ status: 0, refresh_rate: expect.any(Number), reset_firmware: false, update_firmware: false, special_function: 'identify' });
    expect(Number.isInteger(first.refresh_rate)).toBe(true);
    expect(first.filename).toMatch(/^photo-[0-9a-f]{6}-\d{10}$/);
    expect(first.image_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/images\/[a-z]{3}-[a-z]{3}-[a-z]{3}\/[0-9a-f]{16}-[0-9a-f]{32}\.png$/);
    expect((await get('/display', headers)).filename).toBe(first.filename);
    expect(await get('/current_screen', headers)).toMatchObject({ status: 200, filename: first.filename, image_url: first.image_url, rendered_at: expect.any(String) });

    const image = await fetch(first.image_url);
    expect(image.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(Number(image.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.length).toBeLessThanOrEqual(90_000);
    expect(await decodePng(bytes)).toMatchObject({ width: 800, height: 480, bitDepth: 1, colorType: 0 });
  });

  it('changes the filename exactly when the picture changes', async () => {
    const headers = { ID: MAC, 'Access-Token': apiKey };
    const before = (await get('/display', headers)).filename;
    await t.admin('POST', `/displays/${displayId}/override`, { mode: 'dashboard', minutes: 10 });
    const after = (await get('/display', headers)).filename;
    expect(after).toMatch(/^dashboard-/);
    expect(after).not.toBe(before);
    await t.admin('DELETE', `/displays/${displayId}/override`);
  });

  it('wakes the device for the next scheduled change, and lets it sleep through quiet hours and sleep mode', async () => {
    const headers = { ID: MAC, 'Access-Token': apiKey };
    await t.admin('PATCH', `/displays/${displayId}`, { patch: { pollIntervalS: 900, rotationIntervalS: 3600, timeZone: 'UTC' } });
    const now = new Date();
    const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
    const start = (minute + 5) % 1440;
    const weekday = start < minute ? (now.getUTCDay() + 1) % 7 : now.getUTCDay();
    await t.admin('PUT', `/displays/${displayId}/rules`, { rules: [{ weekday, startMinute: start, endMinute: Math.min(start + 30, 1440), mode: 'dashboard' }] });
    const untilRule = (await get('/display', headers)).refresh_rate;
    expect(untilRule).toBeGreaterThan(4 * 60 - 5);
    expect(untilRule).toBeLessThanOrEqual(5 * 60 + 2);
    await t.admin('PUT', `/displays/${displayId}/rules`, { rules: [] });

    const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    await t.admin('PATCH', `/displays/${displayId}`, { patch: { quietStart: hhmm((minute + 1439) % 1440), quietEnd: hhmm((minute + 120) % 1440) } });
    const quiet = (await get('/display', headers)).refresh_rate;
    expect(quiet).toBeGreaterThan(119 * 60);
    expect(quiet).toBeLessThanOrEqual(120 * 60 + 2);
    await t.admin('PATCH', `/displays/${displayId}`, { patch: { quietStart: null, quietEnd: null } });

    await t.admin('POST', `/displays/${displayId}/override`, { mode: 'sleep', minutes: 180 });
    const sleeping = await get('/display', headers);
    expect(sleeping.filename).toMatch(/^sleep-/);
    expect(sleeping.refresh_rate).toBeGreaterThan(179 * 60);
    await t.admin('DELETE', `/displays/${displayId}/override`);
    expect((await get('/display', headers)).refresh_rate).toBeLessThanOrEqual(900);
  });

  it('picks the profile from Model, model-id, Width and Height on first contact', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ Model: 'og_plus' }, 'trmnl-og-4grey'],
      [{ 'model-id': 'inky_impression_7_3' }, 'inky-impression-7.3'],
      [{ Width: '1872', Height: '1404' }, 'grey16'],
      [{ Width: '800', Height: '480' }, 'trmnl-og-1bit'],
      [{ Model: 'somebody-elses-board', Width: '1600', Height: '1200' }, 'spectra6-13.3'],
    ];
    for (const [index, [headers, profile]] of cases.entries()) {
      const mac = `AA:BB:CC:DD:EF:0${index}`;
      expect((await get('/display', { ID: mac, ...headers })).status).toBe(0);
      expect((await displayByMac(mac)).profileId, JSON.stringify(headers)).toBe(profile);
    }
  });

  it('lets a MAC-only display require its token: a key is made once, the MAC alone is then refused', async () => {
    const mac = 'AA:BB:CC:DD:EF:00';
    const id = (await displayByMac(mac)).id;
    await t.admin('POST', `/displays/${id}/approve`);
    expect(await get('/display', { ID: mac })).toMatchObject({ status: 0, filename: expect.not.stringMatching(/^pairing-/) });
    const required = await (await t.admin('PUT', `/displays/${id}/require-token`, { required: true })).json();
    expect(required.token).toEqual(expect.any(String));
    expect(required.display).toMatchObject({ macOnlyAuth: false, hasToken: true });
    expect(await get('/display', { ID: mac })).toMatchObject({ status: 403, image_url: null });
    expect(await get('/display', { ID: mac, 'access-token': required.token })).toMatchObject({ status: 0 });
    const again = await (await t.admin('PUT', `/displays/${id}/require-token`, { required: true })).json();
    expect(again.token).toBeNull();
    await t.admin('PUT', `/displays/${id}/require-token`, { required: false });
    expect(await get('/display', { ID: mac })).toMatchObject({ status: 0 });
  });

  it('never answers 500: unknown tokens and missing ids get a status the firmware survives', async () => {
    expect(await get('/display', { ID: MAC, 'Access-Token': 'bogus' })).toMatchObject({ status: 401, image_url: null, reset_firmware: false });
    expect(await get('/display', {})).toMatchObject({ status: 404, image_url: null });
    expect(await get('/setup', { ID: 'not-a-mac' })).toMatchObject({ status: 404 });
  });

  it('stores device logs with a valid token', async () => {
    const res = await fetch(`${t.urls.http}/api/log`, { method: 'POST', headers: { 'content-type': 'application/json', ID: MAC, 'Access-Token': apiKey }, body: JSON.stringify({ logs: [{ message: 'wifi connected', created_at: 1742000523, source_path: 'src/bl.cpp', source_line: 5, wifi_signal: -54 }] }) });
    expect(res.status).toBe(204);
    const [entry] = await (await t.admin('GET', `/displays/${displayId}/logs`)).json();
    expect(entry).toMatchObject({ message: 'wifi connected', loggedAt: '2025-03-15T01:02:03.000Z', source: 'src/bl.cpp:5', details: { wifi_signal: -54 } });
  });
});
