import fs from 'node:fs';
import type { Repository } from 'typeorm';
import type { AppContext, DisplayContent } from '../core/app-context.ts';
import { Turns } from '../core/turns.ts';
import type { PanelImageStore, PanelImageRequest } from '../panel-images/panel-image-store.ts';
import type { ProfileRegistry } from '../panel-images/profile-registry.ts';
import { inQuietHours, quietHoursEnd, resolveMode, type ResolvedMode } from '../displays/schedule.ts';
import { DisplayEntity, type Display, type DisplayMode } from '../storage/entities/display.ts';
import { DisplayPanelImageEntity, type DisplayPanelImage } from '../storage/entities/panel-image.ts';
import { OverrideEntity, WeeklyRuleEntity, type Override, type WeeklyRule } from '../storage/entities/schedule.ts';
import { ITEM_MODES, type ItemMode } from '../../contract/dtos.ts';
import type { ItemContent } from './item-content.ts';
import type { PanelImageRequests } from './panel-image-requests.ts';
import type { PhotoPicker } from './photo-picker.ts';
import { toHex, withEtag, type DisplayState } from './display-state.ts';

/** A dashboard older than this is rendered again when a display switches to it. */
const DASHBOARD_MAX_AGE_MS = 15 * 60_000;
const QUIET_RECHECK_MS = 60_000;
const DUE_CHECK_INTERVAL_MS = 1000;

export type PhotoStep = 'keep' | 'next' | 'previous';

/** The display was deleted while a request for it was under way (a long-poll, typically). */
export class DisplayGoneError extends Error {
  constructor(displayId: number) {
    super(`display ${displayId} no longer exists`);
  }
}

/** The panel image to show, when the photo is due to change, and which photo variant it is. */
interface PanelImagePlan {
  request: PanelImageRequest;
  photoDueAt: Date | null;
  variantId: number | null;
  /** The screen on the panel (screen mode, or a screen in a playlist). */
  screenId?: number | null;
}

interface Entry {
  state: DisplayState | null;
  /** In photo mode, the variant on screen (null: the library had nothing to show). */
  variantId: number | null;
  dirty: boolean;
  /** Recomputations of one display run one after another. */
  chain: Promise<unknown>;
  waiters: Set<() => void>;
}

/**
 * Decides and caches what every display shows: resolves the mode, keeps or draws the photo,
 * makes sure the panel image exists, and wakes long-polling frames when the state changes. Polls are
 * answered from memory; work happens only when something changed or came due.
 */
export class DisplayContentService implements DisplayContent {
  private readonly entries = new Map<number, Entry>();
  private readonly displays: Repository<Display>;
  private readonly rules: Repository<WeeklyRule>;
  private readonly overrides: Repository<Override>;
  private readonly displayPanelImages: Repository<DisplayPanelImage>;
  private readonly turns = new Turns();
  private timer: NodeJS.Timeout | null = null;
  private photoCheck: Promise<void> | null = null;
  private photoCheckAgain = false;

  constructor(
    private readonly app: AppContext,
    private readonly panelImages: PanelImageStore,
    private readonly panelImageRequests: PanelImageRequests,
    private readonly profiles: ProfileRegistry,
    private readonly picker: PhotoPicker,
    private readonly items: ItemContent | null = null,
  ) {
    this.displays = app.db.getRepository(DisplayEntity);
    this.rules = app.db.getRepository(WeeklyRuleEntity);
    this.overrides = app.db.getRepository(OverrideEntity);
    this.displayPanelImages = app.db.getRepository(DisplayPanelImageEntity);
  }

