import { describe, expect, it } from 'vitest';
import { readFrameSettings, storedFrameSettings } from '../../main/imaging/frame-settings.ts';

describe('stored frame settings', () => {
  it('are completed with the default dither and leave out adjustments at 1', () => {
    expect(readFrameSettings({})).toEqual({ dither: 'floyd-steinberg' });
    expect(readFrameSettings({ dither: 'atkinson', vividness: 1.3, contrast: 1, brightness: 0.8 })).toEqual({ dither: 'atkinson', vividness: 1.3, brightness: 0.8 });
  });

  it('read the keys of earlier versions: saturation is vividness, a palette saturation below 0.5 asked for more colour', () => {
    expect(readFrameSettings({ dither: 'sierra', paletteSaturation: 0.5, saturation: 1, contrast: 1, brightness: 1 })).toEqual({ dither: 'sierra' });
    expect(readFrameSettings({ saturation: 1.2 })).toEqual({ dither: 'floyd-steinberg', vividness: 1.2 });
    expect(readFrameSettings({ paletteSaturation: 0 })).toEqual({ dither: 'floyd-steinberg', vividness: 1.5 });
    expect(readFrameSettings({ paletteSaturation: 0.9, saturation: 1.2 })).toEqual({ dither: 'floyd-steinberg', vividness: 1.2 });
    expect(readFrameSettings({ paletteSaturation: 0.3, saturation: 1.2 })).toEqual({ dither: 'floyd-steinberg', vividness: 1.44 });
    expect(readFrameSettings({ vividness: 0.8, saturation: 2 })).toEqual({ dither: 'floyd-steinberg', vividness: 0.8 });
  });

  it('never fail a render over a bad stored value: it is left out', () => {
    expect(readFrameSettings({ dither: 'zigzag', vividness: 9, contrast: 'high', brightness: -1 })).toEqual({ dither: 'floyd-steinberg' });
    expect(storedFrameSettings('{not json')).toEqual({ dither: 'floyd-steinberg' });
    expect(storedFrameSettings(null)).toEqual({ dither: 'floyd-steinberg' });
    expect(storedFrameSettings('"a string"')).toEqual({ dither: 'floyd-steinberg' });
  });
});
