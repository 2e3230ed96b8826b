import type { AppContext } from '../core/app-context.ts';
import { renderDashboard } from '../dashboard/render.ts';
import { renderMessage, renderPairingScreen, renderSleepScreen } from '../dashboard/pictures.ts';
import { loadDashboardData } from '../dashboard-data/load.ts';
import { FrameStore, type FrameRequest } from '../frames/frame-store.ts';
import type { ProfileRegistry } from '../frames/profiles.ts';
import type { FrameSettings } from '../imaging/dither/index.ts';
import { renderFrameInPool } from '../imaging/pool.ts';
import type { PanelProfile } from '../imaging/profiles.ts';
import type { Rotation } from '../imaging/pipeline.ts';
import type { Display } from '../storage/entities/display.ts';
import { logicalCanvas } from './canvas.ts';

/** Flat pictures (text, UI) snap to the palette; dithering would speckle anti-aliased text. */
const FLAT: FrameSettings = { dither: 'none' };

export function frameSettingsOf(display: Display): FrameSettings {
  return { dither: 'floyd-steinberg', ...(display.frameSettings ? JSON.parse(display.frameSettings) : {}) };
}

/** Builds the frame requests for each kind of content a display can show. */
export class ContentFrames {
  constructor(private readonly app: AppContext, private readonly profiles: ProfileRegistry) {}

  async photo(display: Display, variantId: number, filePath: string): Promise<FrameRequest> {
    const target = await this.target(display);
    const settings = frameSettingsOf(display);
    return {
      renderKey: FrameStore.renderKey(['photo', variantId, filePath, target.profile, target.rotation, settings]),
      sourceKind: 'photo',
      sourceRef: `variant:${variantId}`,
      produce: async () => (await renderFrameInPool(filePath, { ...target, settings })).data,
    };
  }

  async message(display: Display, text: string): Promise<FrameRequest> {
    return this.flat(display, 'message', ['message', text], (canvas) => renderMessage(text, canvas));
  }

  async pairing(display: Display, serverName: string): Promise<FrameRequest> {
    const info = { humanReadableId: display.humanId, pairingCode: display.pairingCode, serverName };
    return this.flat(display, 'pairing', ['pairing', info], (canvas) => renderPairingScreen(info, canvas));
  }

  async sleep(display: Display): Promise<FrameRequest> {
    return this.flat(display, 'sleep', ['sleep'], (canvas) => renderSleepScreen(canvas));
  }

  /** A fresh dashboard from stored data; every render is a new frame (its header shows the render time). */
  async dashboard(display: Display, now: Date): Promise<FrameRequest> {
    const data = await loadDashboardData(this.app, display.timeZone, now);
    return this.flat(display, 'dashboard', ['dashboard', display.id, now.toISOString()], (canvas) => renderDashboard(data, canvas), `display:${display.id}`);
  }

  private async flat(
    display: Display,
    sourceKind: string,
    identity: unknown[],
    draw: (canvas: ReturnType<typeof logicalCanvas>) => Promise<Buffer>,
    sourceRef = `display:${display.id}`,
  ): Promise<FrameRequest> {
    const target = await this.target(display);
    return {
      renderKey: FrameStore.renderKey([...identity, target.profile, target.rotation]),
      sourceKind,
      sourceRef,
      produce: async () => {
        const picture = await draw(logicalCanvas(target.profile, target.rotation));
        return (await renderFrameInPool(picture, { ...target, settings: FLAT })).data;
      },
    };
  }

  private async target(display: Display): Promise<{ profile: PanelProfile; rotation: Rotation }> {
    return { profile: await this.profiles.get(display.profileId), rotation: display.rotation as Rotation };
  }
}
