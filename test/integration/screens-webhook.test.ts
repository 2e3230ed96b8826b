import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairFrame } from '../helpers/pairing.ts';
import { RECIPE_FIXTURES_DIR } from '../helpers/recipe-fixtures.ts';
import { exportRecipe } from '../../main/recipes/export-recipe.ts';
import { importFixture } from '../helpers/recipe-fixtures.ts';
import { fixtureNamed, importScreen } from '../helpers/screens.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import type { SimulatedFrame } from '../sim/frame.ts';

const push = (file: string) => fs.readFileSync(path.join(RECIPE_FIXTURES_DIR, 'garden-sensors', file), 'utf8');

/** `POST /api/custom_plugins/<uuid>`: data pushed by Home Assistant or a script reaches a long-polling frame at once. */
describe.each(testDatabases('screen webhooks'))('screen webhooks (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let screen: { id: number; uuid: string; webhookUrl: string | null };
  let frame: SimulatedFrame;
  let hookUrl: string;

  const post = (body: string, url = hookUrl) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const stored = async () => (await (await t.admin('GET', `/screens/${screen.id}`)).json()).data;

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    screen = await importScreen(t, 'garden-sensors');
    hookUrl = `${t.urls.http}/api/custom_plugins/${screen.uuid}`;
    const paired = await pairFrame(t, 'webhook-frame');
    frame = paired.frame;
    await t.admin('PATCH', `/displays/${paired.displayId}`, { patch: { defaultMode: 'screen', defaultItemId: screen.id } });
    await frame.poll();
  });
  afterAll(() => t.stop());

  it('changes what a long-polling frame shows within a second of the POST', async () => {
    const before = frame.state!.version;
    const waiting = frame.poll({ wait: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    const answer = await post(push('push-1.json'));
    expect(answer.status, await answer.clone().text()).toBe(200);
    const { status, state } = await waiting;
    const elapsed = performance.now() - started;
    expect(status).toBe(200);
    expect(state!.version).not.toBe(before);
    expect(state).toMatchObject({ mode: 'screen', screen: screen.id });
    expect(elapsed).toBeLessThan(1000);
  });

  it('deep-merges a second push into the first', async () => {
    expect((await post(push('push-2.json'))).status).toBe(200);
    expect((await stored()).sensors).toEqual({
      greenhouse: { temperature: 24.46, humidity: 71 },
      shed: { temperature: 13.5, humidity: 55 },
      pond: { temperature: 9.2, humidity: 99 },
    });
  });

  it('refuses an oversized, malformed or wrongly shaped body with a 4xx and keeps the data', async () => {
    const before = await stored();
    const big = JSON.stringify({ merge_variables: { text: 'x'.repeat(300 * 1024) } });
    expect((await post(big)).status).toBe(413);
    expect((await post('{"merge_variables": {')).status).toBe(400);
    expect((await post('{"temperature": 3}')).status).toBe(400);
    expect((await post('{"merge_variables": {"a": 1}, "merge_strategy": "append"}')).status).toBe(400);
    expect((await post('[1, 2]')).status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('answers 404 for an unknown address and 400 for a screen that is not a webhook screen', async () => {
    expect((await post('{"merge_variables": {}}', `${t.urls.http}/api/custom_plugins/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const packing = await importScreen(t, 'packing-list');
    expect((await post('{"merge_variables": {}}', `${t.urls.http}/api/custom_plugins/${packing.uuid}`)).status).toBe(400);
  });
});

/** trmnlp's transform.js runs on pushed data as on polled data; a failing transform refuses the push. */
describe.each(testDatabases('screen webhooks through transform.js'))('screen webhooks through transform.js (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let hookUrl: string;
  let screenId: number;

  const post = (body: unknown) => fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const stored = async () => (await (await t.admin('GET', `/screens/${screenId}`)).json()).data;
  // The sender posts a flat list of readings; the recipe's markup wants garden-sensors' shape.
  const transform = `function run(input) {
    if (!Array.isArray(input.readings)) throw new Error('no readings in the push');
    const sensors = {};
    for (const r of input.readings) sensors[r.name] = { temperature: r.celsius, humidity: r.rh };
    return { sensors };
  }`;

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    const recipe = { ...(await importFixture(fixtureNamed('garden-sensors'))), transform };
    const zip = await exportRecipe(recipe, recipe.values);
    const res = await t.admin('POST', '/screens/import', { fileName: 'garden-readings.zip', dataBase64: zip.toString('base64') });
    expect(res.status, await res.clone().text()).toBe(200);
    const screen = await res.json();
    screenId = screen.id;
    hookUrl = `${t.urls.http}/api/custom_plugins/${screen.uuid}`;
  });
  afterAll(() => t.stop());

  it('stores what the transform returns for the pushed data', async () => {
    const answer = await post({ merge_variables: { readings: [{ name: 'greenhouse', celsius: 24.5, rh: 71 }, { name: 'shed', celsius: 12, rh: 55 }] } });
    expect(answer.status, await answer.clone().text()).toBe(200);
    expect(await stored()).toEqual({ sensors: { greenhouse: { temperature: 24.5, humidity: 71 }, shed: { temperature: 12, humidity: 55 } } });
  });

  it('refuses a push the transform fails on with a 400 naming transform.js, and keeps the data', async () => {
    const before = await stored();
    const answer = await post({ merge_variables: { temperature: 3 } });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/transform\.js: .*no readings in the push/);
    expect(await stored()).toEqual(before);
  });
});

/** deep_merge and stream merge into what was pushed before, so a reshaping transform still sees every earlier push. */
describe.each(testDatabases('screen webhooks merging pushes before transform.js'))('screen webhooks merging pushes before transform.js (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let hookUrl: string;
  let screenId: number;

  const post = (body: unknown) => fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const stored = async () => (await (await t.admin('GET', `/screens/${screenId}`)).json()).data;
  // Reshapes the push: neither `station` nor `readings` survives into the stored data as sent.
  const transform = `function run(input) {
    if (input.readings !== undefined && !Array.isArray(input.readings)) throw new Error('readings must be a list');
    const sensors = {};
    for (const r of input.readings ?? []) sensors[r.name] = { temperature: r.celsius, humidity: r.rh };
    return { sensors, heading: (input.station ?? 'no station') + ': ' + (input.readings ?? []).length + ' readings' };
  }`;

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    const recipe = { ...(await importFixture(fixtureNamed('garden-sensors'))), transform };
    const zip = await exportRecipe(recipe, recipe.values);
    const res = await t.admin('POST', '/screens/import', { fileName: 'garden-station.zip', dataBase64: zip.toString('base64') });
    expect(res.status, await res.clone().text()).toBe(200);
    const screen = await res.json();
    screenId = screen.id;
    hookUrl = `${t.urls.http}/api/custom_plugins/${screen.uuid}`;
  });
  afterAll(() => t.stop());

  it('deep_merge: the transform sees an earlier push\'s fields beside the new ones', async () => {
    expect((await post({ merge_variables: { station: 'North field', readings: [{ name: 'greenhouse', celsius: 24.5, rh: 71 }] } })).status).toBe(200);
    const answer = await post({ merge_strategy: 'deep_merge', merge_variables: { readings: [{ name: 'shed', celsius: 12, rh: 55 }] } });
    expect(answer.status, await answer.clone().text()).toBe(200);
    // `station` came only with the first push; deep_merge replaces arrays, so one reading.
    expect(await stored()).toEqual({ sensors: { shed: { temperature: 12, humidity: 55 } }, heading: 'North field: 1 readings' });
  });

  it('stream: the transform sees the appended array, the newest stream_limit kept', async () => {
    expect((await post({ merge_variables: { station: 'Pond', readings: [{ name: 'a', celsius: 1, rh: 10 }] } })).status).toBe(200);
    expect((await post({ merge_strategy: 'stream', merge_variables: { readings: [{ name: 'b', celsius: 2, rh: 20 }] } })).status).toBe(200);
    expect((await post({ merge_strategy: 'stream', stream_limit: 2, merge_variables: { readings: [{ name: 'c', celsius: 3, rh: 30 }] } })).status).toBe(200);
    expect(await stored()).toEqual({ sensors: { b: { temperature: 2, humidity: 20 }, c: { temperature: 3, humidity: 30 } }, heading: 'Pond: 2 readings' });
  });

  it('a push the transform refuses leaves the kept pushes as they were', async () => {
    const before = await stored();
    expect((await post({ merge_strategy: 'stream', merge_variables: { readings: 'not a list' } })).status).toBe(400);
    expect(await stored()).toEqual(before);
    expect((await post({ merge_strategy: 'stream', merge_variables: { readings: [{ name: 'd', celsius: 4, rh: 40 }] } })).status).toBe(200);
    expect(Object.keys((await stored()).sensors)).toEqual(['b', 'c', 'd']);
  });
});
