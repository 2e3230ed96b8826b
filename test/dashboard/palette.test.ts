import { describe, expect, it } from 'vitest';
import { nearestInk, themeFor } from '../../main/dashboard/palette.ts';
import { CANVASES } from '../fixtures/dashboard/canvases.ts';

describe('themeFor', () => {
  it('picks accents by colour name', () => {
    expect(themeFor(CANVASES.inkyLandscape)).toEqual({ paper: '#d9f2ff', ink: '#000000', accent: '#f55022', cool: '#1b2ec6', warm: '#ffff44' });
    expect(themeFor(CANVASES.spectra6)).toEqual({ paper: '#ffffff', ink: '#000000', accent: '#9c484b', cool: '#3d3b5e', warm: '#d0be47' });
  });

  it('uses black for every accent on a black and white panel', () => {
    expect(themeFor(CANVASES.blackWhite)).toEqual({ paper: '#ffffff', ink: '#000000', accent: '#000000', cool: '#000000', warm: '#ffffff' });
  });

  it('falls back to the lightest and darkest colours of an unnamed grey palette', () => {
    const grey = { width: 800, height: 480, palette: [[0, 0, 0], [85, 85, 85], [170, 170, 170], [255, 255, 255]] as const, colorNames: ['0', '1', '2', '3'] };
    expect(themeFor(grey)).toMatchObject({ paper: '#ffffff', ink: '#000000', accent: '#000000' });
  });
});

describe('nearestInk', () => {
  it('maps calendar colours to the panel colour of the same hue', () => {
    expect(nearestInk('#33b679', CANVASES.spectra6)).toBe('#3a5b46'); // green
    expect(nearestInk('#e67c73', CANVASES.spectra6)).toBe('#9c484b'); // red
    expect(nearestInk('#4285f4', CANVASES.inkyLandscape)).toBe('#1b2ec6'); // blue
    expect(nearestInk('#fc0', CANVASES.inkyLandscape)).toBe('#ffff44'); // yellow
  });

  it('maps greys, white and unreadable colours to ink, never to paper', () => {
    expect(nearestInk('#616161', CANVASES.inkyLandscape)).toBe('#000000');
    expect(nearestInk('#ffffff', CANVASES.inkyLandscape)).toBe('#000000');
    expect(nearestInk('tomato', CANVASES.inkyLandscape)).toBe('#000000');
    expect(nearestInk('#e67c73', CANVASES.blackWhite)).toBe('#000000');
  });
});
