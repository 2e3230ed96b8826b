import crypto from 'node:crypto';
import type { DeviceState } from '../../contract/device.ts';
import type { DisplayMode } from '../storage/entities/display.ts';

/** What a display is showing now, as `/api/display/state` reports it. */
export interface DisplayState {
  displayId: number;
  humanId: string;
  mode: DisplayMode;
  /** The screen on the panel (screen mode, or a screen in a playlist), else null. */
  screen: number | null;
  version: string;
  panelImageId: number;
  /** When the panel image was rendered; TRMNL filenames carry it. */
  producedAt: Date;
  /** Absolute path of the device-ready PNG. */
  filePath: string;
  pollIntervalS: number;
  nextChangeAt: Date | null;
  /**
   * Nothing will change by itself before this moment (sleep mode, quiet hours): a battery device
   * may sleep until then instead of polling. Null when the display should keep its poll interval.
   */
  restUntil: Date | null;
  override: { mode: DisplayMode; until: Date } | null;
  profileId: string;
  palette: string[];
  width: number;
  height: number;
  /** Changes whenever any field of the body changes; the version alone changes only with the picture. */
  etag: string;
}

export type StateFields = Omit<DisplayState, 'etag'>;

export function withEtag(fields: StateFields): DisplayState {
  const digest = crypto.createHash('sha1').update(JSON.stringify(stateBody(fields, ''))).digest('hex').slice(0, 16);
  return { ...fields, etag: `"${digest}"` };
}

/** The JSON body devices get; `baseUrl` makes `image_url` absolute for the address the device used. */
export function stateBody(state: StateFields, baseUrl: string): DeviceState {
  return {
    display_id: state.humanId,
    mode: state.mode,
    screen: state.screen,
    version: state.version,
    image_url: `${baseUrl}/api/display/image?version=${state.version}`,
    poll_interval_s: state.pollIntervalS,
    next_change_at: state.nextChangeAt?.toISOString() ?? null,
    override: state.override ? { mode: state.override.mode, until: state.override.until.toISOString() } : null,
    profile: state.profileId,
    palette: state.palette,
    width: state.width,
    height: state.height,
  };
}

export function toHex([r, g, b]: readonly [number, number, number]): string {
  return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
}
