import type { DisplayContent } from '../core/app-context.ts';
import type { AppEvents } from '../core/events.ts';
import type { Logger } from '../core/logger.ts';
import { Turns } from '../core/turns.ts';
import type { DisplayStore } from '../displays/display-store.ts';
import { isItemMode } from '../screens/mode-items.ts';
import type { DisplayMode } from '../storage/entities/display.ts';
import { isDatabaseUnavailable } from '../storage/errors.ts';
import type { DisplayState } from './display-state.ts';
import type { PhotoPicker } from './photo-picker.ts';
import type { DecideOptions, RotationPolicy } from './rotation-policy.ts';

export { DisplayGoneError, type PhotoStep } from './rotation-policy.ts';

const DUE_CHECK_INTERVAL_MS = 1000;

export interface DisplayContentDeps {
  policy: RotationPolicy;
  displays: Pick<DisplayStore, 'approved'>;
  picker: Pick<PhotoPicker, 'variantFile'>;
  events: AppEvents;
  log: Logger;
  now(): Date;
}

interface Entry {
  state: DisplayState | null;
  /** In photo mode, the variant on screen (null: the library had nothing to show). */
  variantId: number | null;
  dirty: boolean;
  /** Recomputations of one display run one after another. */
  chain: Promise<unknown>;
  /** The recomputation waiting its turn, not yet started. */
  queued: QueuedRecompute | null;
  waiters: Set<() => void>;
}

interface QueuedRecompute {
  options: DecideOptions;
  run: Promise<DisplayState>;
}

/**
 * The state cache of every display: what it shows now, its version and etag, and the long-polls
 * waiting for it to change. Polls are answered from memory; the rotation policy is asked only when
 * something changed (a store announced a write) or came due.
 */
