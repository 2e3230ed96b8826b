import type { DisplayStore } from '../displays/display-store.ts';
import { PairingError, type BootstrapRequest, type Pairing } from '../displays/pairing.ts';
import { hashToken } from '../displays/secrets.ts';
import type { Display } from '../storage/entities/display.ts';
import { trmnlHardwareId } from './mac.ts';

/** What a TRMNL request presents: its `ID` header (a MAC, already checked) and its `Access-Token`, if any. */
export interface DeviceCredentials {
  mac: string | null;
  token: string | null;
}

export type Identified =
  | { ok: true; display: Display }
  /** `known` is the display the MAC names, when there is one, even though it may not have the picture. */
  | { ok: false; status: number; message: string; known: Display | null };

/**
 * Who is asking on the TRMNL routes. A presented access token decides alone (a wrong one never
 * falls back to the MAC). Without one, the MAC names the display: that is enough for an approved
 * display unless it requires its token; an unknown or revoked MAC may be admitted as a pending display.
 * Every answer reads the display row (TRMNL devices ask every few minutes, not every second), so a
 * revoke or removal made by any process counts at once.
 */
export class DeviceIdentity {
  constructor(private readonly displays: Pick<DisplayStore, 'byHardwareId' | 'byTokenHash'>, private readonly pairing: Pairing) {}

  /** `admit`: what to enrol an unknown MAC with; without it, unknown devices are refused. */
  async identify({ mac, token }: DeviceCredentials, admit?: Omit<BootstrapRequest, 'hardwareId' | 'protocol'>): Promise<Identified> {
    const known = mac ? await this.displays.byHardwareId(trmnlHardwareId(mac)) : null;
    if (token) {
      // Looked up by hash: the comparison never runs over the token itself.
      const display = await this.displays.byTokenHash(hashToken(token));
      if (!display || display.status === 'revoked') return { ok: false, status: 401, message: 'unknown or revoked access token: remove the device in Inkstand and set it up again', known };
      return { ok: true, display };
    }
    if (!mac) return { ok: false, status: 404, message: 'send the device MAC address in the "ID" header', known: null };
    if (known?.status === 'approved') {
      if (known.requireToken) return { ok: false, status: 403, message: 'this display requires its access token; set it on the device', known };
      return { ok: true, display: known };
    }
    if (!admit) return { ok: false, status: 404, message: 'unknown device; let it ask for a picture first, then approve it in Inkstand', known };
    try {
      return { ok: true, display: await this.pairing.admit({ ...admit, hardwareId: trmnlHardwareId(mac), protocol: 'trmnl' }) };
    } catch (err) {
      if (err instanceof PairingError) return { ok: false, status: err.httpStatus, message: err.message, known };
      throw err;
    }
  }
}
