import type { StoreContext } from '../core/app-context.ts';
import type { Picture } from '../dashboard/picture.ts';
import { loadDashboardData } from '../dashboard-data/load.ts';
import { PanelImageStore, type PanelImageRequest } from '../panel-images/panel-image-store.ts';
import type { ProfileStore } from '../panel-images/profile-store.ts';
import { storedPictureSettings, type PictureSettings } from '../imaging/picture-settings.ts';
import { PIPELINE_VERSION } from '../imaging/pipeline-version.ts';
import type { Rotation } from '../imaging/rotate.ts';
import { imagePoolIsWarm, runImageTask, warmImagePool } from '../imaging/pool.ts';
import type { PanelProfile } from '../imaging/profiles.ts';
import type { Display } from '../storage/entities/display.ts';

/** Flat pictures (text, UI) snap to the palette; dithering would speckle anti-aliased text. */
const FLAT: PictureSettings = { dither: 'none' };

/** Builds the panel image requests for each kind of content a display can show; all drawing happens in the image processes. */
export class PanelImageRequests {
  constructor(private readonly app: StoreContext, private readonly profiles: ProfileStore) {}

  async photo(display: Display, variantId: number, filePath: string): Promise<PanelImageRequest> {
    const target = await this.target(display);
    const settings = storedPictureSettings(display.pictureSettings);
    return {
      renderKey: PanelImageStore.renderKey(['photo', variantId, filePath, target.profile, target.rotation, settings, PIPELINE_VERSION]),
      sourceKind: 'photo',
      sourceRef: `variant:${variantId}`,
      produce: async () => (await runImageTask('renderPanelImage', filePath, { ...target, settings })).data,
      warmUp: warmImageProcess,
    };
  }

  message(display: Display, text: string): Promise<PanelImageRequest> {
    return this.flat(display, { kind: 'message', text });
  }

  pairing(display: Display, serverName: string): Promise<PanelImageRequest> {
    return this.flat(display, { kind: 'pairing', info: { humanReadableId: display.humanId, pairingCode: display.pairingCode, serverName } });
  }

  /** The display's name and id, large: what a TRMNL device shows when asked to identify itself. */
  identify(display: Display): Promise<PanelImageRequest> {
    return this.message(display, display.name === display.humanId ? display.humanId : `${display.name} · ${display.humanId}`);
  }

  sleep(display: Display): Promise<PanelImageRequest> {
    return this.flat(display, { kind: 'sleep' });
  }

  /** A fresh dashboard from stored data; every render is a new panel image (its header shows the render time). */
  async dashboard(display: Display, now: Date): Promise<PanelImageRequest> {
    const data = await loadDashboardData(this.app, display.timeZone, now);
    return this.flat(display, { kind: 'dashboard', data }, [now.toISOString()]);
  }

  /** The newest dashboard of a display is found by this reference, per panel and rotation. */
  dashboardRef(display: Display): string {
    return `display:${display.id}:${display.profileId}:${display.rotation}`;
  }

  private async flat(display: Display, picture: Picture, extraIdentity: unknown[] = []): Promise<PanelImageRequest> {
    const target = await this.target(display);
    const identity = picture.kind === 'dashboard' ? [display.id, ...extraIdentity] : [picture];
    return {
      renderKey: PanelImageStore.renderKey([picture.kind, ...identity, target.profile, target.rotation, PIPELINE_VERSION]),
      sourceKind: picture.kind,
      sourceRef: picture.kind === 'dashboard' ? this.dashboardRef(display) : `display:${display.id}`,
      produce: async () => (await runImageTask('renderPanelImage', { picture }, { ...target, settings: FLAT })).data,
      warmUp: warmImageProcess,
    };
  }

  private async target(display: Display): Promise<{ profile: PanelProfile; rotation: Rotation }> {
    return { profile: await this.profiles.get(display.profileId), rotation: display.rotation as Rotation };
  }
}

/** Renders run in image processes: one that is not running warm yet is started (pool.ts). */
function warmImageProcess(): Promise<void> | undefined {
  return imagePoolIsWarm() ? undefined : warmImagePool();
}
