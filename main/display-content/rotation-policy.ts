import fs from 'node:fs';
import { NotFoundError } from '../core/errors.ts';
import type { DisplayStore, ScheduledDisplay } from '../displays/display-store.ts';
import { inQuietHours, quietHoursEnd, resolveMode, type ResolvedMode } from '../displays/schedule.ts';
import type { PanelImageRequest, PanelImageStore } from '../panel-images/panel-image-store.ts';
import type { ProfileStore } from '../panel-images/profile-store.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Display } from '../storage/entities/display.ts';
import type { ItemMode } from '../../contract/dtos.ts';
import type { ItemContent } from './item-content.ts';
import { toHex, withEtag, type DisplayState } from './display-state.ts';
import type { PanelImageRequests } from './panel-image-requests.ts';
import type { PhotoPicker } from './photo-picker.ts';
import { nextRecheckTime } from './recheck-time.ts';

/** A dashboard older than this is rendered again when a display switches to it. */
const DASHBOARD_MAX_AGE_MS = 15 * 60_000;
const QUIET_RECHECK_MS = 60_000;

export type PhotoStep = 'keep' | 'next' | 'previous';
export interface DecideOptions {
  photo?: PhotoStep;
  freshDashboard?: boolean;
}

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

export interface RotationPolicyDeps {
  displays: DisplayStore;
  panelImages: PanelImageStore;
  requests: PanelImageRequests;
  profiles: ProfileStore;
  picker: PhotoPicker;
  settings: Pick<SettingsStore, 'get'>;
  /** Screens, mashups and playlists (absent: the item modes say they are not available). */
  items?: ItemContent;
}

/**
 * What a display shows next: resolves the mode from its schedule, keeps or draws the photo (the
 * rotation interval, quiet hours, button steps), makes sure the panel image exists and assigns it.
 * Stateless between calls; display-content-service.ts caches the answers and wakes long-polls.
 */
export class RotationPolicy {
  constructor(private readonly deps: RotationPolicyDeps) {}

  async decide(displayId: number, now: Date, options: DecideOptions): Promise<{ state: DisplayState; variantId: number | null }> {
    const { display, rules, override } = await this.deps.displays.scheduled(displayId).catch((err: unknown) => {
      throw err instanceof NotFoundError ? new DisplayGoneError(displayId) : err;
    });
    const resolved = resolveMode(display, rules, override, now);
    const { request, photoDueAt, variantId, screenId } = await this.plan(display, resolved, now, options);
    const image = await this.deps.panelImages.ensure(request);
    await this.deps.panelImages.assign(displayId, image, resolved.mode, now);

    const profile = await this.deps.profiles.get(display.profileId);
    const nextChangeAt = [resolved.nextChangeAt, photoDueAt].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    const state = withEtag({
      displayId,
      humanId: display.humanId,
      mode: resolved.mode,
      screen: screenId ?? null,
      version: image.version,
      panelImageId: image.id,
      producedAt: image.producedAt,
      filePath: this.deps.panelImages.absolutePath(image),
      pollIntervalS: display.pollIntervalS,
      nextChangeAt,
      restUntil: restUntil(display, resolved, now),
      override: resolved.source === 'override' && override ? { mode: override.mode, until: override.until } : null,
      profileId: profile.id,
      palette: profile.palette.map(toHex),
      width: profile.width,
      height: profile.height,
    });
    return { state, variantId };
  }

  /** Renders the dashboard of every approved display that has it anywhere in its schedule; returns their ids. */
  async prerenderDashboards(now: Date): Promise<number[]> {
    const rendered: number[] = [];
    for (const { display, rules, override } of await this.deps.displays.listScheduled(await this.deps.displays.approved())) {
      if (!usesDashboard({ display, rules, override })) continue;
      await this.deps.panelImages.ensure(await this.deps.requests.dashboard(display, now));
      rendered.push(display.id);
    }
    return rendered;
  }

  private async plan(display: Display, { mode, itemId }: ResolvedMode, now: Date, options: DecideOptions): Promise<PanelImagePlan> {
    const { requests } = this.deps;
    switch (mode) {
      case 'screen':
      case 'mashup':
      case 'playlist':
        return this.itemRequest(display, mode, itemId, now, options);
      case 'pairing':
        return { request: await requests.pairing(display, (await this.deps.settings.get('server.name')) ?? 'Inkstand'), photoDueAt: null, variantId: null };
      case 'message':
        return { request: await requests.message(display, display.messageText || 'No message set'), photoDueAt: null, variantId: null };
      case 'sleep':
        return { request: await requests.sleep(display), photoDueAt: null, variantId: null };
      case 'dashboard':
        return { request: await this.dashboardRequest(display, now, options.freshDashboard ?? false), photoDueAt: null, variantId: null };
      case 'photo':
        return this.photoRequest(display, now, options.photo ?? 'keep');
    }
  }

