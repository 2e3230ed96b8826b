import fs from 'node:fs';
import type { DataSource, Repository } from 'typeorm';
import type { AppEvents } from '../core/events.ts';
import { PairingError, type Pairing } from '../displays/pairing.ts';
import type { Telemetry, TelemetryRecorder } from '../displays/telemetry.ts';
import type { PanelImageStore } from '../panel-images/panel-image-store.ts';
import type { PanelImageRequests } from '../display-content/panel-image-requests.ts';
import type { DisplayActions } from '../display-content/display-actions.ts';
import type { DisplayContentService } from '../display-content/display-content-service.ts';
import type { DisplayState } from '../display-content/display-state.ts';
import { DisplayEntity, type Display } from '../storage/entities/display.ts';
import { DeviceIdentity, type DeviceCredentials } from './device-identity.ts';
import { profileForDevice, type DeviceDescription } from './device-profile.ts';
import { capabilityMatches, imagePath, parseImageFile } from './image-capability.ts';
import { parseLogPayload } from './log-entries.ts';
import type { DisplayLogStore } from './log-store.ts';
import { trmnlHardwareId } from './mac.ts';
import { refreshRate, trmnlFilename } from './refresh-rate.ts';

/** A device that is refused keeps its last picture and asks again after this long. */
const REFUSED_REFRESH_S = 900;

export interface TrmnlServiceDeps {
  db: DataSource;
  events: AppEvents;
  pairing: Pairing;
  displayContent: DisplayContentService;
  actions: DisplayActions;
  panelImages: PanelImageStore;
  panelImageRequests: PanelImageRequests;
  telemetry: TelemetryRecorder;
  logs: DisplayLogStore;
  now: () => Date;
}

/** What one `GET /api/display` brings: who asks, what it says about itself, and whether its button was double-pressed. */
export interface DisplayRequest {
  credentials: DeviceCredentials;
  device: DeviceDescription;
  firmware?: string;
  telemetry: Telemetry;
  specialFunctionPressed: boolean;
}

/** A JSON body a TRMNL client reads; `status` says how it went (never 500, which makes the firmware wipe itself). */
export type TrmnlBody = { status: number } & Record<string, unknown>;

/**
 * TRMNL's device API (DESIGN.md §4) over Inkstand's displays, pairing and content: what the answers
 * say; the HTTP side is in http/trmnl-routes.ts. `baseUrl` is where the device reached us, so the
 * image URLs work from where it stands.
 */
export class TrmnlService {
  readonly identity: DeviceIdentity;
  private readonly displays: Repository<Display>;

  constructor(private readonly deps: TrmnlServiceDeps) {
    this.identity = new DeviceIdentity(deps.db, deps.pairing);
    this.displays = deps.db.getRepository(DisplayEntity);
  }

  /**
   * `GET /api/setup` (firmware only, before it has a key): the display is created or re-paired and
   * waits for approval (status 202: the firmware then shows what /api/display gives it, the pairing
   * picture); once approved, the key is handed out once (status 200).
   */
  async setup(macAddress: string | null, device: DeviceDescription, firmware: string | undefined, baseUrl: string): Promise<TrmnlBody> {
    const empty = { api_key: null, friendly_id: null, image_url: null, filename: null };
    if (!macAddress) return { status: 404, ...empty, message: 'send the device MAC address in the "ID" header' };
    let outcome;
    try {
      outcome = await this.deps.pairing.bootstrap({ hardwareId: trmnlHardwareId(macAddress), width: device.width ?? 800, height: device.height ?? 480, profileId: profileForDevice(device), firmware, protocol: 'trmnl' });
    } catch (err) {
      if (err instanceof PairingError) return { status: 429, ...empty, message: err.message };
      throw err;
    }
    const { display } = outcome;
    this.deps.telemetry.record(display.id, { firmware });
    const picture = this.picture(display, await this.stateFor(display), baseUrl);
    if (outcome.status === 'pending') {
      return { status: 202, api_key: null, friendly_id: display.humanId, ...picture, message: `Approve ${display.humanId} (code ${display.pairingCode}) in Inkstand` };
    }
    return { status: 200, api_key: outcome.token, friendly_id: display.humanId, ...picture, message: 'Welcome to Inkstand' };
  }

