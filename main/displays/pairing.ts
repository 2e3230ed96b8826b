import type { DataSource, Repository } from 'typeorm';
import type { AppEvents } from '../core/events.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { DisplayEntity, type Display, type DisplayProtocol } from '../storage/entities/display.ts';
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
export class Pairing {
  private readonly displays: Repository<Display>;

  constructor(db: DataSource, private readonly settings: SettingsStore, private readonly events: AppEvents, private readonly now: () => Date) {
    this.displays = db.getRepository(DisplayEntity);
  }

  async bootstrap(request: BootstrapRequest): Promise<BootstrapOutcome> {
    const existing = await this.displays.findOneBy({ hardwareId: request.hardwareId });
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
    const existing = await this.displays.findOneBy({ hardwareId: request.hardwareId });
    if (existing?.status === 'approved') return existing;
    if (existing?.status === 'pending') return (await this.pairingWindowOpen()) ? this.markApproved(existing) : existing;
    return this.enrol(existing, request);
  }

  /** Approval revokes any token the frame had before (a re-pair); the new one is handed out at its next bootstrap. */
  async approve(displayId: number): Promise<Display> {
    const display = await this.displays.findOneByOrFail({ id: displayId });
    return this.markApproved(display);
  }

  /** The token stops working and so do the display's image URLs. */
  async revoke(displayId: number): Promise<Display> {
    const display = await this.displays.findOneByOrFail({ id: displayId });
    display.status = 'revoked';
    display.tokenHash = null;
    display.imageSecret = newImageSecret();
    const saved = await this.displays.save(display);
    this.events.emit('displays-changed', { displayId });
    return saved;
  }

  /**
   * TRMNL devices: with `required`, the MAC address alone no longer identifies the display. One
   * without a token gets one, returned this once, to set on the device (trmnl-display's TRMNL_API_KEY).
   */
  async requireToken(displayId: number, required: boolean): Promise<{ display: Display; token: string | null }> {
    const display = await this.displays.findOneByOrFail({ id: displayId });
    const token = required && display.tokenHash === null ? newToken() : null;
    if (token) display.tokenHash = hashToken(token);
    display.requireToken = required;
    const saved = await this.displays.save(display);
    this.events.emit('displays-changed', { displayId });
    return { display: saved, token };
  }

  async openPairingWindow(durationMs = PAIRING_WINDOW_MS): Promise<Date> {
    const until = new Date(this.now().getTime() + durationMs);
    await this.settings.set('pairing.auto_approve_until', until.toISOString());
    return until;
  }

  async closePairingWindow(): Promise<void> {
    await this.settings.set('pairing.auto_approve_until', '');
  }

  async pairingWindowUntil(): Promise<Date | null> {
    const value = await this.settings.get('pairing.auto_approve_until');
    const until = value ? new Date(value) : null;
    return until && until > this.now() ? until : null;
  }

  private async pairingWindowOpen(): Promise<boolean> {
    return (await this.pairingWindowUntil()) !== null;
  }

  /** A new display waits for approval (or is approved at once while the pairing window is open). */
  private async enrol(existing: Display | null, request: BootstrapRequest): Promise<Display> {
    if (!existing && (await this.displays.countBy({ status: 'pending' })) >= MAX_PENDING_DISPLAYS) {
      throw new PairingError('too many displays are waiting for approval; approve or remove some first', 'too_many_pending', 429);
    }
    const display = existing ?? this.newDisplay(request);
    display.status = 'pending';
    display.pairingCode = newPairingCode();
    display.requestedWidth = request.width;
    display.requestedHeight = request.height;
    display.firmware = request.firmware ?? display.firmware;
    const saved = await this.displays.save(display);
    this.events.emit('displays-changed', { displayId: saved.id });
    if (await this.pairingWindowOpen()) return this.markApproved(saved);
    this.events.emit('pairing-request', { displayId: saved.id, humanId: saved.humanId });
    return saved;
  }

  /** A re-approval (after a revoke or a re-pair) also retires the image URLs handed out before. */
  private async markApproved(display: Display): Promise<Display> {
    if (display.approvedAt !== null) display.imageSecret = newImageSecret();
    display.status = 'approved';
    display.tokenHash = null;
    display.approvedAt = this.now();
    const saved = await this.displays.save(display);
    this.events.emit('displays-changed', { displayId: display.id });
    return saved;
  }

  private async issueToken(display: Display): Promise<BootstrapOutcome> {
    const token = newToken();
    display.tokenHash = hashToken(token);
    // A TRMNL device that holds its key sends it on every request: from now on it must.
    if (display.protocol === 'trmnl') display.requireToken = true;
    const saved = await this.displays.save(display);
    this.events.emit('displays-changed', { displayId: display.id });
    return { status: 'approved', display: saved, token };
  }

  private newDisplay(request: BootstrapRequest): Display {
    const humanId = newHumanReadableId();
    return this.displays.create({
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
    });
  }
}
