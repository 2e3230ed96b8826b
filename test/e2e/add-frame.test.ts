import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../bin/build-outputs.mjs';
import { e2eSuite, type E2eApp } from './harness.ts';

describe('Add a frame, and what a frame reports on its card, in a browser against the real server', () => {
  const e2e = e2eSuite();
  let app: E2eApp;

  beforeAll(() => {
    ensureBuilt(['frame']);
  });
  beforeEach(async () => {
    app = await e2e.start();
  });

  it('shows the install command for the address a Pi reaches, its QR code, the fingerprint and the panel guide', async () => {
    await app.page.goto(app.uiUrl);
    await app.page.getByRole('button', { name: 'Add a frame' }).click();
    const command = await app.page.getByTestId('install-command').innerText();
    // The test server listens on 127.0.0.1 only, so that is the address a Pi could use.
    expect(command).toMatch(/^curl -fsSL http:\/\/127\.0\.0\.1:\d+\/frame\/install\.sh \| sudo sh$/);
    const installer = await (await fetch(command.split(' ')[2])).text();
    expect(installer).toContain(`FINGERPRINT='${await app.page.getByTestId('fingerprint').innerText()}'`);
    await expect.poll(() => app.page.getByTestId('install-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const guide = await fetch(await app.page.getByTestId('panel-guide').getAttribute('href') as string);
    expect(await guide.text()).toContain('waveshare:epd7in3f');
    await app.page.getByText('Show the panel guide here').click();
    expect(await app.page.getByTestId('panel-guide-text').innerText()).toContain('| Waveshare 7.3" (F) 7-colour | `waveshare:epd7in3f`');
    await app.screenshot('add-frame');
  });

  it('puts the telemetry a frame sends on its card: temperature with its sparkline, uptime, firmware, an outdated program', async () => {
    const { frame } = await app.pairedFrame('e2e-health');
    const headers = { 'x-firmware': 'inkstand-frame/0.1.0', 'x-rssi': '-58', 'x-uptime': '93784' };
    await frame.poll({ headers: { ...headers, 'x-cpu-temperature': '48.5' } });
    await app.server.core.telemetry.flush();
    app.clock.skip(11 * 60_000); // the next sample, ten minutes on
    await frame.poll({ headers: { ...headers, 'x-cpu-temperature': '53.0' } });
    await app.server.core.telemetry.flush();

    await app.page.goto(app.uiUrl);
    const card = app.page.getByTestId(`display-${frame.humanId}`);
    await expect.poll(() => card.getByTestId('cpu-temperature').innerText()).toContain('CPU 53.0 °C');
    await expect.poll(() => card.getByRole('img', { name: /CPU temperature, last days: 48.5 to 53/ }).count()).toBe(1);
    expect(await card.getByTestId('uptime').innerText()).toBe('up 1 d 2 h');
    expect(await card.getByTestId('firmware').innerText()).toBe('inkstand-frame/0.1.0');
    expect(await card.getByTestId('frame-outdated').textContent()).toContain('older than the server');
    expect(await card.getByTestId('rssi').innerText()).toContain('-58 dBm');
    await app.screenshot('display-card-health');
  });
});
