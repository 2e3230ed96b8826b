import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairFrame } from '../helpers/pairing.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/recipe-fixtures.ts';
import { fixtureNamed, importScreen } from '../helpers/screens.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const POLL = 'GET /v1/stops/4711/departures?limit=6';

/** The tray's "Refresh all screens" (`displays.refreshAll`): polling screens fetch again, then every display draws anew. */
describe.each(testDatabases('refresh all'))('refresh all (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let departures: FixtureServer;
  let busId: number;

  const screen = async (id: number) => (await t.admin('GET', `/screens/${id}`)).json();

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    departures = await startFixtureServer(fixtureNamed('bus-departures'));
    busId = (await importScreen(t, 'bus-departures', { api_key: 'secret-key-1', server_url: departures.baseUrl })).id;
    await importScreen(t, 'garden-sensors');
    const { displayId, frame } = await pairFrame(t, 'refresh-all-frame');
    await t.admin('PATCH', `/displays/${displayId}`, { patch: { defaultMode: 'screen', defaultItemId: busId } });
    await frame.poll();
  });
  afterAll(async () => {
    await t.stop();
    await departures.close();
  });

  it('fetches every polling screen again, however recent its data, and redraws the displays', async () => {
    const before = await screen(busId);
    expect(before.lastFetchedAt).not.toBeNull();
    const polls = departures.requests.filter((r) => r === POLL).length;
    await new Promise((resolve) => setTimeout(resolve, 20));

    const res = await t.admin('POST', '/displays/refresh-all', {});
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ refreshed: 1 });

    expect(departures.requests.filter((r) => r === POLL)).toHaveLength(polls + 1);
    const after = await screen(busId);
    expect(Date.parse(after.lastFetchedAt)).toBeGreaterThan(Date.parse(before.lastFetchedAt));
    expect(after.lastError).toBeNull();
  });

  it('keeps the last good data and records the error when a source fails meanwhile', async () => {
    const good = (await screen(busId)).data;
    await t.admin('PATCH', `/screens/${busId}`, { patch: { fieldValues: { api_key: 'wrong-key' } } });
    const res = await t.admin('POST', '/displays/refresh-all', {});
    expect(res.status).toBe(200);
    const after = await screen(busId);
    expect(after.data).toEqual(good);
    expect(after.lastError).toMatch(/400/);
  });
});
