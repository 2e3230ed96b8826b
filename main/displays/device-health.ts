/** A single Li-ion cell, as TRMNL reckons charge from voltage: 3.0 V empty, 4.2 V full, linear between. */
const EMPTY_V = 3.0;
const FULL_V = 4.2;

/** Percent charged, to one decimal (TRMNL's API shows 76.7 for 3.92 V). */
export function batteryPercent(voltage: number | null): number | null {
  if (voltage === null) return null;
  const fraction = Math.min(1, Math.max(0, (voltage - EMPTY_V) / (FULL_V - EMPTY_V)));
  return Math.round(fraction * 1000) / 10;
}

/** Wi-Fi quality in percent from RSSI, the usual 2 × (dBm + 100): −50 dBm or better is 100, −100 dBm is 0. */
export function wifiStrength(rssi: number | null): number | null {
  return rssi === null ? null : Math.min(100, Math.max(0, 2 * (rssi + 100)));
}