export class DisplayContentService implements DisplayContent {
  private readonly entries = new Map<number, Entry>();
  private readonly turns = new Turns();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void)[] = [];
  private photoCheck: Promise<void> | null = null;
  private photoCheckAgain = false;

  constructor(private readonly deps: DisplayContentDeps) {
    // The display store announces every write; telemetry and the photo moving on are this cache's own doing or beside the point.
    this.unsubscribe.push(deps.events.on('displays-changed', ({ displayId, change }) => {
      if (change === 'telemetry' || change === 'showing') return;
      if (change === 'removed' && displayId !== undefined) this.forget(displayId);
      else this.invalidate(displayId);
    }));
  }

  start(): void {
    this.timer = setInterval(() => this.recomputeDue(), DUE_CHECK_INTERVAL_MS);
    this.timer.unref();
    // An addition (each photo of a folder import) takes nothing away: no need to look up every variant on screen again.
    this.unsubscribe.push(this.deps.events.on('photos-changed', ({ added }) => (added ? this.invalidatePhotoless() : this.recheckPhotos())));
    this.unsubscribe.push(this.deps.events.on('screens-changed', () => this.invalidateItemModes()));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe.forEach((off) => off());
    this.unsubscribe = [];
    for (const entry of this.entries.values()) for (const wake of entry.waiters) wake();
  }

  /**
   * The current state, recomputed only when it is stale. While the database cannot be reached
   * (PostgreSQL restarting), the last state is answered from memory; it is recomputed once the
   * database is back (the change feed's reconnection marks every display stale).
   */
  async current(displayId: number): Promise<DisplayState> {
    const fresh = this.inMemory(displayId);
    if (fresh) return fresh;
    try {
      return await this.recompute(displayId);
    } catch (err) {
      const last = this.entries.get(displayId)?.state;
      if (last && isDatabaseUnavailable(err)) return last;
      throw err;
    }
  }

  /** The current state when memory has it and nothing made it stale; undefined when it must be recomputed. */
  inMemory(displayId: number): DisplayState | undefined {
    const entry = this.entries.get(displayId);
    if (!entry?.state || entry.dirty) return undefined;
    const due = entry.state.nextChangeAt && entry.state.nextChangeAt.getTime() <= this.deps.now().getTime();
    return due ? undefined : entry.state;
  }

  /** Resolves when the display's state differs from `etag`, or after `timeoutMs`. */
  async waitForChange(displayId: number, etag: string, timeoutMs: number, signal?: AbortSignal): Promise<DisplayState> {
    const state = await this.current(displayId);
    if (state.etag !== etag || timeoutMs <= 0) return state;
    const entry = this.entry(displayId);
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        entry.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      entry.waiters.add(done);
      signal?.addEventListener('abort', done);
    });
    return this.current(displayId);
  }

  /** Something the display depends on changed: recompute now if a frame is waiting, else on its next poll. */
  invalidate(displayId?: number): void {
    const ids = displayId === undefined ? [...this.entries.keys()] : [displayId];
    for (const id of ids) {
      const entry = this.entry(id);
      entry.dirty = true;
      if (entry.waiters.size > 0) this.recomputeInBackground(id);
    }
  }

  forget(displayId: number): void {
    const entry = this.entries.get(displayId);
    if (entry) for (const wake of entry.waiters) wake();
    this.entries.delete(displayId);
  }

  /**
   * Recomputes after every earlier recomputation of the display. A plain one (no options) and one
   * still waiting its turn are one: an action's own write invalidates the display before the action
   * asks for its step or fresh dashboard, and two computations would draw two pictures, the first
   * waking a long-poll with what the action is about to replace.
   */
  async recompute(displayId: number, options: DecideOptions = {}): Promise<DisplayState> {
    const entry = this.entry(displayId);
    const queued = entry.queued;
    if (queued && (isPlain(options) || isPlain(queued.options))) {
      if (!isPlain(options)) queued.options = options;
      return queued.run;
    }
    const job: QueuedRecompute = {
      options,
      run: entry.chain.then(() => this.turns.next()).then(() => {
        if (entry.queued === job) entry.queued = null;
        return this.compute(displayId, job.options);
      }),
    };
    entry.queued = job;
    entry.chain = job.run.catch(() => undefined);
    return job.run;
  }

  async refreshAll(options: { modes?: DisplayMode[] } = {}): Promise<number> {
    let count = 0;
    for (const display of await this.deps.displays.approved()) {
      const state = await this.recompute(display.id, { freshDashboard: true });
      if (!options.modes || options.modes.includes(state.mode)) count++;
    }
    return count;
  }

  async prerenderDashboards(): Promise<number> {
    const rendered = await this.deps.policy.prerenderDashboards(this.deps.now());
    for (const displayId of rendered) this.invalidate(displayId);
    return rendered.length;
  }

  private entry(displayId: number): Entry {
    let entry = this.entries.get(displayId);
    if (!entry) {
      entry = { state: null, variantId: null, dirty: true, chain: Promise.resolve(), queued: null, waiters: new Set() };
      this.entries.set(displayId, entry);
    }
    return entry;
  }

  /** New or removed panel images: the displays that may show the newest dashboard (dashboard and item modes) look again. */
  invalidateDashboards(): void {
    for (const [displayId, entry] of this.entries) {
      if (entry.state && (entry.state.mode === 'dashboard' || isItemMode(entry.state.mode))) this.invalidate(displayId);
    }
  }

  /**
   * The library changed. A deleted or hidden photo leaves the displays that show it at once, and
   * displays with nothing to show pick up new photos; every other display keeps its picture and
   * its polls stay answered from memory (an import does not make a whole fleet recompute). One
   * check at a time; changes meanwhile get one more.
   */
  recheckPhotos(): void {
    if (this.photoCheck) {
      this.photoCheckAgain = true;
      return;
    }
    this.photoCheck = this.invalidateUnavailablePhotos()
      .catch((err) => this.deps.log.warn({ err }, 'could not check the photos on screen'))
      .finally(() => {
        this.photoCheck = null;
        if (this.photoCheckAgain) {
          this.photoCheckAgain = false;
          this.recheckPhotos();
        }
      });
  }

  /** A screen's data or settings, a mashup or a playlist changed: displays showing any of them draw again. */
  private invalidateItemModes(): void {
    for (const [displayId, entry] of this.entries) {
      if (entry.state && isItemMode(entry.state.mode)) this.invalidate(displayId);
    }
  }

  /** Displays in photo mode that had no photo to show (an empty library) draw again. */
  private invalidatePhotoless(): void {
    for (const [displayId, entry] of this.entries) {
      if (entry.state?.mode === 'photo' && entry.variantId === null) this.invalidate(displayId);
    }
  }

  private async invalidateUnavailablePhotos(): Promise<void> {
    this.invalidatePhotoless();
    const showing = new Map<number, number[]>();
    for (const [displayId, entry] of this.entries) {
      if (entry.state?.mode === 'photo' && entry.variantId !== null) showing.set(entry.variantId, [...(showing.get(entry.variantId) ?? []), displayId]);
    }
    for (const [variantId, displayIds] of showing) {
      if (await this.deps.picker.variantFile(variantId)) continue;
      for (const displayId of displayIds) this.invalidate(displayId);
    }
  }

  private recomputeDue(): void {
    const now = this.deps.now().getTime();
    for (const [id, entry] of this.entries) {
      const due = entry.state?.nextChangeAt && entry.state.nextChangeAt.getTime() <= now;
      if (due || (entry.dirty && entry.waiters.size > 0)) this.recomputeInBackground(id);
    }
  }

  private recomputeInBackground(displayId: number): void {
    this.recompute(displayId).catch((err) => {
      // An unreachable database is reported where it is noticed first, not once a second per waiting frame.
      if (isDatabaseUnavailable(err)) this.deps.log.debug({ err, displayId }, 'display content recompute waits for the database');
      else this.deps.log.error({ err, displayId }, 'display content recompute failed');
    });
  }

  private async compute(displayId: number, options: DecideOptions): Promise<DisplayState> {
    const entry = this.entry(displayId);
    entry.dirty = false;
    const { state, variantId } = await this.deps.policy.decide(displayId, this.deps.now(), options).catch((err: unknown) => {
      entry.dirty = true;
      throw err;
    });
    const previous = entry.state;
    entry.state = state;
    entry.variantId = variantId;
    if (previous?.etag !== state.etag) for (const wake of [...entry.waiters]) wake();
    return state;
  }
}

function isPlain(options: DecideOptions): boolean {
  return (options.photo ?? 'keep') === 'keep' && !options.freshDashboard;
}
