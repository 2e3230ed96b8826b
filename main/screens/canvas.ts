import type { PanelProfile } from '../imaging/profiles.ts';
import type { CanvasSpec } from '../dashboard/render.ts';

/** The canvas content is composed on: the panel's size, turned for a frame hung at 90° or 270°. */
export function logicalCanvas(profile: PanelProfile, rotation: number): CanvasSpec {
  const turned = rotation === 90 || rotation === 270;
  return {
    width: turned ? profile.height : profile.width,
    height: turned ? profile.width : profile.height,
    palette: profile.palette,
    colorNames: profile.colorNames,
  };
}
