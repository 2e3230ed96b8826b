/** The logical canvas a screen is drawn on: already rotated for portrait. */
export interface CanvasSpec {
  width: number;
  height: number;
  /** The panel's real colours, measured RGB, in the panel's order. */
  palette: readonly (readonly [number, number, number])[];
  /** One name per palette entry (e.g. "black", "white", "red"). */
  colorNames: string[];
}

export function isPortrait(canvas: CanvasSpec): boolean {
  return canvas.height > canvas.width;
}

/**
 * Pixels per design unit. Layouts are designed for 800×480 (landscape) or 480×800 (portrait)
 * and everything, type included, is multiplied by this.
 */
export function unitScale(canvas: CanvasSpec): number {
  const [baseW, baseH] = isPortrait(canvas) ? [480, 800] : [800, 480];
  return Math.min(canvas.width / baseW, canvas.height / baseH);
}
