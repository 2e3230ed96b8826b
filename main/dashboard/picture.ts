import type { PanelProfile } from '../imaging/panel-profile.ts';
import type { CanvasSpec } from './canvas.ts';
import { renderMessage, renderPairingScreen, renderSleepScreen, type PairingInfo } from './pictures.ts';
import { renderDashboard } from './render.ts';
import type { DashboardData } from './types.ts';

/** A flat screen to draw (text and UI in the panel's colours), as plain data that can cross to a worker thread. */
export type Picture =
  | { kind: 'dashboard'; data: DashboardData }
  | { kind: 'message'; text: string }
  | { kind: 'pairing'; info: PairingInfo }
  | { kind: 'sleep' };

export function drawPicture(picture: Picture, canvas: CanvasSpec): Promise<Buffer> {
  switch (picture.kind) {
    case 'dashboard':
      return renderDashboard(picture.data, canvas);
    case 'message':
      return renderMessage(picture.text, canvas);
    case 'pairing':
      return renderPairingScreen(picture.info, canvas);
    case 'sleep':
      return renderSleepScreen(canvas);
  }
}

/** The canvas a screen is composed on: the panel's size, turned for a frame hung at 90° or 270°. */
export function canvasForPanel(profile: PanelProfile, rotation: number): CanvasSpec {
  const turned = rotation === 90 || rotation === 270;
  return {
    width: turned ? profile.height : profile.width,
    height: turned ? profile.width : profile.height,
    palette: profile.palette,
    colorNames: profile.colorNames,
  };
}
