import { describe, expect, it } from 'vitest';
import { pixelHeader, profileForDevice } from '../../main/trmnl/device-profile.ts';

describe('the profile a TRMNL-class device starts with', () => {
  it.each([
    [{}, 'trmnl-og-1bit'],
    [{ width: 800, height: 480 }, 'trmnl-og-1bit'],
    [{ width: 480, height: 800 }, 'trmnl-og-1bit'],
    [{ model: 'og_png' }, 'trmnl-og-1bit'],
    [{ model: 'OG_PLUS' }, 'trmnl-og-4grey'],
    [{ model: 'inky-impression-7.3' }, 'inky-impression-7.3'],
    [{ model: 'v2', width: 800, height: 480 }, 'grey16'],
    [{ model: 'unknown', width: 1600, height: 1200 }, 'spectra6-13.3'],
    [{ width: 640, height: 400 }, 'inky-impression-4'],
  ])('%j → %s', (device, profile) => expect(profileForDevice(device)).toBe(profile));

  it('reads only plausible pixel counts from Width and Height', () => {
    expect(pixelHeader('800')).toBe(800);
    for (const junk of [undefined, '', '0', '-480', '8e2', '800px', '99999999', '12']) expect(pixelHeader(junk)).toBeUndefined();
  });
});
