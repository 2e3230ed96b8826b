import type { AppContext } from '../core/app-context.ts';
import { isOnline } from './presence.ts';

const CHECK_EVERY_MS = 30_000;

/**
 * Notices displays that fell silent. A display counts as offline once it missed three polls (or
 * slept past the end of its sleep schedule plus a margin, see presence.ts). Each outage is announced
 * once: `display-offline` for displays whose notification is on, whose desktop shell turns it into an
 * OS notification; `displays-changed` for every display going offline, so the UI shows it. The outage
 * is remembered in the database by the last-seen time it began at, so a restart (or a second server
 * node) does not announce the same silence again; a display that polls again starts a new one.
 */
export class OfflineMonitor {
  private timer: NodeJS.Timeout | null = null;
  private readonly knownOffline = new Set<number>();
  /** The last sleep end seen per display: its state may be dropped from memory (a settings change) while it sleeps. */
  private readonly lastRestUntil = new Map<number, Date | null>();

  /** `restUntil`: the end of the sleep the display's current state lets it take (null: none), undefined when that state is not in memory. */
  constructor(private readonly app: Pick<AppContext, 'displays' | 'events' | 'log' | 'now'>, private readonly restUntil: (displayId: number) => Date | null | undefined) {}

  start(): void {
    this.timer = setInterval(() => {
      this.check().catch((err: unknown) => this.app.log.warn({ err }, 'offline check failed'));
    }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One round: returns the ids of displays announced as offline in it. */
  async check(): Promise<number[]> {
    const now = this.app.now();
    const heard = await this.app.displays.heardFrom();
    const announced: number[] = [];
    for (const display of heard) {
      const known = this.restUntil(display.id);
      if (known !== undefined) this.lastRestUntil.set(display.id, known);
      const offline = !isOnline(display, this.lastRestUntil.get(display.id) ?? null, now);
      if (!offline) {
        this.knownOffline.delete(display.id);
        continue;
      }
      if (!this.knownOffline.has(display.id)) {
        this.knownOffline.add(display.id);
        this.app.events.emit('displays-changed', { displayId: display.id });
      }
      if (display.notifyOffline && (await this.app.displays.markOutageAnnounced(display))) {
        announced.push(display.id);
        this.app.log.warn({ displayId: display.id, lastSeen: display.lastSeen }, `display ${display.humanId} is offline`);
        this.app.events.emit('display-offline', { displayId: display.id, humanId: display.humanId, name: display.name, lastSeen: display.lastSeen!.toISOString() });
      }
    }
    return announced;
  }
}
