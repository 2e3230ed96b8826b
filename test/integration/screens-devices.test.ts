import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairFrame } from '../helpers/pairing.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/recipe-fixtures.ts';
import { fixtureNamed, importScreen } from '../helpers/screens.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { TrmnlFirmware } from '../sim/trmnl-firmware.ts';

/** Screens, mashups and playlists on real displays: the Inkstand frame (native protocol) and a TRMNL device. */
describe.each(testDatabases('screens on displays'))('screens on displays (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let departures: FixtureServer;
  const ids: Record<string, number> = {};

  const setDefault = async (displayId: number, defaultMode: string, defaultItemId: number | null) => {
    const res = await t.admin('PATCH', `/displays/${displayId}`, { patch: { defaultMode, defaultItemId } });
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    departures = await startFixtureServer(fixtureNamed('bus-departures'));
    ids.bus = (await importScreen(t, 'bus-departures', { api_key: 'secret-key-1', server_url: departures.baseUrl })).id;
    ids.packing = (await importScreen(t, 'packing-list')).id;
    ids.garden = (await importScreen(t, 'garden-sensors')).id;
    ids.bus2 = (await importScreen(t, 'bus-departures', { api_key: 'secret-key-1', server_url: departures.baseUrl }, 'Second stop')).id;
  });
  afterAll(async () => {
    await t.stop();
    await departures.close();
  });

  it('lists the imported screens with their strategy, fields and webhook URL', async () => {
    const screens = await (await t.admin('GET', '/screens')).json();
    expect(screens.map((s: { strategy: string }) => s.strategy)).toEqual(['polling', 'static', 'webhook', 'polling']);
    const garden = screens.find((s: { id: number }) => s.id === ids.garden);
    expect(garden.webhookUrl).toMatch(new RegExp(`/api/custom_plugins/${garden.uuid}$`));
    expect(garden.drawnBy.engine).toBe('server');
  });

  it('shows a screen on an Inkstand frame, with "screen" in its state, fetching the data first', async () => {
    const { frame, displayId } = await pairFrame(t, 'screen-frame-1');
    await setDefault(displayId, 'screen', ids.bus);
    const { state } = await frame.poll();
    expect(state).toMatchObject({ mode: 'screen', screen: ids.bus });
    const image = await frame.fetchImage();
    expect(image).toMatchObject({ width: 800, height: 480 });
    expect(departures.requests.length).toBeGreaterThan(0);
    const screen = await (await t.admin('GET', `/screens/${ids.bus}`)).json();
    expect(screen).toMatchObject({ lastError: null });
    expect(screen.lastFetchedAt).not.toBeNull();
  });

  it('shows a screen on a TRMNL device as a 1-bit picture within its size limit', async () => {
    const device = new TrmnlFirmware(t.urls.http, 'A0:B7:65:00:19:01');
    await device.wake();
    const listed = (await (await t.admin('GET', '/displays')).json()).find((d: { macAddress: string }) => d.macAddress === 'A0:B7:65:00:19:01');
    await t.admin('POST', `/displays/${listed.id}/approve`);
    await setDefault(listed.id, 'screen', ids.packing);
    const woke = await device.wake();
    expect(woke).toMatchObject({ result: 'shown', status: 0 });
    expect(woke.shown!.filename).toMatch(/^screen-[0-9a-f]{6}-\d{10}$/);
    expect(woke.shown!.image).toMatchObject({ width: 800, height: 480, bitDepth: 1 });
    expect(woke.shown!.contentLength).toBeLessThanOrEqual(90_000);
  });

  for (const [layout, screens] of [['1Lx1R', ['bus', 'packing']], ['2x2', ['bus', 'packing', 'garden', 'bus2']]] as const) {
    for (const [profileId, width, height] of [['inky-impression-7.3', 800, 480], ['spectra6-13.3', 1600, 1200]] as const) {
      it(`draws a ${layout} mashup of ${screens.length} screens at ${width}×${height}`, async () => {
        const created = await t.admin('POST', '/mashups', { mashup: { name: `${layout} test`, layout, screenIds: screens.map((s) => ids[s]) } });
        expect(created.status, await created.clone().text()).toBe(200);
        const mashup = await created.json();
        const preview = await (await t.admin('POST', '/screens/preview', { mashupId: mashup.id, profileId, at: '2025-03-14T08:30:00Z' })).json();
        expect(preview).toMatchObject({ width, height, drawnBy: { engine: 'server' } });
        const meta = await sharp(Buffer.from(preview.dataBase64, 'base64')).metadata();
        expect([meta.width, meta.height]).toEqual([width, height]);
      });
    }
  }

  it('refuses a mashup whose layout takes another number of screens, or names a missing screen', async () => {
    expect((await t.admin('POST', '/mashups', { mashup: { name: 'x', layout: '2x2', screenIds: [ids.bus, ids.packing] } })).status).toBe(400);
    expect((await t.admin('POST', '/mashups', { mashup: { name: 'x', layout: '1Lx1R', screenIds: [ids.bus, 9999] } })).status).toBe(400);
  });

  it('steps through a playlist with buttons A (next) and D (previous)', async () => {
    const mashups = await (await t.admin('GET', '/mashups')).json();
    const playlist = await (await t.admin('POST', '/playlists', {
      playlist: { name: 'Morning', items: [
        { kind: 'screen', itemId: ids.bus, durationS: 600 },
        { kind: 'screen', itemId: ids.packing, durationS: 600 },
        { kind: 'mashup', itemId: mashups[0].id, durationS: 600 },
        { kind: 'dashboard', durationS: 600 },
      ] },
    })).json();
    const { frame, displayId } = await pairFrame(t, 'playlist-frame');
    await t.admin('PATCH', `/displays/${displayId}`, { patch: { buttonMap: { D: { action: 'previous' } } } });
    await setDefault(displayId, 'playlist', playlist.id);
    expect((await frame.poll()).state).toMatchObject({ mode: 'playlist', screen: ids.bus });
    const versions = [frame.state!.version];
    const press = async (button: string) => {
      expect((await frame.press(button)).status).toBe(200);
      versions.push(frame.state!.version);
      return frame.state;
    };
    expect(await press('A')).toMatchObject({ mode: 'playlist', screen: ids.packing });
    expect(await press('A')).toMatchObject({ mode: 'playlist', screen: null });
    expect(await press('D')).toMatchObject({ screen: ids.packing });
    expect(await press('D')).toMatchObject({ screen: ids.bus });
    expect(await press('D')).toMatchObject({ screen: null }); // wraps round to the dashboard
    expect(new Set(versions).size).toBe(4);
  });

  it('refuses an item mode without an item, or with one that does not exist; a used screen cannot be deleted', async () => {
    const [display] = await (await t.admin('GET', '/displays')).json();
    expect((await t.admin('PATCH', `/displays/${display.id}`, { patch: { defaultMode: 'screen', defaultItemId: null } })).status).toBe(400);
    expect((await t.admin('PATCH', `/displays/${display.id}`, { patch: { defaultMode: 'mashup', defaultItemId: 4242 } })).status).toBe(400);
    const refused = await t.admin('DELETE', `/screens/${ids.bus}`);
    expect(refused.status).toBe(400);
    expect((await refused.json()).detail).toMatch(/used by/);
  });
});
