import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairFrame } from '../helpers/pairing.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { startFakeHomeAssistant, type FakeHomeAssistant } from '../fakes/home-assistant-server.ts';
import type { SimulatedFrame } from '../sim/frame.ts';

/** A Home Assistant screen holds HA's websocket subscription while the server runs: a state change reaches a long-polling frame at once. */
describe.each(testDatabases('live Home Assistant screens'))('live Home Assistant screens (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer | null = null;
  let ha: FakeHomeAssistant;
  let screenId: number;
  let frame: SimulatedFrame;

  const entities = async () => (await (await t!.admin('GET', `/screens/${screenId}`)).json()).data?.entities as { name: string; state: string }[] | undefined;

  beforeAll(async () => {
    ha = await startFakeHomeAssistant();
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    const values = { base_url: ha.url, token: ha.token, entities: JSON.stringify(['binary_sensor.front_door', 'sensor.living_room_temperature']) };
    const added = await t.admin('POST', '/screen-plugins/home-assistant', { name: 'Hall', values });
    expect(added.status, await added.clone().text()).toBe(200);
    screenId = (await added.json()).id;
    const paired = await pairFrame(t, 'ha-live-frame');
    frame = paired.frame;
    await t.admin('PATCH', `/displays/${paired.displayId}`, { patch: { defaultMode: 'screen', defaultItemId: screenId } });
    await waitFor(() => ha.openSockets() === 1);
    await waitFor(async () => (await entities())?.[0]?.state === 'off');
  });
  afterAll(async () => {
    await t?.stop();
    await ha.close();
  });

  it('wakes a long-polling frame with a new version within 2 s of a state change', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500)); // the subscription's first states are stored and announced
    await frame.poll();
    const before = frame.state!.version;
    const waiting = frame.poll({ wait: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const changed = performance.now();
    ha.setState('binary_sensor.front_door', 'on');
    const { status, state } = await waiting;
    const elapsed = performance.now() - changed;
    expect(status).toBe(200);
    expect(state).toMatchObject({ mode: 'screen', screen: screenId });
    expect(state!.version).not.toBe(before);
    expect(elapsed).toBeLessThan(2000);
    expect(await entities()).toMatchObject([{ name: 'Front door', state: 'on' }, { name: 'Living room', state: '21.4' }]);
  });

  it('follows new settings: the entities chosen now are the ones kept live', async () => {
    const patched = await t!.admin('PATCH', `/screens/${screenId}`, { patch: { fieldValues: { entities: JSON.stringify(['sensor.outside_temperature']) } } });
    expect(patched.status, await patched.clone().text()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await waitFor(() => ha.openSockets() === 1);
    ha.setState('sensor.outside_temperature', '7.5');
    await waitFor(async () => (await entities())?.[0]?.state === '7.5');
    expect(await entities()).toMatchObject([{ name: 'Outside', state: '7.5' }]);
  });

  it('closes the subscription when the screen is deleted, and when the server stops', async () => {
    const second = await t!.admin('POST', '/screen-plugins/home-assistant', { name: 'Kitchen', values: { base_url: ha.url, token: ha.token, entities: JSON.stringify(['light.kitchen']) } });
    expect(second.status).toBe(200);
    await waitFor(() => ha.openSockets() === 2);
    expect((await t!.admin('DELETE', `/screens/${(await second.json()).id}`)).status).toBe(200);
    await waitFor(() => ha.openSockets() === 1);
    await t!.stop();
    t = null;
    await waitFor(() => ha.openSockets() === 0);
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 150 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await condition()).toBe(true);
}