  /** Screens, mashups and playlists; a step (button) moves through a playlist instead of the photos. */
  private async itemRequest(display: Display, mode: ItemMode, itemId: number | null, now: Date, options: DecideOptions): Promise<PanelImagePlan> {
    if (!this.deps.items) return { request: await this.deps.requests.message(display, 'Screens are not available in this build.'), photoDueAt: null, variantId: null };
    const plan = await this.deps.items.plan(display, mode, itemId, now, options.photo ?? 'keep', {
      photo: () => this.photoRequest(display, now, 'keep'),
      dashboard: () => this.dashboardRequest(display, now, options.freshDashboard ?? false),
      message: (text) => this.deps.requests.message(display, text),
      savePlaylistPlace: (position, since) => this.deps.displays.markPlaylistPlace(display.id, position, since),
    });
    return { request: plan.request, photoDueAt: plan.dueAt, variantId: plan.variantId, screenId: plan.screenId };
  }

  private async dashboardRequest(display: Display, now: Date, fresh: boolean): Promise<PanelImageRequest> {
    const request = await this.deps.requests.dashboard(display, now);
    const latest = await this.deps.panelImages.latest('dashboard', request.sourceRef);
    if (!fresh && latest && now.getTime() - latest.producedAt.getTime() < DASHBOARD_MAX_AGE_MS && fs.existsSync(this.deps.panelImages.absolutePath(latest))) {
      return { ...request, renderKey: latest.renderKey };
    }
    return request;
  }

  /** Keeps the current photo until the rotation interval passes (not during quiet hours), then draws the next. */
  private async photoRequest(display: Display, now: Date, step: PhotoStep): Promise<PanelImagePlan> {
    const { picker, displays, requests } = this.deps;
    const currentFile = display.currentVariantId !== null ? await picker.variantFile(display.currentVariantId) : null;
    const intervalMs = display.rotationIntervalS * 1000;
    const rotationDue = !display.currentSince || now.getTime() - display.currentSince.getTime() >= intervalMs;
    const quiet = inQuietHours(display, now);
    let variantId = currentFile ? display.currentVariantId : null;
    let file = currentFile;
    let since = display.currentSince ?? now;
    if (step !== 'keep' || !file || (rotationDue && !quiet)) {
      const picked = step === 'previous' ? await picker.previous(display.id) : await picker.pickNext(display.id, now);
      if (picked && (picked.variantId !== variantId || step !== 'keep' || !file)) {
        variantId = picked.variantId;
        file = picked.filePath;
        since = now;
        await displays.markShowing(display.id, variantId, now);
        if (step !== 'previous') await picker.recordShown(display.id, variantId, now);
      } else if (picked) {
        since = now;
        await displays.markShowing(display.id, undefined, now);
      }
    }
    if (variantId === null || !file) {
      return { request: await requests.message(display, 'No photos yet. Add some in Inkstand.'), photoDueAt: nextRecheckTime(now, QUIET_RECHECK_MS, display.id), variantId: null };
    }
    const photoDueAt = quiet ? nextRecheckTime(now, QUIET_RECHECK_MS, display.id) : new Date(since.getTime() + intervalMs);
    return { request: await requests.photo(display, variantId, file), photoDueAt, variantId };
  }
}

function usesDashboard({ display, rules, override }: ScheduledDisplay): boolean {
  return display.defaultMode === 'dashboard' || rules.some((r) => r.mode === 'dashboard') || override?.mode === 'dashboard';
}

/** Sleep mode rests until the schedule changes; quiet hours rest until they end (or the schedule changes first). */
function restUntil(display: Display, resolved: ResolvedMode, now: Date): Date | null {
  if (resolved.mode === 'sleep') return resolved.nextChangeAt;
  if (resolved.mode !== 'photo' || !inQuietHours(display, now)) return null;
  const quietEnd = quietHoursEnd(display, now);
  return resolved.nextChangeAt && resolved.nextChangeAt < quietEnd ? resolved.nextChangeAt : quietEnd;
}
