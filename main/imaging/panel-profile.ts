/**
 * Panel profiles: what a display can show, as data.
 *
 * `palette` holds the colours the panel really shows, as measured (for the Inky panels the
 * "saturated" palette of Pimoroni's drivers), in the order of the panel driver's colour indices,
 * so the index written into the PNG is the index the driver expects. It is at once the palette
 * the dithering accounts with and the PNG's PLTE: what the dither believes is what the panel
 * shows. Grey profiles list their levels from black to white, so an index is also the sample
 * value of a greyscale PNG.
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
  /** Where the palette's colours and order come from (a vendor driver, a measurement). */
  source?: string;
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

/** A built-in profile as written down; orientation, bit depth and `builtIn` follow from it. */
export type BuiltinProfileData = Omit<PanelProfile, 'orientation' | 'bitDepth' | 'builtIn'>;
