import { entitiesData } from '../builtin-screens/source-data.ts';
import type { AppEvents } from '../core/events.ts';
import type { Logger } from '../core/logger.ts';
import type { HomeAssistantSettings } from '../sources/home-assistant.ts';
import { HomeAssistantLive } from '../sources/home-assistant-live.ts';
import { builtinSettings } from './builtin-plugins.ts';
import type { Screen, ScreenStore } from './screen-store.ts';

const HOME_ASSISTANT = 'home-assistant';
const RETRY_CHECK_MS = 60_000;

interface Feed {
  /** The settings it was opened with: a change of settings opens a new one. */
  key: string;
  live: HomeAssistantLive;
  failedAt: number | null;
}

/** What a live change turns into: the screen's new data, stored as a refresh stores it. */
export type SaveLiveData = (screenId: number, data: unknown) => Promise<void>;

/**
 * Holds one live Home Assistant subscription per Home Assistant screen while the server runs, so
 * a state change reaches the screen's data (and so a long-polling frame) within seconds rather
 * than at the next refresh. Follows `screens-changed`: a new screen or new settings open a feed, a
 * deleted screen closes its own. A feed that could not connect is retried on the next check;
 * once connected, HA's client reconnects by itself.
 */
export class LiveScreens {
  private readonly feeds = new Map<number, Feed>();
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: ScreenStore,
    private readonly events: AppEvents,
    private readonly save: SaveLiveData,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.events.on('screens-changed', ({ kind, id }) => {
      if (kind === 'screen') this.store.find(id).then((screen) => this.follow(id, screen), (err) => this.log.warn({ err, screenId: id }, 'could not read a screen for its live feed'));
    });
    this.timer = setInterval(() => this.followAll(), RETRY_CHECK_MS);
    this.timer.unref();
    this.followAll();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const id of [...this.feeds.keys()]) this.close(id);
  }

  private followAll(): void {
    this.store.list().then((screens) => {
      for (const screen of screens) this.follow(screen.id, screen);
    }, (err) => this.log.warn({ err }, 'could not list the screens for their live feeds'));
  }

  private follow(id: number, screen: Screen | null): void {
    if (!this.unsubscribe) return; // stopped while the screen was being read
    const settings = screen?.builtinId === HOME_ASSISTANT ? validSettings(screen) : null;
    const current = this.feeds.get(id);
    const key = settings ? JSON.stringify(settings) : null;
    if (current && current.key === key && (current.failedAt === null || Date.now() - current.failedAt < RETRY_CHECK_MS)) return;
    if (current) this.close(id);
    if (settings && key) this.open(id, key, settings, screen!.name);
  }

  private open(id: number, key: string, settings: HomeAssistantSettings, name: string): void {
    const feed: Feed = {
      key,
      failedAt: null,
      live: new HomeAssistantLive(settings, (entities) => {
        this.save(id, entitiesData(entities)).catch((err) => this.log.warn({ err, screenId: id }, 'could not store a live Home Assistant update'));
      }),
    };
    this.feeds.set(id, feed);
    feed.live.start().catch((err: Error) => {
      feed.failedAt = Date.now();
      feed.live.stop();
      this.log.warn({ screenId: id, screen: name, err: err.message }, 'Home Assistant live updates are off for now; the screen refreshes on its interval');
    });
  }

  private close(id: number): void {
    this.feeds.get(id)?.live.stop();
    this.feeds.delete(id);
  }
}

/** The screen's settings, or null when they do not validate (its refresh shows that error on its entry). */
function validSettings(screen: Screen): HomeAssistantSettings | null {
  try {
    return builtinSettings(HOME_ASSISTANT, screen.fieldValues) as HomeAssistantSettings;
  } catch {
    return null;
  }
}
