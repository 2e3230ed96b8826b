import { describe, expect, it } from 'vitest';
import { toPanelIndices, type PanelPaint } from '../../main/markup/to-panel.ts';

const BLACK_WHITE = [[0, 0, 0], [255, 255, 255]] as const;

function paintOf(pixels: number[][], width: number, rgba?: Uint8Array): PanelPaint {
  return {
    rgba: rgba ?? Uint8Array.from(pixels.flat()),
    width,
    height: pixels.length / width,
    palette: BLACK_WHITE,
    pictures: [],
    tones: [],
    dither: 'floyd-steinberg',
    adjustments: {},
  };
}

describe('toPanelIndices', () => {
  // Opaque white is the 32-bit word -1: the first pixel must not be taken for "the same as before".
  it('maps an opaque white first pixel, then runs and anti-aliased greys, to the nearest drawn colour', () => {
    const row = [[255, 255, 255, 255], [255, 255, 255, 255], [0, 0, 0, 255], [40, 40, 40, 255], [230, 230, 230, 255], [0, 0, 0, 255]];
    const pixels = Array.from({ length: 8 }, () => row).flat();
    expect([...toPanelIndices(paintOf(pixels, 6)).subarray(0, 6)]).toEqual([1, 1, 0, 0, 1, 0]);
  });

  it('reads a buffer that does not start on a 4-byte boundary', () => {
    const pixels = Array.from({ length: 16 }, (_, i) => (i % 2 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const shifted = new Uint8Array(pixels.length * 4 + 1);
    shifted.set(pixels.flat(), 1);
    expect([...toPanelIndices(paintOf(pixels, 4, shifted.subarray(1)))]).toEqual(pixels.map((_, i) => (i % 2 ? 0 : 1)));
  });

  // Rows like the one above are copied, but a grey's ordered pattern changes from row to row.
  it('patterns a grey fill row by row, repeating every 8 rows, and matches every repeated row', () => {
    const grey = [128, 128, 128, 255];
    const pixels = Array.from({ length: 16 * 16 }, (_, i) => (i >= 16 * 12 ? [0, 0, 0, 255] : i % 16 < 12 ? grey : [255, 255, 255, 255]));
    const indices = toPanelIndices({ ...paintOf(pixels, 16), tones: [[128, 128, 128]] });
    const row = (y: number) => [...indices.subarray(y * 16, y * 16 + 16)];
    for (let y = 0; y < 12; y++) {
      expect(row(y).slice(12)).toEqual([1, 1, 1, 1]);
      expect(new Set(row(y).slice(0, 12))).toEqual(new Set([0, 1]));
      if (y >= 8) expect(row(y)).toEqual(row(y - 8));
    }
    expect(row(0)).not.toEqual(row(1));
    for (let y = 12; y < 16; y++) expect(row(y)).toEqual(new Array(16).fill(0));
  });
});
