import { batteryPercent, wifiStrength } from '../displays/device-health.ts';
import type { Display } from '../storage/entities/display.ts';
import { macAddressOf } from '../trmnl/mac.ts';
import type { TrmnlService } from '../trmnl/trmnl-service.ts';

const minuteOfDay = (hhmm: string | null) => (hhmm ? Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) : null);

/**
 * A display as integrations read it, in the field names of TRMNL's `GET /api/devices` (so a Home
 * Assistant integration written for TRMNL reads it unchanged), with what Inkstand adds: status, mode
 * and the current screen's image URL.
 */
export async function deviceSummary(display: Display, trmnl: TrmnlService, baseUrl: string) {
  const screen = display.status === 'revoked' ? null : await trmnl.screenOf(display, baseUrl);
  return {
    id: display.id,
    name: display.name,
    friendly_id: display.humanId,
    mac_address: macAddressOf(display.hardwareId),
    protocol: display.protocol,
    status: display.status,
    battery_voltage: display.batteryVoltage,
    percent_charged: batteryPercent(display.batteryVoltage),
    rssi: display.rssi,
    wifi_strength: wifiStrength(display.rssi),
    firmware_version: display.firmware,
    // Inkstand frames also report these (X-CPU-Temperature in °C, X-Uptime in seconds).
    cpu_temperature: display.cpuTemperature,
    uptime_s: display.uptimeS,
    last_ping_at: display.lastSeen?.toISOString() ?? null,
    sleep_mode_enabled: display.quietStart !== null && display.quietEnd !== null,
    sleep_start_time: minuteOfDay(display.quietStart),
    sleep_end_time: minuteOfDay(display.quietEnd),
    current_screen: screen && { mode: screen.mode, image_url: screen.image_url, filename: screen.filename, rendered_at: screen.rendered_at },
  };
}
