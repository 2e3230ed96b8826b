import type { Display } from '../storage/entities/display.ts';
import type { Override, WeeklyRule } from '../storage/entities/schedule.ts';
import { parseButtonMap, type ButtonMap } from './buttons.ts';

/** A display as the admin contract shows it: plain data, no token hash. */
export interface DisplayDto {
  id: number;
  humanId: string;
  hardwareId: string;
  name: string;
  protocol: string;
  status: string;
  pairingCode: string | null;
  profileId: string;
  rotation: number;
  timeZone: string;
  defaultMode: string;
  rotationIntervalS: number;
  pollIntervalS: number;
  quietStart: string | null;
  quietEnd: string | null;
  buttonMap: ButtonMap;
  frameSettings: Record<string, unknown>;
  messageText: string | null;
  lastSeen: string | null;
  online: boolean;
  batteryVoltage: number | null;
  rssi: number | null;
  firmware: string | null;
  rules: { weekday: number; startMinute: number; endMinute: number; mode: string }[];
  override: { mode: string; until: string } | null;
  createdAt: string;
}

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
    frameSettings: d.frameSettings ? JSON.parse(d.frameSettings) : {},
    messageText: d.messageText,
    lastSeen: d.lastSeen?.toISOString() ?? null,
    online,
    batteryVoltage: d.batteryVoltage,
    rssi: d.rssi,
    firmware: d.firmware,
    rules: rules.map((r) => ({ weekday: r.weekday, startMinute: r.startMinute, endMinute: r.endMinute, mode: r.mode })),
    override: override && override.until > now ? { mode: override.mode, until: override.until.toISOString() } : null,
    createdAt: d.createdAt.toISOString(),
  };
}
