import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KeepingShowCommand, TrmnlDisplayClient } from '../sim/trmnl-display.ts';
import { TrmnlFirmware } from '../sim/trmnl-firmware.ts';
import { e2eSuite, type E2eApp } from './harness.ts';
import { samplePhotos, uploadThroughApi } from './photos-fixture.ts';

const PI_MAC = 'B8:27:EB:AA:00:01';
const FIRMWARE_MAC = 'A0:B7:65:AA:00:02';

describe('TRMNL devices in the browser UI', () => {
  const e2e = e2eSuite();
  let app: E2eApp;
  let photos: string[];
  let pi: TrmnlDisplayClient;
  let tmp: string;

  /** Approves, through the admin API, the device that asked with this MAC; answers its human id. */
  const approve = async (mac: string): Promise<string> => {
    const displays = (await (await app.admin('GET', '/displays')).json()) as { id: number; macAddress: string; humanId: string }[];
    const display = displays.find((d) => d.macAddress === mac)!;
    expect((await app.admin('POST', `/displays/${display.id}/approve`)).status).toBe(200);
    return display.humanId;
  };
  /** The Pi client asks, is approved and shows a photo. */
  const pairedPi = async (): Promise<string> => {
    expect((await pi.cycle()).filename).toMatch(/^pairing-/);
    const humanId = await approve(PI_MAC);
    expect((await pi.cycle()).filename).toMatch(/^photo-/);
    return humanId;
  };
  /** Firmware 1.5 that asked, was approved and woke again with its battery and signal. */
  const pairedFirmware = async (): Promise<TrmnlFirmware> => {
    const device = new TrmnlFirmware(app.urls.http, FIRMWARE_MAC, { batteryVoltage: 3.9, rssi: -61 });
    await device.wake();
    await approve(FIRMWARE_MAC);
    await device.wake();
    return device;
  };

  beforeAll(async () => {
    photos = await samplePhotos(2);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-e2e-trmnl-'));
  });
  beforeEach(async () => {
    app = await e2e.start();
    await uploadThroughApi(app, photos);
    const own = fs.mkdtempSync(path.join(tmp, 'test-'));
    pi = new TrmnlDisplayClient({ baseUrl: app.urls.http, deviceId: PI_MAC, tmpDir: path.join(own, 'pi'), show: new KeepingShowCommand(path.join(own, 'shown')).run });
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('lists a trmnl-display Pi that asked as pending, with its MAC; Approve gives it photos', async () => {
    expect((await pi.cycle()).filename).toMatch(/^pairing-/);
    await app.page.goto(app.uiUrl);
    const card = app.page.locator('[data-testid^="pending-"]');
    await card.waitFor();
    expect(await card.innerText()).toContain(PI_MAC);
    const humanId = (await card.getAttribute('data-testid'))!.replace('pending-', '');
    await card.getByRole('button', { name: 'Approve' }).click();
    await app.page.getByTestId(`display-${humanId}`).waitFor();
    expect((await pi.cycle()).filename).toMatch(/^photo-/);
  });

  it('says plainly that it authenticates by MAC address only, and the switch makes it require a key, shown once', async () => {
    const humanId = await pairedPi();
    await app.page.goto(app.uiUrl);
    const card = app.page.getByTestId(`display-${humanId}`);
    await card.getByText('authenticates by MAC address only').waitFor();
    await card.getByRole('button', { name: 'Settings' }).click();
    const drawer = app.page.getByRole('dialog');
    await drawer.getByTestId('mac-only').waitFor();
    expect(await drawer.getByTestId('mac-only').innerText()).toMatch(/Authenticates by MAC address only/);
    await drawer.getByTestId('mac-only').scrollIntoViewIfNeeded();
    await app.screenshot('trmnl-mac-only');
    await drawer.getByLabel('Require the access token').click();
    const shown = drawer.getByTestId('new-token');
    await shown.waitFor();
    const token = (await shown.locator('code.token').innerText()).trim();
    await app.page.setViewportSize({ width: 1360, height: 2600 });
    await app.screenshot('trmnl-device-settings');
    await app.page.setViewportSize({ width: 1360, height: 900 });

    expect((await pi.cycle()).outcome).toBe('error');
    const keyed = new TrmnlDisplayClient({ ...pi.options, apiKey: token });
    expect((await keyed.cycle()).outcome).toBe('shown');
    await drawer.getByRole('button', { name: 'Close' }).click();
  });

  it('shows a firmware device\'s battery and signal on its card, and its log on its page', async () => {
    const device = await pairedFirmware();
    await app.server.core.telemetry.flush();
    expect(await device.submitLog('Failed to resolve hostname after 5 attempts, continuing...')).toBe(204);

    await app.page.goto(app.uiUrl);
    const card = app.page.getByTestId(`display-${device.friendlyId}`);
    await card.waitFor();
    await expect.poll(() => card.getByTestId('battery').innerText()).toContain('battery 75 %');
    expect(await card.getByTestId('rssi').innerText()).toContain('-61 dBm');
    await card.getByRole('button', { name: 'Settings' }).click();
    const log = app.page.getByRole('dialog').getByTestId('device-log');
    await log.waitFor();
    expect(await log.innerText()).toContain('Failed to resolve hostname after 5 attempts');
    await app.page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  });

  it('makes a read-only integration key in Settings that opens /api/devices', async () => {
    await pairedPi();
    await pairedFirmware();
    await app.page.goto(app.uiUrl);
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await app.page.getByRole('button', { name: 'Make a key' }).click();
    const shown = app.page.getByTestId('integration-key');
    await shown.waitFor();
    const key = (await shown.locator('code.token').innerText()).trim();
    await app.screenshot('settings-integrations');
    const res = await fetch(`${app.urls.http}/api/devices`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).data).toHaveLength(2);
    expect((await fetch(`${app.urls.http}/api/displays/all/actions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"action":"refresh"}' })).status).toBe(403);
  });

  it('makes a control key in Settings that may refresh the displays', async () => {
    await app.page.goto(`${app.uiUrl}#/settings`);
    await app.page.getByRole('button', { name: 'Make a control key' }).click();
    const shown = app.page.getByTestId('control-key');
    await shown.waitFor();
    const key = (await shown.locator('code.token').innerText()).trim();
    expect(key).toMatch(/^ink_ctl_/);
    const res = await fetch(`${app.urls.http}/api/displays/all/actions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"action":"refresh"}' });
    expect(res.status).toBe(200);
  });
});
