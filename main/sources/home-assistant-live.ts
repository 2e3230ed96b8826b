import {
  createConnection, createLongLivedTokenAuth, ERR_CANNOT_CONNECT, ERR_INVALID_AUTH, subscribeEntities, type Connection, type HassEntities, type HaWebSocket,
} from 'home-assistant-js-websocket';
import WebSocket from 'ws';
import { entityViews, type EntityView, type HomeAssistantSettings } from './home-assistant.ts';
import { SourceError } from './source-http.ts';

/**
 * Keeps the chosen entities live over HA's websocket API (`subscribe_entities`) with HA's own
 * client, home-assistant-js-websocket (it applies the compressed state diffs and reconnects with
 * back-off), so a door left open shows within seconds instead of at the next poll. Its socket is
 * `ws`: Node 20 has no WebSocket of its own. `onChange` is called once with the current states
 * and again whenever one of the chosen entities changes.
 */
export class HomeAssistantLive {
  private connection: Connection | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly settings: HomeAssistantSettings, private readonly onChange: (entities: EntityView[]) => void) {}

  async start(): Promise<void> {
    const auth = createLongLivedTokenAuth(this.settings.base_url.replace(/\/$/, ''), this.settings.token);
    const label = `Home Assistant at ${new URL(this.settings.base_url).host}`;
    try {
      this.connection = await createConnection({ auth, createSocket: () => openSocket(auth.wsUrl, this.settings.token) });
    } catch (err) {
      if (err === ERR_INVALID_AUTH) throw new SourceError(`${label} refused the access token (make a long-lived access token in your HA profile → Security)`);
      if (err === ERR_CANNOT_CONNECT) throw new SourceError(`could not reach ${label}'s websocket API`);
      throw err;
    }
    if (this.stopped) return this.connection.close(); // stopped while connecting
    let last = '';
    this.unsubscribe = subscribeEntities(this.connection, (all: HassEntities) => {
      const views = entityViews(Object.values(all), this.settings.entities);
      const key = JSON.stringify(views);
      if (key === last) return; // another entity changed
      last = key;
      this.onChange(views);
    });
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.connection?.close();
    this.unsubscribe = null;
    this.connection = null;
  }
}

/** HA's auth phase (auth_required → auth → auth_ok) on a `ws` socket, as the library's own createSocket does on a browser's. */
function openSocket(url: string, token: string): Promise<HaWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url) as WebSocket & { haVersion: string };
    const fail = (error: number) => {
      socket.removeAllListeners();
      socket.terminate();
      reject(error);
    };
    socket.on('error', () => fail(ERR_CANNOT_CONNECT));
    socket.on('close', () => fail(ERR_CANNOT_CONNECT));
    socket.on('message', (data) => {
      let message: { type?: string; ha_version?: string };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        return fail(ERR_CANNOT_CONNECT);
      }
      if (message.type === 'auth_required') socket.send(JSON.stringify({ type: 'auth', access_token: token }));
      else if (message.type === 'auth_invalid') fail(ERR_INVALID_AUTH);
      else if (message.type === 'auth_ok') {
        socket.removeAllListeners();
        socket.haVersion = message.ha_version ?? '';
        // ws has the add/removeEventListener, send and close the connection uses; it never dispatches events itself.
        resolve(socket as unknown as HaWebSocket);
      }
    });
  });
}
