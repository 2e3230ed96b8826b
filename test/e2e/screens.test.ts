import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureZip } from '../helpers/screens.ts';
import { e2eSuite, type E2eApp } from './harness.ts';

describe('Screens view in a browser', () => {
  const e2e = e2eSuite();
  let app: E2eApp;

  beforeEach(async () => {
    app = await e2e.start();
  });
  const importGarden = async () => app.admin('POST', '/screens/import', { fileName: 'garden.zip', dataBase64: (await fixtureZip('garden-sensors')).toString('base64') });

  const card = (name: string) => app.page.locator('.screen-card').filter({ has: app.page.getByRole('heading', { name }) });

  it('adds a built-in plugin, edits its fields and previews it on a panel, saying how it is drawn', async () => {
    await app.page.goto(`${app.uiUrl}#/screens`);
    await app.page.getByLabel('Built-in plugin').selectOption({ label: 'Text' });
    await app.page.getByRole('button', { name: 'Add', exact: true }).click();
    const note = card('Text');
    await note.waitFor();
    await expect.poll(() => note.textContent()).toMatch(/Drawn by Inkstand/);

    await note.getByRole('button', { name: 'Edit' }).click();
    await note.getByLabel('text', { exact: true }).fill('Wi-Fi: garden-net');
    await note.getByRole('button', { name: 'Save' }).click();
    await note.getByText('Saved').waitFor();
    const preview = note.locator('img.screen-preview-image');
    await preview.waitFor();
    await note.getByLabel('Panel').selectOption('spectra6-13.3');
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBe(1600);
    await note.getByLabel('View').selectOption('quadrant');
    await expect.poll(() => note.getByTestId('drawn-by').textContent()).toMatch(/Drawn by Inkstand/);
    await app.screenshot('screens-note');
    const screens = await (await app.admin('GET', '/screens')).json();
    expect(screens[0].fields.find((f: { keyname: string }) => f.keyname === 'text').value).toBe('Wi-Fi: garden-net');
  });

  it('imports a TRMNL recipe ZIP and shows its webhook URL; a broken ZIP gets the reason', async () => {
    await app.page.goto(`${app.uiUrl}#/screens`);
    await app.page.getByLabel('Recipe ZIP').setInputFiles({ name: 'garden.zip', mimeType: 'application/zip', buffer: await fixtureZip('garden-sensors') });
    const garden = card('Garden sensors');
    await garden.waitFor();
    await expect.poll(() => garden.textContent()).toMatch(/Takes webhook pushes/);
    await garden.getByRole('button', { name: 'Edit' }).click();
    expect(await garden.getByLabel('Webhook URL').inputValue()).toMatch(/\/api\/custom_plugins\/[0-9a-f-]{36}$/);

    await app.page.getByLabel('Recipe ZIP').setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
    await app.page.locator('.add-screen').getByRole('alert').waitFor();
    expect(await app.page.locator('.screen-card').count()).toBe(1);
  });

  it('builds a mashup and a playlist, and offers them where a display’s mode is chosen', async () => {
    await app.admin('POST', '/screen-plugins/clock', {});
    await importGarden();
    await app.page.goto(`${app.uiUrl}#/screens`);
    await app.page.getByLabel('Mashup name').fill('Hall');
    await app.page.getByLabel('Layout').selectOption('1Lx1R');
    await app.page.getByLabel('Screen 2').selectOption({ label: 'Garden sensors' });
    await app.page.getByRole('button', { name: 'Add mashup' }).click();
    await app.page.getByText('Hall', { exact: true }).waitFor();

    await app.page.getByLabel('Playlist name').fill('Morning');
    await app.page.getByLabel('Item 1 kind').selectOption('mashup');
    await app.page.getByRole('button', { name: 'Add item' }).click();
    await app.page.getByRole('button', { name: 'Save playlist' }).click();
    await app.page.getByText('Morning', { exact: true }).waitFor();
    await app.screenshot('screens-mashup-playlist');
    const [playlist] = await (await app.admin('GET', '/playlists')).json();
    expect(playlist.items.map((i: { kind: string }) => i.kind)).toEqual(['mashup', 'dashboard']);

    const { frame, displayId } = await app.pairedFrame('e2e-screens-frame');
    const display = await (await app.admin('GET', `/displays/${displayId}`)).json();
    await app.page.goto(`${app.uiUrl}#/displays`);
    await app.page.getByTestId(`display-${display.humanId}`).getByRole('button', { name: 'Settings' }).click();
    const drawer = app.page.getByRole('dialog');
    await drawer.getByLabel('Shows by default').selectOption('playlist');
    await drawer.getByLabel('Default item').selectOption({ label: 'Morning' });
    await drawer.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await frame.poll()).state?.mode ?? frame.state?.mode, { timeout: 10_000 }).toBe('playlist');
  });
});
