/**
 * Panel profiles: what a display can show, as data.
 *
 * `palette` holds the colours the panel really shows (measured; Pimoroni's "saturated" values for
 * the Inky panels) in the order of the panel driver's colour indices, so the index written into
 * the PNG is the index the driver expects. `pureColors` are the ideal colours Pimoroni's driver
 * blends toward with its saturation slider (see palette.ts). Grey profiles list their levels
 * from black to white, so an index is also the sample value of a greyscale PNG.
 */
export type Rgb = readonly [number, number, number];

export interface PanelProfile {
  id: string;
  label: string;
  /** Native pixel size: the size of the panel's frame buffer and of every image sent to it. */
  width: number;
  height: number;
  orientation: 'landscape' | 'portrait';
  /** Measured colours in the panel driver's native index order (PNG index = panel index). */
  palette: Rgb[];
  /** Same order as `palette`, e.g. ['black', 'white', 'yellow', 'red', 'blue', 'green']. */
  colorNames: string[];
  /** The ideal colours that the palette saturation slider blends toward (same order). */
  pureColors?: Rgb[];
  /** Smallest PNG bit depth that holds the palette. */
  bitDepth: 1 | 2 | 4 | 8;
  /** True when the device wants a greyscale PNG (TRMNL class) rather than an indexed one. */
  grey: boolean;
  builtIn: boolean;
}

/** Smallest PNG bit depth whose index range holds `colourCount` entries. */
export function bitDepthFor(colourCount: number): 1 | 2 | 4 | 8 {
  if (colourCount <= 2) return 1;
  if (colourCount <= 4) return 2;
  if (colourCount <= 16) return 4;
  return 8;
}