  start(): void {
    this.timer = setInterval(() => this.recomputeDue(), DUE_CHECK_INTERVAL_MS);
    this.timer.unref();
    this.app.events.on('photos-changed', () => this.recheckPhotos());
    this.app.events.on('screens-changed', () => this.invalidateItemModes());
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const entry of this.entries.values()) for (const wake of entry.waiters) wake();
  }

  /** The current state, recomputed only when it is stale. */
  async current(displayId: number): Promise<DisplayState> {
    return this.inMemory(displayId) ?? this.recompute(displayId);
  }

  /** The current state when memory has it and nothing made it stale; undefined when it must be recomputed. */
  inMemory(displayId: number): DisplayState | undefined {
    const entry = this.entries.get(displayId);
    if (!entry?.state || entry.dirty) return undefined;
    const due = entry.state.nextChangeAt && entry.state.nextChangeAt.getTime() <= this.app.now().getTime();
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
      if (entry.waiters.size > 0) this.recompute(id).catch((err) => this.app.log.error({ err, displayId: id }, 'screen recompute failed'));
    }
  }

  forget(displayId: number): void {
    const entry = this.entries.get(displayId);
    if (entry) for (const wake of entry.waiters) wake();
    this.entries.delete(displayId);
  }

  async recompute(displayId: number, options: { photo?: PhotoStep; freshDashboard?: boolean } = {}): Promise<DisplayState> {
    const entry = this.entry(displayId);
    const run = entry.chain.then(() => this.turns.next()).then(() => this.compute(displayId, options));
    entry.chain = run.catch(() => undefined);
    return run;
  }

  async refreshAll(options: { modes?: DisplayMode[] } = {}): Promise<number> {
    let count = 0;
    for (const display of await this.displays.findBy({ status: 'approved' })) {
      const state = await this.recompute(display.id, { freshDashboard: true });
      if (!options.modes || options.modes.includes(state.mode)) count++;
    }
    return count;
  }

  async prerenderDashboards(): Promise<number> {
    const now = this.app.now();
    let count = 0;
    for (const display of await this.displays.findBy({ status: 'approved' })) {
      const rules = await this.rules.findBy({ displayId: display.id });
      const override = await this.overrides.findOneBy({ displayId: display.id });
      const usesDashboard = display.defaultMode === 'dashboard' || rules.some((r) => r.mode === 'dashboard') || override?.mode === 'dashboard';
      if (!usesDashboard) continue;
      await this.panelImages.ensure(await this.panelImageRequests.dashboard(display, now));
      this.invalidate(display.id);
      count++;
    }
    return count;
  }

  private entry(displayId: number): Entry {
    let entry = this.entries.get(displayId);
    if (!entry) {
      entry = { state: null, variantId: null, dirty: true, chain: Promise.resolve(), waiters: new Set() };
      this.entries.set(displayId, entry);
    }
    return entry;
  }

  /**
   * The library changed. A deleted or hidden photo leaves the screens that show it at once, and
   * screens with nothing to show pick up new photos; every other screen keeps its picture and its
   * polls stay answered from memory (an import does not make a whole fleet recompute). One check
   * at a time; changes meanwhile get one more.
   */
  private recheckPhotos(): void {
    if (this.photoCheck) {
      this.photoCheckAgain = true;
      return;
    }
    this.photoCheck = this.invalidateUnavailablePhotos()
      .catch((err) => this.app.log.warn({ err }, 'could not check the photos on screen'))
      .finally(() => {
        this.photoCheck = null;
        if (this.photoCheckAgain) {
          this.photoCheckAgain = false;
          this.recheckPhotos();
        }
      });
  }

  private async invalidateUnavailablePhotos(): Promise<void> {
    const showing = new Map<number, number[]>();
    for (const [displayId, entry] of this.entries) {
      if (entry.state?.mode !== 'photo') continue;
      if (entry.variantId === null) this.invalidate(displayId);
      else showing.set(entry.variantId, [...(showing.get(entry.variantId) ?? []), displayId]);
    }
    for (const [variantId, displayIds] of showing) {
      if (await this.picker.variantFile(variantId)) continue;
      for (const displayId of displayIds) this.invalidate(displayId);
    }
  }

  private recomputeDue(): void {
    const now = this.app.now().getTime();
    for (const [id, entry] of this.entries) {
      const due = entry.state?.nextChangeAt && entry.state.nextChangeAt.getTime() <= now;
      if (due || (entry.dirty && entry.waiters.size > 0)) {
        this.recompute(id).catch((err) => this.app.log.error({ err, displayId: id }, 'screen recompute failed'));
      }
    }
  }

  private async compute(displayId: number, options: { photo?: PhotoStep; freshDashboard?: boolean }): Promise<DisplayState> {
    const entry = this.entry(displayId);
    entry.dirty = false;
    const now = this.app.now();
    const display = await this.displays.findOneBy({ id: displayId });
    if (!display) throw new DisplayGoneError(displayId);
    const rules = await this.rules.findBy({ displayId });
    const override = await this.overrides.findOneBy({ displayId });
    const resolved = resolveMode(display, rules, override, now);
    const { request, photoDueAt, variantId, screenId } = await this.panelImageRequestFor(display, resolved, now, options);
    const image = await this.panelImages.ensure(request);
    await this.assignPanelImage(displayId, image.id, resolved.mode, now);

    const profile = await this.profiles.get(display.profileId);
    const nextChangeAt = [resolved.nextChangeAt, photoDueAt].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    const state = withEtag({
      displayId,
      humanId: display.humanId,
      mode: resolved.mode,
      screen: screenId ?? null,
      version: image.version,
      panelImageId: image.id,
      producedAt: image.producedAt,
      filePath: this.panelImages.absolutePath(image),
      pollIntervalS: display.pollIntervalS,
      nextChangeAt,
      restUntil: restUntil(display, resolved, now),
      override: resolved.source === 'override' && override ? { mode: override.mode, until: override.until } : null,
      profileId: profile.id,
      palette: profile.palette.map(toHex),
      width: profile.width,
      height: profile.height,
    });
    const previous = entry.state;
    entry.state = state;
    entry.variantId = variantId;
    if (previous?.etag !== state.etag) {
      for (const wake of [...entry.waiters]) wake();
      if (previous?.version !== state.version) this.app.events.emit('panel-image-changed', { displayId, version: state.version });
    }
    return state;
  }

  private async panelImageRequestFor(display: Display, { mode, itemId }: ResolvedMode, now: Date, options: { photo?: PhotoStep; freshDashboard?: boolean }): Promise<PanelImagePlan> {
    switch (mode) {
      case 'screen':
      case 'mashup':
      case 'playlist':
        return this.itemRequest(display, mode, itemId, now, options);
      case 'pairing':
        return { request: await this.panelImageRequests.pairing(display, (await this.app.settings.get('server.name')) ?? 'Inkstand'), photoDueAt: null, variantId: null };
      case 'message':
        return { request: await this.panelImageRequests.message(display, display.messageText || 'No message set'), photoDueAt: null, variantId: null };
      case 'sleep':
        return { request: await this.panelImageRequests.sleep(display), photoDueAt: null, variantId: null };
      case 'dashboard':
        return { request: await this.dashboardRequest(display, now, options.freshDashboard ?? false), photoDueAt: null, variantId: null };
      case 'photo':
        return this.photoRequest(display, now, options.photo ?? 'keep');
    }
  }

  /** Screens, mashups and playlists; a step (button) moves through a playlist instead of the photos. */
  private async itemRequest(display: Display, mode: ItemMode, itemId: number | null, now: Date, options: { photo?: PhotoStep; freshDashboard?: boolean }): Promise<PanelImagePlan> {
    if (!this.items) return { request: await this.panelImageRequests.message(display, 'Screens are not available in this build.'), photoDueAt: null, variantId: null };
    const plan = await this.items.plan(display, mode, itemId, now, options.photo ?? 'keep', {
      photo: () => this.photoRequest(display, now, 'keep'),
      dashboard: () => this.dashboardRequest(display, now, options.freshDashboard ?? false),
      message: (text) => this.panelImageRequests.message(display, text),
      savePlaylistPlace: async (position, since) => {
        await this.displays.update(display.id, { playlistPosition: position, playlistSince: since });
      },
    });
    return { request: plan.request, photoDueAt: plan.dueAt, variantId: plan.variantId, screenId: plan.screenId };
  }

  /** A screen's data or settings, a mashup or a playlist changed: displays showing any of them draw again. */
  private invalidateItemModes(): void {
    for (const [displayId, entry] of this.entries) {
      if (entry.state && (ITEM_MODES as readonly string[]).includes(entry.state.mode)) this.invalidate(displayId);
    }
  }

  private async dashboardRequest(display: Display, now: Date, fresh: boolean): Promise<PanelImageRequest> {
    const request = await this.panelImageRequests.dashboard(display, now);
    const latest = await this.panelImages.latest('dashboard', request.sourceRef);
    if (!fresh && latest && now.getTime() - latest.producedAt.getTime() < DASHBOARD_MAX_AGE_MS && fs.existsSync(this.panelImages.absolutePath(latest))) {
      return { ...request, renderKey: latest.renderKey };
    }
    return request;
  }

  /** Keeps the current photo until the rotation interval passes (not during quiet hours), then draws the next. */
  private async photoRequest(display: Display, now: Date, step: PhotoStep): Promise<PanelImagePlan> {
    const currentFile = display.currentVariantId !== null ? await this.picker.variantFile(display.currentVariantId) : null;
    const intervalMs = display.rotationIntervalS * 1000;
    const rotationDue = !display.currentSince || now.getTime() - display.currentSince.getTime() >= intervalMs;
    const quiet = inQuietHours(display, now);
    let variantId = currentFile ? display.currentVariantId : null;
    let file = currentFile;
    let since = display.currentSince ?? now;
    if (step !== 'keep' || !file || (rotationDue && !quiet)) {
      const picked = step === 'previous' ? await this.picker.previous(display.id) : await this.picker.pickNext(display.id, now);
      if (picked && (picked.variantId !== variantId || step !== 'keep' || !file)) {
        variantId = picked.variantId;
        file = picked.filePath;
        since = now;
        await this.displays.update(display.id, { currentVariantId: variantId, currentSince: now });
        if (step !== 'previous') await this.picker.recordShown(display.id, variantId, now);
      } else if (picked) {
        since = now;
        await this.displays.update(display.id, { currentSince: now });
      }
    }
    if (variantId === null || !file) {
      return { request: await this.panelImageRequests.message(display, 'No photos yet. Add some in Inkstand.'), photoDueAt: new Date(now.getTime() + QUIET_RECHECK_MS), variantId: null };
    }
    const photoDueAt = quiet ? new Date(now.getTime() + QUIET_RECHECK_MS) : new Date(since.getTime() + intervalMs);
    return { request: await this.panelImageRequests.photo(display, variantId, file), photoDueAt, variantId };
  }

  private async assignPanelImage(displayId: number, panelImageId: number, mode: DisplayMode, now: Date): Promise<void> {
    const current = await this.displayPanelImages.findOneBy({ displayId });
    if (current?.panelImageId === panelImageId && current.mode === mode) return;
    await this.displayPanelImages.save({ displayId, panelImageId, mode, assignedAt: now });
  }
}

/** Sleep mode rests until the schedule changes; quiet hours rest until they end (or the schedule changes first). */
function restUntil(display: Display, resolved: ResolvedMode, now: Date): Date | null {
  if (resolved.mode === 'sleep') return resolved.nextChangeAt;
  if (resolved.mode !== 'photo' || !inQuietHours(display, now)) return null;
  const quietEnd = quietHoursEnd(display, now);
  return resolved.nextChangeAt && resolved.nextChangeAt < quietEnd ? resolved.nextChangeAt : quietEnd;
}
