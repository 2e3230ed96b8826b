import type { Display } from '../storage/entities/display.ts';
import type { Override, WeeklyRule } from '../storage/entities/schedule.ts';
import type { DisplayDto } from '../../contract/dtos.ts';
import { storedPictureSettings } from '../imaging/picture-settings.ts';
import { macAddressOf } from '../trmnl/mac.ts';
import { frameProgramOutdated } from '../frame-program/version.ts';
import { batteryPercent } from './device-health.ts';
import { parseButtonMap } from './buttons.ts';
import { isOnline } from './presence.ts';

/** What the DTO needs beyond the row: the end of a sleep the display was told about, the frame program version served. */
export interface DisplayDtoContext {
  restUntil: Date | null;
  frameVersion: string | null;
}

export function toDisplayDto(d: Display, rules: WeeklyRule[], override: Override | null, now: Date, context: DisplayDtoContext): DisplayDto {
  const online = isOnline(d, context.restUntil, now);
  return {
    id: d.id,
    humanId: d.humanId,
    hardwareId: d.hardwareId,
    name: d.name,
    protocol: d.protocol,
    status: d.status,
    pairingCode: d.status === 'pending' ? d.pairingCode : null,
    profileId: d.profileId,
    rotation: d.rotation,
    timeZone: d.timeZone,
    defaultMode: d.defaultMode,
    rotationIntervalS: d.rotationIntervalS,
    pollIntervalS: d.pollIntervalS,
    quietStart: d.quietStart,
    quietEnd: d.quietEnd,
    buttonMap: parseButtonMap(d.buttonMap),
    pictureSettings: storedPictureSettings(d.pictureSettings),
    messageText: d.messageText,
    lastSeen: d.lastSeen?.toISOString() ?? null,
    online,
    notifyOffline: d.notifyOffline,
    batteryVoltage: d.batteryVoltage,
    batteryPercent: batteryPercent(d.batteryVoltage),
    rssi: d.rssi,
    firmware: d.firmware,
    cpuTemperature: d.cpuTemperature,
    uptimeS: d.uptimeS,
    frameProgramOutdated: frameProgramOutdated(d.firmware, context.frameVersion),
    macAddress: macAddressOf(d.hardwareId),
    macOnlyAuth: d.protocol === 'trmnl' && !d.requireToken,
    hasToken: d.tokenHash !== null,
    specialFunction: d.specialFunction,
    resetRequested: d.resetRequested,
    rules: rules.map((r) => ({ weekday: r.weekday, startMinute: r.startMinute, endMinute: r.endMinute, mode: r.mode })),
    override: override && override.until > now ? { mode: override.mode, until: override.until.toISOString() } : null,
    createdAt: d.createdAt.toISOString(),
  };
}
