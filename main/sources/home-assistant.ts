import { z } from 'zod';
import { requestJson, serviceUrl, SourceError } from './source-http.ts';

/**
 * Home Assistant entities for a screen: read once over REST (`GET /api/states`) and then kept
 * live over the websocket API (home-assistant-live.ts). Auth is a long-lived access token
 * (HA profile → Security → Long-lived access tokens).
 */
export const homeAssistantSettings = z.strictObject({
  base_url: z.url({ protocol: /^https?$/ }).describe('e.g. http://homeassistant.local:8123'),
  token: z.string().min(20, 'a long-lived access token (HA profile → Security)').max(1000),
  entities: z.array(z.string().regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'an entity id such as binary_sensor.front_door')).min(1).max(40),
});

export type HomeAssistantSettings = z.infer<typeof homeAssistantSettings>;

/** One entity as a screen shows it. */
export interface EntityView {
  entityId: string;
  name: string;
  state: string;
  unit: string | null;
  /** The entity's icon as HA names it ("mdi:door-open"), when it has one. */
  icon: string | null;
  lastChanged: string | null;
  attributes: Record<string, unknown>;
}

export interface HaState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed?: string;
}

/** The chosen entities from HA's state list, in the order chosen; an entity HA does not have shows as "not found". */
export function entityViews(states: Iterable<HaState>, chosen: readonly string[]): EntityView[] {
  const byId = new Map([...states].map((s) => [s.entity_id, s]));
  return chosen.map((entityId) => {
    const state = byId.get(entityId);
    if (!state) return { entityId, name: entityId, state: 'not found', unit: null, icon: null, lastChanged: null, attributes: {} };
    const attributes = state.attributes ?? {};
    return {
      entityId,
      name: typeof attributes.friendly_name === 'string' ? attributes.friendly_name : entityId,
      state: state.state,
      unit: typeof attributes.unit_of_measurement === 'string' ? attributes.unit_of_measurement : null,
      icon: typeof attributes.icon === 'string' ? attributes.icon : null,
      lastChanged: state.last_changed ?? null,
      attributes,
    };
  });
}

/** One REST read of the chosen entities. */
export async function fetchHomeAssistantStates(settings: HomeAssistantSettings, signal?: AbortSignal): Promise<EntityView[]> {
  const label = `Home Assistant at ${new URL(settings.base_url).host}`;
  const states = await requestJson<HaState[]>(serviceUrl(settings.base_url, 'api/states'), { label, signal, headers: { authorization: `Bearer ${settings.token}` } });
  if (!Array.isArray(states)) throw new SourceError(`${label} did not answer with a list of states: is this Home Assistant's address?`);
  return entityViews(states, settings.entities);
}
