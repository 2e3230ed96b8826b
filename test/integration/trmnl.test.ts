import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../main/library/import-folder.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { decodePng } from '../sim/frame.ts';

const MAC = 'AA:BB:CC:DD:EE:01';

describe('TRMNL-compatible protocol', () => {
  let t: TestServer;
  let apiKey: string;

  const get = async (route: string, headers: Record<string, string>) => {
    const res = await fetch(`${t.urls.http}/api${route}`, { headers });
    expect(res.status).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestServer();
    await importFolder(t.server.core.app, path.dirname((await smallPhotoFolder(path.join(t.dataDir, 'incoming'), 3))[0]));
  });
  afterAll(() => t.stop());

  it('pairs through /api/setup with the same approval policy', async () => {
    const pending = await get('/setup', { ID: MAC, 'FW-Version': '1.5.2' });
    expect(pending).toMatchObject({ status: 202, api_key: null, friendly_id: expect.stringMatching(/^[a-z]{3}-[a-z]{3}-[a-z]{3}$/) });
    const [display] = await (await t.admin('GET', '/displays')).json();
    expect(display).toMatchObject({ protocol: 'trmnl', profileId: 'trmnl-og-1bit', status: 'pending' });
    await t.admin('POST', `/displays/${display.id}/approve`);
    const approved = await get('/setup', { ID: MAC });
    expect(approved).toMatchObject({ status: 200, friendly_id: pending.friendly_id, api_key: expect.any(String) });
    apiKey = approved.api_key;
  });

  it('serves /api/display with a stable filename, an absolute image URL and a small 1-bit PNG', async () => {
    const headers = { ID: MAC, 'Access-Token': apiKey, 'Refresh-Rate': '900', 'Battery-Voltage': '4.01', RSSI: '-55', Width: '800', Height: '480', Model: 'og' };
    const first = await get('/display', headers);
    expect(first).toMatchObject({ status: 0, refresh_rate: expect.any(Number), reset_firmware: false });
    expect(first.filename).toMatch(/^photo-[0-9a-f]{6}-\d{10}$/);
    expect(first.image_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/images\/[0-9a-f]{16}\.png$/);
    expect((await get('/display', headers)).filename).toBe(first.filename);
    expect((await get('/current_screen', headers)).filename).toBe(first.filename);

    const image = await fetch(first.image_url);
    expect(image.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(Number(image.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.length).toBeLessThanOrEqual(90_000);
    const png = await decodePng(bytes);
    expect(png).toMatchObject({ width: 800, height: 480, bitDepth: 1, colorType: 0 });
  });

  it('changes the filename exactly when the picture changes', async () => {
    const headers = { ID: MAC, 'Access-Token': apiKey };
    const before = (await get('/display', headers)).filename;
    const [display] = await (await t.admin('GET', '/displays')).json();
    await t.admin('POST', `/displays/${display.id}/override`, { mode: 'dashboard', minutes: 10 });
    const after = (await get('/display', headers)).filename;
    expect(after).toMatch(/^dashboard-/);
    expect(after).not.toBe(before);
  });

  it('never answers 500: unknown tokens and missing ids get a status the firmware survives', async () => {
    expect(await get('/display', { ID: MAC, 'Access-Token': 'bogus' })).toMatchObject({ status: 202, reset_firmware: false });
    expect(await get('/display', {})).toMatchObject({ status: 202 });
    expect(await get('/setup', { ID: 'not-a-mac' })).toMatchObject({ status: 404 });
  });

  it('accepts device logs with a valid token', async () => {
    const res = await fetch(`${t.urls.http}/api/log`, { method: 'POST', headers: { 'content-type': 'application/json', ID: MAC, 'Access-Token': apiKey }, body: JSON.stringify({ logs: [{ message: 'wifi connected' }] }) });
    expect(res.status).toBe(204);
  });
});
