import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/serve-process.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { decodePng } from '../sim/frame.ts';
import { TrmnlFirmware } from '../sim/trmnl-firmware.ts';

const MAC = 'A0:B7:65:00:00:42';

/** The read-only key for Home Assistant and scripts: TRMNL's `GET /api/devices` shape, plus the current screen. */
describe.each(testDatabases('the integration API'))('the integration API (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let key: string;
  const api = (route: string, headers: Record<string, string> = {}) => fetch(`${t.urls.http}/api${route}`, { headers });
  const bearer = () => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    const device = new TrmnlFirmware(t.urls.http, MAC, { batteryVoltage: 3.92, rssi: -68 });
    await device.wake();
    const [display] = await (await t.admin('GET', '/displays')).json();
    await t.admin('POST', `/displays/${display.id}/approve`);
    await device.wake();
    await t.server.core.telemetry.flush();
  });
  afterAll(() => t.stop());

  it('refuses every route without a key, and before one exists', async () => {
    for (const route of ['/devices', '/devices/1', '/current_screen?display=1']) {
      const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer nope' }, { authorization: `Bearer ${t.urls.adminToken}` }];
      for (const headers of attempts) {
        const res = await api(route, headers);
        if (route.startsWith('/current_screen') && !('authorization' in headers)) continue; // a device's own request
        expect(res.status, `${route} ${JSON.stringify(headers)}`).toBe(401);
        expect(await res.json()).toMatchObject({ code: 'not_authenticated' });
      }
    }
  });

  it('lists displays with battery, signal and the current screen, as TRMNL names them', async () => {
    key = (await (await t.admin('POST', '/integrations/key')).json()).key;
    expect(key).toMatch(/^ink_ro_/);
    const { data } = await (await api('/devices', bearer())).json();
    expect(data).toEqual([expect.objectContaining({
      friendly_id: expect.stringMatching(/^[a-z]{3}-[a-z]{3}-[a-z]{3}$/),
      mac_address: MAC,
      battery_voltage: 3.92,
      percent_charged: 76.7,
      rssi: -68,
      wifi_strength: 64,
      firmware_version: '1.5.7',
      status: 'approved',
      last_ping_at: expect.any(String),
      current_screen: expect.objectContaining({ mode: 'photo', image_url: expect.stringContaining('/api/images/'), filename: expect.stringMatching(/^photo-/) }),
    })]);
    const image = await fetch(data[0].current_screen.image_url);
    expect(image.status).toBe(200);
    expect(await decodePng(Buffer.from(await image.arrayBuffer()))).toMatchObject({ width: 800, height: 480 });

    const one = await (await api(`/devices/${data[0].friendly_id}`, bearer())).json();
    expect(one.data.id).toBe(data[0].id);
    expect(await (await api(`/current_screen?display=${data[0].id}`, bearer())).json()).toMatchObject({ status: 200, filename: data[0].current_screen.filename });
    expect((await api('/devices/9999', bearer())).status).toBe(404);
  });

  it('is read-only: the key opens nothing of the admin API', async () => {
    expect((await fetch(`${t.urls.http}/api/admin/displays`, { headers: bearer() })).status).toBe(401);
  });

  it('a new key from the CLI replaces the old one, and a revoked key stops at once', async () => {
    const minted = await runCli(['integration-key', '--data-dir', t.dataDir, ...settings().cliArgs]);
    expect(minted.code).toBe(0);
    const fresh = minted.stdout.trim();
    expect((await api('/devices', bearer())).status).toBe(401);
    key = fresh;
    expect((await api('/devices', bearer())).status).toBe(200);
    expect(await (await t.admin('DELETE', '/integrations/key')).json()).toEqual({ configured: false, createdAt: null });
    expect((await api('/devices', bearer())).status).toBe(401);
  });
});
