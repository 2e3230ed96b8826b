import type { Logger } from '../core/logger.ts';
import { isBuiltin, loadBuiltinData, type BuiltinSources } from './builtin-plugins.ts';
import { ScreenInputError } from './errors.ts';
import type { DrawContext, ScreenRecipes } from './recipe-port.ts';
import type { ScreenLibrary } from './screen-library.ts';
import { readPushed, writePushed } from './pushed-data.ts';
import type { ScreenPictures } from './screen-pictures.ts';
import type { Screen, ScreenStore } from './screen-store.ts';

const DUE_CHECK_INTERVAL_MS = 30_000;

export class WebhookNotFoundError extends Error {}

/** The context a fetch runs in when no display asks (the app's own zone and locale, no device). */
export function appDrawContext(at: Date, size = { width: 800, height: 480 }): DrawContext {
  return { at, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: 'en', ...size, percentCharged: null, wifiStrength: null };
}

/** Polling recipes and built-ins fetch their data; webhook screens are pushed theirs, static ones carry it. */
function fetchesData(screen: Screen): boolean {
  return screen.strategy === 'polling' || isBuiltin(screen.builtinId);
}

export interface RefreshOutcome {
  screen: Screen;
  error: string | null;
}

/**
 * Keeps every screen's data: polls each polling screen on its refresh interval (and on "refresh
 * now"), takes webhook pushes, and stores the result. A failed fetch keeps the last good data and
 * records the error on the screen. One fetch or push at a time per screen, so a deep_merge never
 * loses an update to a concurrent one.
 */
export class ScreenData {
  private readonly chains = new Map<number, Promise<unknown>>();
  private readonly polling = new Set<number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: ScreenStore,
    private readonly library: ScreenLibrary,
    private readonly recipes: Pick<ScreenRecipes, 'poll' | 'applyWebhook' | 'serialize' | 'parse'>,
    private readonly log: Logger,
    private readonly now: () => Date,
    /** The pictures new data links to, fetched before it is stored. */
    private readonly pictures: Pick<ScreenPictures, 'fetchFor'>,
    /** Screens whose source pushes changes (Home Assistant): held open while the data runs. */
    private readonly live?: { start(): void; stop(): void },
    /** The stored data built-ins draw from (weather) and the settings they read (the AI provider). */
    private readonly builtinSources?: BuiltinSources,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.refreshDue(), DUE_CHECK_INTERVAL_MS);
    this.timer.unref();
    this.refreshDue();
    this.live?.start();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.live?.stop();
  }

  /**
   * Data a live source pushed, stored as a refresh stores it (in turn with fetches and pushes). The
   * same data again (a subscription's first states after a start or a reconnect) is not stored, so
   * no frame wakes for nothing; a screen deleted meanwhile is left alone.
   */
  async storeLive(id: number, data: unknown): Promise<void> {
    await this.serial(id, async () => {
      const screen = await this.store.find(id);
      if (screen && !(screen.lastError === null && JSON.stringify(screen.data) === JSON.stringify(data))) await this.save(screen, data);
    });
  }

  /** Fetches a screen's data now: a polling recipe polls, a built-in asks its source, a static recipe takes its static data (through its transform). Webhook screens keep what they have. */
  async refresh(id: number): Promise<RefreshOutcome> {
    return this.serial(id, async () => {
      const screen = await this.store.get(id);
      if (screen.strategy === 'webhook') return { screen, error: null };
      try {
        const context = { ...appDrawContext(this.now()), instanceName: screen.name };
        if (isBuiltin(screen.builtinId)) {
          const loaded = await loadBuiltinData(screen.builtinId, screen.fieldValues, { now: context.at, timeZone: context.timeZone, locale: context.locale, app: this.builtinSources }, screen.data);
          if (loaded.error) {
            // Nothing to keep: the source's placeholder (a card saying what it needs) is shown meanwhile.
            if (screen.data === null && loaded.data !== null) await this.save(screen, loaded.data);
            throw new Error(loaded.error);
          }
          await this.save(screen, loaded.data);
        } else {
          await this.save(screen, await this.recipes.poll(this.library.folder(screen), screen.fieldValues, screen.pollingUrl, context));
        }
        return { screen: await this.store.get(id), error: null };
      } catch (err) {
        const message = (err as Error).message || String(err);
        await this.store.saveError(id, message);
        this.log.warn({ screenId: id, err: message }, 'screen data fetch failed; the last good data stays');
        return { screen: await this.store.get(id), error: message };
      }
    });
  }

  /**
   * Fetches every screen that fetches its data (polling recipes and built-ins) now, whatever its
   * interval: the tray's "Refresh all screens". Each keeps its last good data on a failure.
   */
  async refreshAll(): Promise<RefreshOutcome[]> {
    const screens = (await this.store.list()).filter(fetchesData);
    return Promise.all(screens.map((screen) => this.refresh(screen.id)));
  }

  /** A webhook POST for the screen with this uuid; the body's shape is checked before anything changes. */
  async push(uuid: string, body: Uint8Array): Promise<Screen> {
    const found = await this.store.findByUuid(uuid);
    if (!found) throw new WebhookNotFoundError('no screen has this webhook address');
    if (found.strategy !== 'webhook') throw new ScreenInputError(`screen "${found.name}" takes its data by ${found.strategy}, not by webhook`);
    return this.serial(found.id, async () => {
      const screen = await this.store.get(found.id);
      const folder = this.library.folder(screen);
      // Screens pushed to before the pushes were kept apart merge into their stored data.
      const pushed = (await readPushed(folder, this.recipes)) ?? screen.data ?? {};
      let next: { pushed: unknown; data: unknown };
      try {
        next = await this.recipes.applyWebhook(folder, pushed, body);
      } catch (err) {
        throw new ScreenInputError((err as Error).message);
      }
      await writePushed(folder, next.pushed, this.recipes);
      await this.save(screen, next.data);
      return this.store.get(screen.id);
    });
  }

  /** New data: the pictures it links to fetched first, so the redraw that storing it starts has them. */
  private async save(screen: Screen, data: unknown): Promise<void> {
    await this.pictures.fetchFor(screen, data, { ...appDrawContext(this.now()), instanceName: screen.name }).catch((err) => {
      this.log.warn({ screenId: screen.id, err }, 'could not fetch the pictures a screen links to');
    });
    await this.store.saveData(screen.id, data);
  }

  /** Polling screens and built-ins whose data (or last failed attempt) is older than their refresh interval. */
  private refreshDue(): void {
    this.store.list().then((screens) => {
      const now = this.now().getTime();
      for (const screen of screens) {
        if (!fetchesData(screen) || this.polling.has(screen.id)) continue;
        const last = Math.max(screen.dataFetchedAt?.getTime() ?? 0, screen.lastErrorAt?.getTime() ?? 0);
        if (now - last < screen.refreshMinutes * 60_000) continue;
        this.polling.add(screen.id);
        this.refresh(screen.id).catch(() => undefined).finally(() => this.polling.delete(screen.id));
      }
    }).catch((err) => this.log.warn({ err }, 'could not check which screens are due'));
  }

  private serial<T>(id: number, run: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(id) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.chains.set(id, settled);
    void settled.then(() => {
      if (this.chains.get(id) === settled) this.chains.delete(id);
    });
    return next;
  }
}
