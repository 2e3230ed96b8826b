import type { Display } from '../storage/entities/display.ts';
import type { Override, WeeklyRule } from '../storage/entities/schedule.ts';
import type { DisplayDto } from '../../contract/dtos.ts';
import { storedPictureSettings } from '../imaging/picture-settings.ts';
import { macAddressOf } from '../trmnl/mac.ts';
import { batteryPercent } from './device-health.ts';
import { parseButtonMap } from './buttons.ts';

export function toDisplayDto(d: Display, rules: WeeklyRule[], override: Override | null, now: Date): DisplayDto {
  const online = d.lastSeen !== null && now.getTime() - d.lastSeen.getTime() <= (2 * d.pollIntervalS + 30) * 1000;
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
    batteryVoltage: d.batteryVoltage,
    batteryPercent: batteryPercent(d.batteryVoltage),
    rssi: d.rssi,
    firmware: d.firmware,
    macAddress: macAddressOf(d.hardwareId),
    macOnlyAuth: d.protocol === 'trmnl' && !d.requireToken,
    hasToken: d.tokenHash !== null,
    specialFunction: d.specialFunction,
    resetRequested: d.resetRequested,
    defaultItemId: d.defaultItemId ?? null,
    rules: rules.map((r) => ({ weekday: r.weekday, startMinute: r.startMinute, endMinute: r.endMinute, mode: r.mode, itemId: r.itemId ?? null })),
    override: override && override.until > now ? { mode: override.mode, until: override.until.toISOString(), itemId: override.itemId ?? null } : null,
    createdAt: d.createdAt.toISOString(),
  };
}
