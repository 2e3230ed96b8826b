import { describe, expect, it } from 'vitest';
import { macAddressOf, normalizeMac, trmnlHardwareId } from '../../main/trmnl/mac.ts';

describe('MAC addresses from the ID header', () => {
  it.each([
    ['AA:BB:CC:DD:EE:FF', 'aa:bb:cc:dd:ee:ff'],
    [' b8:27:eb:12:34:56 ', 'b8:27:eb:12:34:56'],
    ['B8-27-EB-12-34-56', 'b8:27:eb:12:34:56'],
    ['B827EB123456', 'b8:27:eb:12:34:56'],
  ])('reads %j', (header, mac) => expect(normalizeMac(header)).toBe(mac));

  it.each([undefined, '', 'AA:BB:CC:DD:EE', 'AA:BB:CC:DD:EE:FF:00', 'AA:BB-CC:DD:EE:FF', 'GG:BB:CC:DD:EE:FF', 'AA:BB:CC:DD:EE:FF;', 'x'.repeat(40)])('refuses %j', (header) => {
    expect(normalizeMac(header)).toBeNull();
  });

  it('stores TRMNL displays under a prefix and shows their MAC upper case', () => {
    expect(trmnlHardwareId('aa:bb:cc:dd:ee:ff')).toBe('trmnl:aa:bb:cc:dd:ee:ff');
    expect(macAddressOf('trmnl:aa:bb:cc:dd:ee:ff')).toBe('AA:BB:CC:DD:EE:FF');
    expect(macAddressOf('pi-serial-0001')).toBeNull();
  });
});
