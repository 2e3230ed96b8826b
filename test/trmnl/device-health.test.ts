import { describe, expect, it } from 'vitest';
import { batteryPercent, wifiStrength } from '../../main/displays/device-health.ts';

describe('battery and signal, as TRMNL shows them', () => {
  it('battery: 3.0 V empty, 4.2 V full, linear between (TRMNL: 3.92 V → 76.67 %)', () => {
    expect(batteryPercent(3.92)).toBe(76.7);
    expect(batteryPercent(4.15)).toBe(95.8);
    expect(batteryPercent(2.5)).toBe(0);
    expect(batteryPercent(5)).toBe(100);
    expect(batteryPercent(null)).toBeNull();
  });

  it('Wi-Fi: 2 × (dBm + 100), within 0–100', () => {
    expect(wifiStrength(-68)).toBe(64);
    expect(wifiStrength(-40)).toBe(100);
    expect(wifiStrength(-120)).toBe(0);
    expect(wifiStrength(null)).toBeNull();
  });
});