  /** `GET /api/display`: the picture to show and when to ask again. */
  async display(request: DisplayRequest, baseUrl: string): Promise<TrmnlBody> {
    const { device, firmware } = request;
    const who = await this.identity.identify(request.credentials, { width: device.width ?? 800, height: device.height ?? 480, profileId: profileForDevice(device), firmware });
    if (!who.ok) {
      if (who.known?.resetRequested) return this.reset(who.known);
      return { status: who.status, image_url: null, filename: null, refresh_rate: REFUSED_REFRESH_S, reset_firmware: false, update_firmware: false, firmware_url: null, special_function: 'none', message: who.message };
    }
    const display = who.display;
    this.deps.telemetry.record(display.id, request.telemetry);
    if (display.resetRequested) return this.reset(display);
    const state = await this.stateFor(display);
    const answer = {
      status: 0,
      ...this.picture(display, state, baseUrl),
      refresh_rate: refreshRate(state, this.deps.now()),
      reset_firmware: false,
      update_firmware: false,
      firmware_url: null,
      special_function: display.specialFunction,
    };
    if (request.specialFunctionPressed && display.status === 'approved') return { ...answer, ...(await this.specialFunction(display, baseUrl)) };
    return answer;
  }

  /** `GET /api/current_screen`: what the display shows now, without counting as a visit. */
  async currentScreen(credentials: DeviceCredentials, baseUrl: string): Promise<TrmnlBody> {
    const who = await this.identity.identify(credentials);
    if (!who.ok) return { status: who.status, image_url: null, filename: null, message: who.message };
    return this.screenOf(who.display, baseUrl);
  }

  async screenOf(display: Display, baseUrl: string): Promise<TrmnlBody> {
    const state = await this.stateFor(display);
    return { status: 200, ...this.picture(display, state, baseUrl), refresh_rate: refreshRate(state, this.deps.now()), rendered_at: state.producedAt.toISOString(), mode: state.mode };
  }

  /** `POST /api/log`: stores the entries on the display's page; nothing is stored unless every entry is good. */
  async log(credentials: DeviceCredentials, body: unknown): Promise<{ httpStatus: number; body?: TrmnlBody }> {
    const who = await this.identity.identify(credentials);
    if (!who.ok) return { httpStatus: who.status, body: { status: who.status, message: who.message } };
    const entries = parseLogPayload(body);
    await this.deps.logs.add(who.display.id, entries);
    this.deps.events.emit('displays-changed', { displayId: who.display.id });
    return { httpStatus: 204 };
  }

  /** The file behind a TRMNL image URL, or null: the URL must carry the capability of a display that is not revoked. */
  async imageFile(humanId: string, file: string): Promise<string | null> {
    const wanted = parseImageFile(file);
    if (!wanted) return null;
    const display = await this.displays.findOneBy({ humanId });
    if (!display || display.status === 'revoked' || !capabilityMatches(display.imageSecret, wanted.version, wanted.capability)) return null;
    const frame = await this.deps.panelImages.byVersion(wanted.version);
    const absolute = frame ? this.deps.panelImages.absolutePath(frame) : null;
    return absolute && fs.existsSync(absolute) ? absolute : null;
  }

  /** The cached state, unless it disagrees with the row just read (another process approved or revoked the display a moment ago). */
  private async stateFor(display: Display): Promise<DisplayState> {
    const state = await this.deps.displayContent.current(display.id);
    const pairingExpected = display.status !== 'approved';
    return (state.mode === 'pairing') === pairingExpected ? state : this.deps.displayContent.recompute(display.id);
  }

  private picture(display: Display, state: DisplayState, baseUrl: string) {
    return { image_url: baseUrl + imagePath(display, state.version), filename: trmnlFilename(state.mode, state.version, state.producedAt) };
  }

  /** The double press, as the device was told (`special_function`): identify, or previous/next photo. */
  private async specialFunction(display: Display, baseUrl: string): Promise<Record<string, unknown>> {
    switch (display.specialFunction) {
      case 'identify': {
        const frame = await this.deps.panelImages.ensure(await this.deps.panelImageRequests.identify(display));
        return { action: 'identify', image_url: baseUrl + imagePath(display, frame.version), filename: trmnlFilename('identify', frame.version, frame.producedAt) };
      }
      case 'rewind':
      case 'send_to_me': {
        // TRMNL's firmware shows its own previous picture on `rewind` and redraws its current one on
        // `send_to_me`; the display steps here too, so the next wake-up shows the new photo.
        const state = await this.deps.actions.perform(display, { action: display.specialFunction === 'rewind' ? 'previous' : 'next' });
        return { action: display.specialFunction, ...this.picture(display, state, baseUrl) };
      }
      case 'none':
        return {};
    }
  }

  /** The user asked for it: the firmware wipes its key (and its Wi-Fi) and sets itself up again. Said once. */
  private async reset(display: Display): Promise<TrmnlBody> {
    await this.displays.update(display.id, { resetRequested: false });
    this.deps.events.emit('displays-changed', { displayId: display.id });
    return { status: 0, image_url: null, filename: null, refresh_rate: REFUSED_REFRESH_S, reset_firmware: true, update_firmware: false, firmware_url: null, special_function: 'none' };
  }
}
