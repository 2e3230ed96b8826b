import { actionFor, parseButtonMap, type ButtonAction, type ButtonName, type PressKind } from '../displays/buttons.ts';
import type { DisplayStore } from '../displays/display-store.ts';
import type { Display, DisplayMode } from '../storage/entities/display.ts';
import type { PhotoPicker } from './photo-picker.ts';
import type { DisplayContentService } from './display-content-service.ts';
import type { DisplayState } from './display-state.ts';

export interface DisplayActionsDeps {
  displays: DisplayStore;
  displayContent: Pick<DisplayContentService, 'recompute'>;
  picker: Pick<PhotoPicker, 'favourite' | 'dislike'>;
  now(): Date;
}

/** What a frame's buttons, the tray and the UI can do to what a display shows. */
export class DisplayActions {
  private readonly displays: DisplayStore;
  private readonly displayContent: DisplayActionsDeps['displayContent'];
  private readonly picker: DisplayActionsDeps['picker'];

  constructor(private readonly deps: DisplayActionsDeps) {
    ({ displays: this.displays, displayContent: this.displayContent, picker: this.picker } = deps);
  }

  async pressButton(displayId: number, button: ButtonName, press: PressKind): Promise<DisplayState> {
    const display = await this.displays.get(displayId);
    return this.perform(display, actionFor(parseButtonMap(display.buttonMap), button, press));
  }

  async perform(display: Display, action: ButtonAction): Promise<DisplayState> {
    switch (action.action) {
      case 'next':
        return this.displayContent.recompute(display.id, { photo: 'next' });
      case 'previous':
        return this.displayContent.recompute(display.id, { photo: 'previous' });
      case 'favourite':
        if (display.currentVariantId !== null) await this.picker.favourite(display.currentVariantId);
        return this.displayContent.recompute(display.id);
      case 'dislike':
        if (display.currentVariantId !== null) await this.picker.dislike(display.currentVariantId);
        return this.displayContent.recompute(display.id, { photo: 'next' });
      case 'override':
        return this.setOverride(display.id, action.mode as DisplayMode, action.minutes, action.itemId ?? null);
      case 'schedule':
        return this.clearOverride(display.id);
      case 'refresh':
        return this.displayContent.recompute(display.id, { freshDashboard: true });
    }
  }

  async setOverride(displayId: number, mode: DisplayMode, minutes: number, itemId: number | null = null): Promise<DisplayState> {
    const now = this.deps.now();
    await this.displays.setOverride(displayId, mode, new Date(now.getTime() + minutes * 60_000), now, itemId);
    return this.displayContent.recompute(displayId, { freshDashboard: mode === 'dashboard' });
  }

  async clearOverride(displayId: number): Promise<DisplayState> {
    await this.displays.clearOverride(displayId);
    return this.displayContent.recompute(displayId);
  }

  /** Sets the text of message mode and shows it until `minutes` pass (or indefinitely as the default mode when omitted). */
  async showMessage(displayId: number, text: string, minutes?: number): Promise<DisplayState> {
    await this.displays.write(displayId, { messageText: text });
    if (minutes !== undefined) return this.setOverride(displayId, 'message', minutes);
    return this.displayContent.recompute(displayId);
  }

  async forEachApproved(action: ButtonAction): Promise<number> {
    const displays = await this.displays.approved();
    for (const display of displays) await this.perform(display, action);
    return displays.length;
  }
}
