import type { ItemMode } from '../../contract/dtos.ts';
import { batteryPercent, wifiStrength } from '../displays/device-health.ts';
import { PIPELINE_VERSION } from '../imaging/pipeline-version.ts';
import type { Rotation } from '../imaging/rotate.ts';
import { PanelImageStore, type PanelImageRequest } from '../panel-images/panel-image-store.ts';
import type { ProfileStore } from '../panel-images/profile-store.ts';
import { MashupNotFoundError } from '../screens/mashup-store.ts';
import { PlaylistNotFoundError } from '../screens/playlist-store.ts';
import type { DrawSubject } from '../screens/screen-drawing.ts';
import { picturesDigest } from '../screens/screen-pictures.ts';
import { ScreenNotFoundError } from '../screens/screen-store.ts';
import type { ScreensFeature } from '../screens/screens-feature.ts';
import type { Display } from '../storage/entities/display.ts';
import { playlistPlace, type PlaylistStep } from './playlist-place.ts';
import { nextRecheckTime } from './recheck-time.ts';

/** What a display shows for an item mode, until when, and which screen it is (for the device state). */
export interface ItemPlan {
  request: PanelImageRequest;
  dueAt: Date | null;
  screenId: number | null;
  /** A photo inside a playlist: the variant on screen. */
  variantId: number | null;
}

/** The plans of the modes a playlist may also hold; the display content service has them. */
export interface BasePlans {
  photo(step: 'keep'): Promise<{ request: PanelImageRequest; photoDueAt: Date | null; variantId: number | null }>;
  dashboard(): Promise<PanelImageRequest>;
  message(text: string): Promise<PanelImageRequest>;
  savePlaylistPlace(position: number, since: Date): Promise<void>;
}

/**
 * The panel images of screens, mashups and playlists for a display: drawn for its panel, rotation
 * and time zone, reused while the drawn page stays the same, and redrawn at least once per refresh
 * interval (a clock or "3 minutes ago" in the markup moves on).
 */
export class ItemContent {
  constructor(private readonly screens: ScreensFeature, private readonly profiles: Pick<ProfileStore, 'get'>) {}

  async plan(display: Display, mode: ItemMode, itemId: number | null, now: Date, step: PlaylistStep, base: BasePlans): Promise<ItemPlan> {
    try {
      if (itemId === null) return this.missing(display.id, base, `No ${mode} chosen for this display.`, now);
      if (mode === 'playlist') return await this.playlist(display, itemId, now, step, base);
      return await this.page(display, mode === 'screen' ? { kind: 'screen', id: itemId } : { kind: 'mashup', id: itemId }, now);
    } catch (err) {
      if (err instanceof ScreenNotFoundError || err instanceof MashupNotFoundError || err instanceof PlaylistNotFoundError) {
        return this.missing(display.id, base, `This display shows ${mode} ${itemId}, which no longer exists.`, now);
      }
      throw err;
    }
  }

  private async playlist(display: Display, playlistId: number, now: Date, step: PlaylistStep, base: BasePlans): Promise<ItemPlan> {
    const playlist = await this.screens.playlists.get(playlistId);
    const place = playlistPlace(playlist.items, { position: display.playlistPosition, since: display.playlistSince }, now, step);
    if (place.moved) await base.savePlaylistPlace(place.position, place.since);
    const { item } = place;
    let plan: ItemPlan;
    if (item.kind === 'photo') {
      const photo = await base.photo('keep');
      plan = { request: photo.request, dueAt: photo.photoDueAt, screenId: null, variantId: photo.variantId };
    } else if (item.kind === 'dashboard') {
      plan = { request: await base.dashboard(), dueAt: null, screenId: null, variantId: null };
    } else {
      plan = await this.page(display, { kind: item.kind, id: item.itemId! }, now);
    }
    return { ...plan, dueAt: earliest(plan.dueAt, place.dueAt) };
  }

  private async page(display: Display, subject: DrawSubject, now: Date): Promise<ItemPlan> {
    const target = { profile: await this.profiles.get(display.profileId), rotation: display.rotation as Rotation };
    const request = {
      target,
      at: now,
      timeZone: display.timeZone,
      percentCharged: batteryPercent(display.batteryVoltage),
      wifiStrength: wifiStrength(display.rssi),
    };
    const { html, refreshMinutes, pictures } = await this.screens.drawing.page(subject, request);
    return {
      request: {
        renderKey: PanelImageStore.renderKey([subject.kind, html, picturesDigest(pictures), target.profile, target.rotation, PIPELINE_VERSION]),
        sourceKind: subject.kind,
        sourceRef: `${subject.kind}:${subject.id}`,
        produce: () => this.screens.markup.draw(html, target, pictures),
      },
      dueAt: nextRecheckTime(now, refreshMinutes * 60_000, display.id),
      screenId: subject.kind === 'screen' ? subject.id : null,
      variantId: null,
    };
  }

  private async missing(displayId: number, base: BasePlans, text: string, now: Date): Promise<ItemPlan> {
    return { request: await base.message(text), dueAt: nextRecheckTime(now, 60_000, displayId), screenId: null, variantId: null };
  }
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}
