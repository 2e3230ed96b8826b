import { describe, expect, it } from 'vitest';
import { bitDepthFor } from '../../main/imaging/panel-profile.ts';
import { BUILTIN_PROFILES, defaultProfileForResolution, findBuiltinProfile, validateCustomProfile } from '../../main/imaging/profiles.ts';

describe('built-in profiles', () => {
  it('have the documented ids, sizes and consistent fields', () => {
    expect(BUILTIN_PROFILES.map((p) => p.id)).toEqual([
      'spectra6-13.3', 'inky-impression-13.3-spectra6', 'inky-impression-7.3-spectra6', 'inky-impression-7.3', 'inky-impression-4-spectra6',
      'inky-impression-5.7', 'inky-impression-4', 'waveshare-7.5-v2', 'trmnl-og-1bit', 'trmnl-og-4grey', 'grey16',
      'waveshare-7.3f', 'waveshare-4.0e', 'waveshare-7.3e', 'waveshare-13.3e', 'waveshare-7.5b-v2', 'waveshare-5.83b-v2',
      'waveshare-4.2b-v2', 'waveshare-2.9b-v4', 'waveshare-2.13b-v4', 'waveshare-7.5b', 'waveshare-7.5c', 'waveshare-5.83b',
      'waveshare-5.83c', 'waveshare-4.2b', 'waveshare-4.2c', 'waveshare-4.2-4grey', 'waveshare-2.7-4grey',
    ]);
    for (const p of BUILTIN_PROFILES) {
      expect(p.colorNames).toHaveLength(p.palette.length);
      if (!p.grey) expect(p.source, p.id).toMatch(/Pimoroni inky|Waveshare/);
      expect(p.bitDepth).toBe(bitDepthFor(p.palette.length));
      expect(p.orientation).toBe(p.width >= p.height ? 'landscape' : 'portrait');
      expect(p.builtIn).toBe(true);
    }
    expect(findBuiltinProfile('spectra6-13.3')).toMatchObject({ width: 1600, height: 1200, bitDepth: 4 });
    expect(findBuiltinProfile('spectra6-13.3')!.palette).toEqual([[0, 0, 0], [255, 255, 255], [208, 190, 71], [156, 72, 75], [61, 59, 94], [58, 91, 70]]);
    expect(findBuiltinProfile('inky-impression-7.3')!.colorNames).toEqual(['black', 'white', 'green', 'blue', 'red', 'yellow', 'orange']);
    expect(findBuiltinProfile('trmnl-og-4grey')).toMatchObject({ grey: true, bitDepth: 2 });
    expect(findBuiltinProfile('nope')).toBeUndefined();
  });

  it('defaults by resolution', () => {
    expect(defaultProfileForResolution(1600, 1200).id).toBe('spectra6-13.3');
    expect(defaultProfileForResolution(1200, 1600).id).toBe('spectra6-13.3');
    expect(defaultProfileForResolution(800, 480).id).toBe('inky-impression-7.3');
    expect(defaultProfileForResolution(640, 400).id).toBe('inky-impression-4');
    expect(defaultProfileForResolution(800, 600).id).toBe('inky-impression-7.3');
    expect(defaultProfileForResolution(2000, 1500).id).toBe('spectra6-13.3');
    expect(defaultProfileForResolution(1404, 1872).id).toBe('grey16');
    expect(defaultProfileForResolution(0, Number.NaN).id).toBe('spectra6-13.3');
  });
});

describe('palettes from the vendor drivers', () => {
  // Pimoroni inky: SATURATED_PALETTE of inky_e673.py / inky_el133uf1.py (Spectra 6), inky_ac073tc1a.py and inky_uc8159.py (7-colour).
  const SPECTRA6 = [[0, 0, 0], [161, 164, 165], [208, 190, 71], [156, 72, 75], [61, 59, 94], [58, 91, 70]];
  const AC073TC1A = [[0, 0, 0], [217, 242, 255], [3, 124, 76], [27, 46, 198], [245, 80, 34], [255, 255, 68], [239, 121, 44]];
  const UC8159 = [[57, 48, 57], [255, 255, 255], [58, 91, 70], [61, 59, 94], [156, 72, 75], [208, 190, 71], [177, 106, 73]];

  it('are the measured colours, in the order the driver indexes them', () => {
    expect(findBuiltinProfile('inky-impression-7.3-spectra6')!.palette).toEqual(SPECTRA6);
    expect(findBuiltinProfile('inky-impression-13.3-spectra6')!.palette).toEqual(SPECTRA6);
    expect(findBuiltinProfile('inky-impression-7.3-spectra6')!.colorNames).toEqual(['black', 'white', 'yellow', 'red', 'blue', 'green']);
    expect(findBuiltinProfile('inky-impression-7.3')!.palette).toEqual(AC073TC1A);
    expect(findBuiltinProfile('inky-impression-5.7')!.palette).toEqual(UC8159);
    expect(findBuiltinProfile('inky-impression-4')!.palette).toEqual(UC8159);
    expect(findBuiltinProfile('waveshare-7.5-v2')!.palette).toEqual([[0, 0, 0], [255, 255, 255]]);
    expect(findBuiltinProfile('inky-impression-7.3-spectra6')!.source).toMatch(/inky_e673\.py.*native codes 0, 1, 2, 3, 5, 6/);
  });
});

describe('validateCustomProfile', () => {
  const valid = { id: 'kitchen-bw', label: 'Kitchen', width: 400, height: 300, palette: [[0, 0, 0], [255, 255, 255], [255, 0, 0]] };

  it('completes a valid profile', () => {
    expect(validateCustomProfile(valid)).toEqual({
      ...valid, orientation: 'landscape', colorNames: ['colour 0', 'colour 1', 'colour 2'], bitDepth: 2, grey: false, builtIn: false,
    });
  });

  it('keeps where the colours come from', () => {
    expect(validateCustomProfile({ ...valid, source: 'measured with a colorimeter' }).source).toBe('measured with a colorimeter');
  });

  it('names the bad field', () => {
    expect(() => validateCustomProfile({ ...valid, width: 0 })).toThrow(/^invalid panel profile: width:/);
    expect(() => validateCustomProfile({ ...valid, palette: [[0, 0, 0], [255, 300, 0]] })).toThrow(/palette\[1\]\[1\]/);
    expect(() => validateCustomProfile({ ...valid, colorNames: ['a'] })).toThrow(/colorNames: must have 3 entries/);
    expect(() => validateCustomProfile({ ...valid, id: 'spectra6-13.3' })).toThrow(/id: is the id of a built-in profile/);
    expect(() => validateCustomProfile({ ...valid, bitDepth: 8 })).toThrow(/bitDepth: must be 2/);
    expect(() => validateCustomProfile({ ...valid, grey: true })).toThrow(/palette: a grey profile needs 2, 4, 16 or 256 levels/);
    expect(() => validateCustomProfile({ ...valid, orientation: 'portrait' })).toThrow(/orientation: must be "landscape"/);
    expect(() => validateCustomProfile({ ...valid, extra: 1 })).toThrow(/invalid panel profile/);
    expect(() => validateCustomProfile({ ...valid, pureColors: valid.palette })).toThrow(/invalid panel profile/);
    expect(() => validateCustomProfile('nope')).toThrow(/invalid panel profile/);
  });
});
