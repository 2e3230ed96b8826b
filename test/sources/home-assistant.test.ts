import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchHomeAssistantStates, homeAssistantSettings, type EntityView, type HomeAssistantSettings } from '../../main/sources/home-assistant.ts';
import { HomeAssistantLive } from '../../main/sources/home-assistant-live.ts';
import { SourceError } from '../../main/sources/source-http.ts';
import { startFakeHomeAssistant, type FakeHomeAssistant } from '../fakes/home-assistant-server.ts';

let ha: FakeHomeAssistant;
let settings: HomeAssistantSettings;
let live: HomeAssistantLive | null = null;

beforeEach(async () => {
  ha = await startFakeHomeAssistant();
  settings = homeAssistantSettings.parse({ base_url: ha.url, token: ha.token, entities: ['binary_sensor.front_door', 'sensor.living_room_temperature', 'light.kitchen', 'sensor.gone'] });
});

afterEach(async () => {
  live?.stop();
  live = null;
  await ha.close();
});

describe('Home Assistant over REST', () => {
  it('reads the chosen entities in order: name, state, unit, icon, last changed', async () => {
    const views = await fetchHomeAssistantStates(settings);
    expect(views.map((v) => [v.name, v.state, v.unit, v.icon, v.lastChanged])).toEqual([
      ['Front door', 'off', null, null, '2025-10-15T07:00:00.000000+00:00'],
      ['Living room', '21.4', '°C', null, '2025-10-15T07:00:00.000000+00:00'],
      ['Kitchen', 'on', null, 'mdi:ceiling-light', '2025-10-15T07:00:00.000000+00:00'],
      ['sensor.gone', 'not found', null, null, null],
    ]);
    expect(views[2].attributes.brightness).toBe(180);
  });

  it('says the token was refused, and validates entity ids', async () => {
    await expect(fetchHomeAssistantStates({ ...settings, token: 'x'.repeat(30) })).rejects.toThrow(new SourceError(`Home Assistant at ${new URL(ha.url).host} refused the request (HTTP 401): check the token or API key: 401: Unauthorized`));
    expect(homeAssistantSettings.safeParse({ ...settings, entities: ['Front Door'] }).success).toBe(false);
    expect(homeAssistantSettings.safeParse({ ...settings, entities: [] }).success).toBe(false);
  });
});

describe('Home Assistant live over its websocket API', () => {
  it('delivers the current states, then a door opening within two seconds, and ignores other entities', async () => {
    const updates: { at: number; views: EntityView[] }[] = [];
    live = new HomeAssistantLive(settings, (views) => updates.push({ at: Date.now(), views }));
    await live.start();
    await waitFor(() => updates.length === 1);
    expect(updates[0].views[0].state).toBe('off');
    ha.setState('sensor.outside_temperature', '9.3'); // not chosen: no update
    const opened = Date.now();
    ha.setState('binary_sensor.front_door', 'on');
    await waitFor(() => updates.length === 2);
    expect(updates[1].at - opened).toBeLessThan(2000);
    expect(updates[1].views[0]).toMatchObject({ name: 'Front door', state: 'on' });
    expect(updates[1].views[1].state).toBe('21.4');
  });

  it('says when the token is refused', async () => {
    live = new HomeAssistantLive({ ...settings, token: 'y'.repeat(30) }, () => {});
    await expect(live.start()).rejects.toThrow(/refused the access token/);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
}
