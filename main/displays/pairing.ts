import type { AppEvents } from '../core/events.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Display, DisplayProtocol } from '../storage/entities/display.ts';
import type { DisplayStore, NewDisplay } from './display-store.ts';
import { hashToken, newHumanReadableId, newImageSecret, newPairingCode, newToken } from './secrets.ts';

export const MAX_PENDING_DISPLAYS = 20;
export const PAIRING_WINDOW_MS = 10 * 60_000;

export interface BootstrapRequest {
  hardwareId: string;
  width: number;
  height: number;
  profileId: string;
  firmware?: string;
  protocol: DisplayProtocol;
}

export type BootstrapOutcome =
  | { status: 'pending'; display: Display }
  | { status: 'approved'; display: Display; token: string };

export class PairingError extends Error {
  constructor(message: string, readonly code: string, readonly httpStatus: number) {
    super(message);
  }
}

/**
 * The pairing policy shared by the native and TRMNL protocols: a new or reflashed frame waits in
 * `pending` until the user approves it (or the "pair new displays" window is open); an approved
 * frame's next bootstrap receives its token, once.
 */
export interface PairingDeps {
  displays: DisplayStore;
  settings: Pick<SettingsStore, 'get' | 'set'>;
  events: AppEvents;
  now(): Date;
}

export class Pairing {
  private readonly displays: DisplayStore;
  private readonly now: () => Date;

  constructor(private readonly deps: PairingDeps) {
    this.displays = deps.displays;
    this.now = deps.now;
  }

  async bootstrap(request: BootstrapRequest): Promise<BootstrapOutcome> {
    const existing = await this.displays.byHardwareId(request.hardwareId);
    if (existing && existing.status === 'approved' && existing.tokenHash === null) return this.issueToken(existing);
    if (existing && existing.status === 'pending') {
      if (await this.pairingWindowOpen()) return this.issueToken(await this.markApproved(existing));
      return { status: 'pending', display: existing };
    }
    // New frame, or a known one bootstrapping again (reflashed): it waits for approval; its old token stays valid until then.
    const display = await this.enrol(existing, request);
    return display.status === 'approved' ? this.issueToken(display) : { status: 'pending', display };
  }

  /**
   * For devices that identify by hardware id alone and never exchange a token (trmnl-display sends only
   * its MAC): an unknown or revoked device becomes pending, a pending one is approved while the pairing
   * window is open, an approved one is returned as it is.
   */
  async admit(request: BootstrapRequest): Promise<Display> {
    const existing = await this.displays.byHardwareId(request.hardwareId);
    if (existing?.status === 'approved') return existing;
    if (existing?.status === 'pending') return (await this.pairingWindowOpen()) ? this.markApproved(existing) : existing;
    return this.enrol(existing, request);
  }

  /** Approval revokes any token the frame had before (a re-pair); the new one is handed out at its next bootstrap. */
  async approve(displayId: number): Promise<Display> {
    return this.markApproved(await this.displays.get(displayId));
  }

  /** The token stops working and so do the display's image URLs. */
  async revoke(displayId: number): Promise<Display> {
    return this.displays.write(displayId, { status: 'revoked', tokenHash: null, imageSecret: newImageSecret() });
  }

  /**
   * TRMNL devices: with `required`, the MAC address alone no longer identifies the display. One
   * without a token gets one, returned this once, to set on the device (trmnl-display's TRMNL_API_KEY).
   */
  async requireToken(displayId: number, required: boolean): Promise<{ display: Display; token: string | null }> {
    const display = await this.displays.get(displayId);
    const token = required && display.tokenHash === null ? newToken() : null;
    const saved = await this.displays.write(displayId, { requireToken: required, ...(token ? { tokenHash: hashToken(token) } : {}) });
    return { display: saved, token };
  }

  async openPairingWindow(durationMs = PAIRING_WINDOW_MS): Promise<Date> {
    const until = new Date(this.now().getTime() + durationMs);
    await this.deps.settings.set('pairing.auto_approve_until', until.toISOString());
    return until;
  }

  async closePairingWindow(): Promise<void> {
    await this.deps.settings.set('pairing.auto_approve_until', '');
  }

  async pairingWindowUntil(): Promise<Date | null> {
    const value = await this.deps.settings.get('pairing.auto_approve_until');
    const until = value ? new Date(value) : null;
    return until && until > this.now() ? until : null;
  }

  private async pairingWindowOpen(): Promise<boolean> {
    return (await this.pairingWindowUntil()) !== null;
  }

  /** A new display waits for approval (or is approved at once while the pairing window is open). */
  private async enrol(existing: Display | null, request: BootstrapRequest): Promise<Display> {
    if (!existing && (await this.displays.countPending()) >= MAX_PENDING_DISPLAYS) {
      throw new PairingError('too many displays are waiting for approval; approve or remove some first', 'too_many_pending', 429);
    }
    const enrolment = {
      status: 'pending' as const,
      pairingCode: newPairingCode(),
      requestedWidth: request.width,
      requestedHeight: request.height,
      ...(request.firmware ? { firmware: request.firmware } : {}),
    };
    const saved = existing ? await this.displays.write(existing.id, enrolment) : await this.displays.create({ ...this.newDisplay(request), ...enrolment });
    if (await this.pairingWindowOpen()) return this.markApproved(saved);
    this.deps.events.emit('pairing-request', { displayId: saved.id, humanId: saved.humanId });
    return saved;
  }

  /** A re-approval (after a revoke or a re-pair) also retires the image URLs handed out before. */
  private async markApproved(display: Display): Promise<Display> {
    return this.displays.write(display.id, {
      ...(display.approvedAt !== null ? { imageSecret: newImageSecret() } : {}),
      status: 'approved',
      tokenHash: null,
      approvedAt: this.now(),
    });
  }

  private async issueToken(display: Display): Promise<BootstrapOutcome> {
    const token = newToken();
    // A TRMNL device that holds its key sends it on every request: from now on it must.
    const saved = await this.displays.write(display.id, { tokenHash: hashToken(token), ...(display.protocol === 'trmnl' ? { requireToken: true } : {}) });
    return { status: 'approved', display: saved, token };
  }

  private newDisplay(request: BootstrapRequest): NewDisplay {
    const humanId = newHumanReadableId();
    return {
      hardwareId: request.hardwareId,
      humanId,
      name: humanId,
      protocol: request.protocol,
      status: 'pending',
      pairingCode: newPairingCode(),
      tokenHash: null,
      profileId: request.profileId,
      rotation: 0,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      defaultMode: 'photo',
      defaultItemId: null,
      playlistPosition: null,
      playlistSince: null,
      rotationIntervalS: 3600,
      pollIntervalS: request.protocol === 'trmnl' ? 900 : 300,
      quietStart: null,
      quietEnd: null,
      buttonMap: null,
      pictureSettings: null,
      messageText: null,
      currentVariantId: null,
      currentSince: null,
      lastSeen: null,
      batteryVoltage: null,
      rssi: null,
      firmware: request.firmware ?? null,
      requestedWidth: request.width,
      requestedHeight: request.height,
      createdAt: this.now(),
      approvedAt: null,
      requireToken: false,
      imageSecret: newImageSecret(),
      specialFunction: 'identify',
      resetRequested: false,
      notifyOffline: true,
      cpuTemperature: null,
      uptimeS: null,
      offlineNotifiedFor: null,
    };
  }
}
