import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../bin/build-outputs.mjs';
import { frameVersion } from '../../bin/build-frame.mjs';
import { pairFrame } from '../helpers/pairing.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import type { SimulatedFrame } from '../sim/frame.ts';

// What an Inkstand frame reports with each poll (frame/inkstand_frame/hardware.py), as headers.
const REPORT = { 'x-firmware': 'inkstand-frame/0.1.0', 'x-rssi': '-61', 'x-cpu-temperature': '51.2', 'x-uptime': '86400' };

describe.each(testDatabases('frame telemetry: headers → stored with the display → admin API, its history and the integration API'))('frame telemetry: headers → stored with the display → admin API, its history and the integration API (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let frame: SimulatedFrame;
  let displayId: number;

  beforeAll(async () => {
    ensureBuilt(['frame']);
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    ({ frame, displayId } = await pairFrame(t, 'test:telemetry'));
    expect((await frame.poll({ headers: REPORT })).status).toBe(200);
    await t.server.core.telemetry.flush();
  });
  afterAll(() => t.stop());

  it('shows on the display: temperature, uptime, signal, firmware, and that its frame program is older than the server’s', async () => {
    const display = await (await t.admin('GET', `/displays/${displayId}`)).json();
    expect(display).toMatchObject({ cpuTemperature: 51.2, uptimeS: 86400, rssi: -61, firmware: 'inkstand-frame/0.1.0', online: true, notifyOffline: true });
    expect(frameVersion()).not.toBe('0.1.0');
    expect(display.frameProgramOutdated).toBe(true);
  });

  it('keeps a sample for the sparkline, at most one per ten minutes', async () => {
    await frame.poll({ headers: { ...REPORT, 'x-cpu-temperature': '60' } });
    await t.server.core.telemetry.flush();
    const { samples } = await (await t.admin('GET', `/displays/${displayId}/telemetry`)).json();
    expect(samples).toEqual([{ at: expect.any(String), cpuTemperature: 51.2, rssi: -61, batteryVoltage: null }]);
    // The latest value is on the display all the same.
    expect((await (await t.admin('GET', `/displays/${displayId}`)).json()).cpuTemperature).toBe(60);
  });

  it('ignores implausible values and keeps what it had', async () => {
    await frame.poll({ headers: { 'x-cpu-temperature': '9000', 'x-uptime': '-5' } });
    await t.server.core.telemetry.flush();
    expect(await (await t.admin('GET', `/displays/${displayId}`)).json()).toMatchObject({ cpuTemperature: 60, uptimeS: 86400 });
  });

  it('is in the integration API', async () => {
    const { key } = await (await t.admin('POST', '/integrations/key')).json();
    const { data } = await (await fetch(`${t.urls.http}/api/devices/${displayId}`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(data).toMatchObject({ cpu_temperature: 60, uptime_s: 86400, rssi: -61, firmware_version: 'inkstand-frame/0.1.0' });
  });

  it('switches the offline notification per display', async () => {
    const res = await t.admin('PATCH', `/displays/${displayId}`, { patch: { notifyOffline: false } });
    expect(res.status).toBe(200);
    expect((await res.json()).notifyOffline).toBe(false);
    expect((await t.admin('PATCH', `/displays/${displayId}`, { patch: { notifyOffline: 'no' } })).status).toBe(400);
  });
});
