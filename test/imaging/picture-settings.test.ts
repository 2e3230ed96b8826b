import { describe, expect, it } from 'vitest';
import { readPictureSettings, storedPictureSettings } from '../../main/imaging/picture-settings.ts';

describe('stored picture settings', () => {
  it('are completed with the default dither and leave out adjustments at 1', () => {
    expect(readPictureSettings({})).toEqual({ dither: 'floyd-steinberg' });
    expect(readPictureSettings({ dither: 'atkinson', vividness: 1.3, contrast: 1, brightness: 0.8 })).toEqual({ dither: 'atkinson', vividness: 1.3, brightness: 0.8 });
  });

  it('read the keys of earlier versions: saturation is vividness, a palette saturation below 0.5 asked for more colour', () => {
    expect(readPictureSettings({ dither: 'sierra', paletteSaturation: 0.5, saturation: 1, contrast: 1, brightness: 1 })).toEqual({ dither: 'sierra' });
    expect(readPictureSettings({ saturation: 1.2 })).toEqual({ dither: 'floyd-steinberg', vividness: 1.2 });
    expect(readPictureSettings({ paletteSaturation: 0 })).toEqual({ dither: 'floyd-steinberg', vividness: 1.5 });
    expect(readPictureSettings({ paletteSaturation: 0.9, saturation: 1.2 })).toEqual({ dither: 'floyd-steinberg', vividness: 1.2 });
    expect(readPictureSettings({ paletteSaturation: 0.3, saturation: 1.2 })).toEqual({ dither: 'floyd-steinberg', vividness: 1.44 });
    expect(readPictureSettings({ vividness: 0.8, saturation: 2 })).toEqual({ dither: 'floyd-steinberg', vividness: 0.8 });
  });

  it('never fail a render over a bad stored value: it is left out', () => {
    expect(readPictureSettings({ dither: 'zigzag', vividness: 9, contrast: 'high', brightness: -1 })).toEqual({ dither: 'floyd-steinberg' });
    expect(storedPictureSettings('{not json')).toEqual({ dither: 'floyd-steinberg' });
    expect(storedPictureSettings(null)).toEqual({ dither: 'floyd-steinberg' });
    expect(storedPictureSettings('"a string"')).toEqual({ dither: 'floyd-steinberg' });
  });
});
