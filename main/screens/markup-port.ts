import type { DrawnByDto } from '../../contract/screens.ts';
import type { PanelProfile } from '../imaging/profiles.ts';
import type { Rotation } from '../imaging/rotate.ts';

/** The panel a page is drawn for: its profile (size, palette, bit depth) and how the display is turned. */
export interface PanelTarget {
  profile: PanelProfile;
  rotation: Rotation;
}

/**
 * The markup drawing (main/markup/, issue 19 part C) as the screens use it; markup-adapter.ts
 * implements it over that module.
 */
export interface ScreenMarkup {
  /** The page drawn at the panel's size: a device-ready indexed PNG in the panel's colours and orientation; `pictures` are the bytes of the remote pictures it names, by URL. */
  draw(html: string, target: PanelTarget, pictures?: Record<string, Uint8Array>): Promise<Buffer>;
  /** How a page is drawn: by the server, or (when its markup needs a script run) in a browser, or as a card saying it needs one. */
  drawnBy(needsScript: boolean): DrawnByDto;
}
