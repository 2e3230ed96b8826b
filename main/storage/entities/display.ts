import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';
import type { DisplayMode, SpecialFunction } from '../../../contract/dtos.ts';

export type DisplayStatus = 'pending' | 'approved' | 'revoked';
export { DISPLAY_MODES, type DisplayMode } from '../../../contract/dtos.ts';
export type DisplayProtocol = 'native' | 'trmnl';
export { SPECIAL_FUNCTIONS, type SpecialFunction } from '../../../contract/dtos.ts';

export interface Display {
  id: number;
  hardwareId: string;
  humanId: string;
  name: string;
  protocol: DisplayProtocol;
  status: DisplayStatus;
  pairingCode: string;
  /** sha256 of the device token; the token itself is shown to the device once. */
  tokenHash: string | null;
  profileId: string;
  rotation: number;
  timeZone: string;
  defaultMode: DisplayMode;
  rotationIntervalS: number;
  pollIntervalS: number;
  /** 'HH:MM' in the display's time zone; no picture change between start and end. */
  quietStart: string | null;
  quietEnd: string | null;
  /** JSON: { A: action, B: action, … } overriding the default button map. */
  buttonMap: string | null;
  /** JSON PictureSettings: dither algorithm and adjustments. */
  pictureSettings: string | null;
  messageText: string | null;
  /** The photo-mode picture currently drawn for this display, and since when. */
  currentVariantId: number | null;
  currentSince: Date | null;
  lastSeen: Date | null;
  batteryVoltage: number | null;
  rssi: number | null;
  firmware: string | null;
  /** °C, as the frame program reports it (X-CPU-Temperature). */
  cpuTemperature: number | null;
  /** Seconds since the device booted (X-Uptime). */
  uptimeS: number | null;
  /** Send a desktop notification when the display falls silent (once per outage). */
  notifyOffline: boolean;
  /** The last-seen time of the silence a notification was sent for: the same value means the same outage. */
  offlineNotifiedFor: Date | null;
  requestedWidth: number;
  requestedHeight: number;
  createdAt: Date;
  approvedAt: Date | null;
  /** TRMNL devices only: refuse requests that identify by MAC address alone, without the access token. */
  requireToken: boolean;
  /**
   * Key of the display's image capabilities (TRMNL image URLs carry an HMAC of it and the version).
   * Every row has one (the migration fills old rows); a new one makes every old URL stop working.
   */
  imageSecret: string;
  /** What a TRMNL device's double press does; sent to the device as `special_function`. */
  specialFunction: SpecialFunction;
  /** The user asked for the device to wipe its credentials (`reset_firmware`) at its next request. */
  resetRequested: boolean;
}

export const DisplayEntity = new EntitySchema<Display>({
  name: 'Display',
  tableName: 'displays',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    hardwareId: { name: 'hardware_id', type: 'varchar', length: 128, unique: true },
    humanId: { name: 'human_id', type: 'varchar', length: 16, unique: true },
    name: { type: 'varchar', length: 100 },
    protocol: { type: 'varchar', length: 10 },
    status: { type: 'varchar', length: 10 },
    pairingCode: { name: 'pairing_code', type: 'varchar', length: 6 },
    tokenHash: { name: 'token_hash', type: 'varchar', length: 64, nullable: true, unique: true },
    profileId: { name: 'profile_id', type: 'varchar', length: 64 },
    rotation: { type: 'integer' },
    timeZone: { name: 'time_zone', type: 'varchar', length: 64 },
    defaultMode: { name: 'default_mode', type: 'varchar', length: 16 },
    rotationIntervalS: { name: 'rotation_interval_s', type: 'integer' },
    pollIntervalS: { name: 'poll_interval_s', type: 'integer' },
    quietStart: { name: 'quiet_start', type: 'varchar', length: 5, nullable: true },
    quietEnd: { name: 'quiet_end', type: 'varchar', length: 5, nullable: true },
    buttonMap: { name: 'button_map', type: 'text', nullable: true },
    pictureSettings: { name: 'frame_settings', type: 'text', nullable: true },
    messageText: { name: 'message_text', type: 'text', nullable: true },
    currentVariantId: { name: 'current_variant_id', type: 'integer', nullable: true },
    currentSince: { name: 'current_since', type: TIMESTAMP, nullable: true },
    lastSeen: { name: 'last_seen', type: TIMESTAMP, nullable: true },
    batteryVoltage: { name: 'battery_voltage', type: 'real', nullable: true },
    rssi: { type: 'integer', nullable: true },
    firmware: { type: 'varchar', length: 64, nullable: true },
    cpuTemperature: { name: 'cpu_temperature', type: 'real', nullable: true },
    uptimeS: { name: 'uptime_s', type: 'integer', nullable: true },
    notifyOffline: { name: 'notify_offline', type: 'boolean', default: true },
    offlineNotifiedFor: { name: 'offline_notified_for', type: TIMESTAMP, nullable: true },
    requestedWidth: { name: 'requested_width', type: 'integer' },
    requestedHeight: { name: 'requested_height', type: 'integer' },
    createdAt: { name: 'created_at', type: TIMESTAMP },
    approvedAt: { name: 'approved_at', type: TIMESTAMP, nullable: true },
    requireToken: { name: 'require_token', type: 'boolean', default: false },
    imageSecret: { name: 'image_secret', type: 'varchar', length: 64, nullable: true },
    specialFunction: { name: 'special_function', type: 'varchar', length: 16, default: 'identify' },
    resetRequested: { name: 'reset_requested', type: 'boolean', default: false },
  },
});
