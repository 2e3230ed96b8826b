import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { listenOnLoopback } from './listen.ts';

interface FakeState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed: string;
  last_updated: string;
  context: { id: string; parent_id: null; user_id: null };
}

export interface FakeHomeAssistant {
  url: string;
  token: string;
  states: Map<string, FakeState>;
  /** Changes an entity's state and pushes the change to every `subscribe_entities` subscriber, as HA does. */
  setState(entityId: string, state: string, attributes?: Record<string, unknown>): void;
  /** How many websocket clients are connected now. */
  openSockets(): number;
  close(): Promise<void>;
}

const seconds = (iso: string) => Date.parse(iso) / 1000;

/**
 * Home Assistant on 127.0.0.1: REST `GET /api/states` with `Authorization: Bearer`, and the
 * websocket API at `/api/websocket` speaking its auth phase (auth_required, auth, auth_ok or
 * auth_invalid), `supported_features`, `ping` and `subscribe_entities` with HA's compressed
 * messages (`a` full states, `c` changes with `+`, `r` removals).
 */
export async function startFakeHomeAssistant(): Promise<FakeHomeAssistant> {
  const token = 'eyJhbGciOiJIUzI1NiJ9.long-lived-token.signature';
  const at = '2025-10-15T07:00:00.000000+00:00';
  const state = (entity_id: string, value: string, attributes: Record<string, unknown>): FakeState => ({ entity_id, state: value, attributes, last_changed: at, last_updated: at, context: { id: '01JA0000000000000000000000', parent_id: null, user_id: null } });
  const states = new Map([
    state('binary_sensor.front_door', 'off', { device_class: 'door', friendly_name: 'Front door' }),
    state('sensor.living_room_temperature', '21.4', { unit_of_measurement: '°C', device_class: 'temperature', friendly_name: 'Living room', state_class: 'measurement' }),
    state('light.kitchen', 'on', { brightness: 180, friendly_name: 'Kitchen', icon: 'mdi:ceiling-light' }),
    state('sensor.outside_temperature', '9.5', { unit_of_measurement: '°C', friendly_name: 'Outside' }),
  ].map((s) => [s.entity_id, s]));
  const subscribers = new Set<{ socket: WebSocket; id: number }>();
  const server = http.createServer((req, res) => {
    res.setHeader('connection', 'close');
    if (req.headers.authorization !== `Bearer ${token}`) return res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('401: Unauthorized');
    if (req.url === '/api/states') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([...states.values()]));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('404: Not Found');
  });
  const sockets = new WebSocketServer({ server, path: '/api/websocket' });
  sockets.on('connection', (socket) => {
    const send = (message: unknown) => socket.send(JSON.stringify(message));
    let authed = false;
    send({ type: 'auth_required', ha_version: '2025.10.2' });
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; type: string; access_token?: string };
      if (!authed) {
        if (message.type === 'auth' && message.access_token === token) {
          authed = true;
          return send({ type: 'auth_ok', ha_version: '2025.10.2' });
        }
        send({ type: 'auth_invalid', message: 'Invalid access token or password' });
        return socket.close();
      }
      if (message.type === 'subscribe_entities') {
        subscribers.add({ socket, id: message.id! });
        send({ id: message.id, type: 'result', success: true, result: null });
        const all = Object.fromEntries([...states.values()].map((s) => [s.entity_id, { s: s.state, a: s.attributes, c: s.context.id, lc: seconds(s.last_changed) }]));
        return send({ id: message.id, type: 'event', event: { a: all } });
      }
      if (message.type === 'ping') return send({ id: message.id, type: 'pong' });
      if (message.type === 'unsubscribe_events') return send({ id: message.id, type: 'result', success: true, result: null });
      send({ id: message.id, type: 'result', success: true, result: null }); // supported_features and the rest
    });
    socket.on('close', () => { for (const s of subscribers) if (s.socket === socket) subscribers.delete(s); });
  });
  const { origin, close } = await listenOnLoopback(server);
  return {
    url: origin,
    token,
    states,
    setState(entityId, value, attributes) {
      const now = new Date().toISOString();
      const old = states.get(entityId)!;
      states.set(entityId, { ...old, state: value, attributes: { ...old.attributes, ...attributes }, last_changed: now, last_updated: now });
      for (const { socket, id } of subscribers) socket.send(JSON.stringify({ id, type: 'event', event: { c: { [entityId]: { '+': { s: value, lc: seconds(now), c: '01JA0000000000000000000001', ...(attributes ? { a: attributes } : {}) } } } } }));
    },
    openSockets: () => sockets.clients.size,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await close();
    },
  };
}
