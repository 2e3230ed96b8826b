import type { PanelProfile, Rgb } from '../imaging/panel-profile.ts';
import type { PictureSettings } from '../imaging/picture-settings.ts';
import { logicalSize, type Rotation } from '../imaging/rotate.ts';

/** Where and how a piece of markup is drawn: a panel, how it hangs, and the recipe's screen options. */
export interface MarkupTarget {
  profile: PanelProfile;
  /** How far the display hangs turned; the markup is laid out upright at the size the viewer sees. */
  rotation?: Rotation;
  /** The display's picture settings: how pictures in the markup are dithered (text never is). */
  settings?: PictureSettings;
  /** TRMNL's dark mode: light ink on a dark screen. */
  darkMode?: boolean;
  /** TRMNL's `no_screen_padding`: the views reach the screen's edges. */
  noScreenPadding?: boolean;
  /** Pictures the markup names, by their `src`, fetched beforehand: a render never waits on the network. */
  images?: Record<string, Uint8Array>;
}

/**
 * The TRMNL framework is designed in CSS pixels for an 800×480 screen. A larger panel is the same
 * design drawn at a device pixel ratio: 1600×1200 lays out as 800×600 at 2×, so a recipe's own
 * pixel sizes keep their proportions and text stays sharp.
 */
export const DESIGN_WIDTH = 800;
export const DESIGN_HEIGHT = 480;

export interface Viewport {
  /** Panel pixels the viewer sees (after turning for rotation). */
  pixelWidth: number;
  pixelHeight: number;
  /** CSS pixels the layout works in. */
  cssWidth: number;
  cssHeight: number;
  scale: number;
  palette: readonly Rgb[];
}

export function viewportFor(target: MarkupTarget): Viewport {
  const { width, height } = logicalSize(target.profile.width, target.profile.height, target.rotation ?? 0);
  const portrait = height > width;
  const [designW, designH] = portrait ? [DESIGN_HEIGHT, DESIGN_WIDTH] : [DESIGN_WIDTH, DESIGN_HEIGHT];
  const scale = Math.max(1, Math.min(width / designW, height / designH));
  return {
    pixelWidth: width,
    pixelHeight: height,
    cssWidth: Math.round(width / scale),
    cssHeight: Math.round(height / scale),
    scale,
    palette: target.profile.palette,
  };
}
