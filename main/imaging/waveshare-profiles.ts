import type { BuiltinProfileData, Rgb } from './panel-profile.ts';

/*
 * Waveshare panels driven by the frame's `--backend waveshare:<module>` (frame/inkstand_frame/backends/
 * waveshare_panels.py). Index order is the order the frame hands the driver:
 * - Spectra 6 (epd4in0e, epd7in3e, epd13in3E): 0 black, 1 white, 2 yellow, 3 red, 4 blue, 5 green — the
 *   drivers' getbuffer() palettes with their unused code 4 left out, as for Pimoroni's Spectra 6
 *   (the frame hands each index over as the driver's pure colour, which getbuffer maps to native codes
 *   0, 1, 2, 3, 5, 6). The colours are the same E Ink Spectra 6 film's, as Pimoroni measured them
 *   (inky_e673.py SATURATED_PALETTE); Waveshare publishes only the pure colours its driver matches.
 * - 7-colour ACeP (epd7in3f): 0 black, 1 white, 2 green, 3 blue, 4 red, 5 yellow, 6 orange — the
 *   driver's native codes; measured colours of the same 7.3" ACeP panel (Pimoroni inky_ac073tc1a.py).
 * - Two layers (black/white/red, black/white/yellow): 0 black, 1 white, 2 red or yellow; display()
 *   takes black and colour as two 1-bit buffers. Colours as the driver names them (pure red, pure
 *   yellow): Waveshare publishes no measurement.
 * - 4 greys: 0 black, 1 dark grey, 2 light grey, 3 white, at the levels getbuffer_4Gray() reads
 *   (0x00, 0x80, 0xC0, 0xFF). An indexed PNG like every panel of the frame, not a greyscale one.
 */
const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];
const SPECTRA6_NAMES = ['black', 'white', 'yellow', 'red', 'blue', 'green'];
const SPECTRA6_MEASURED: Rgb[] = [BLACK, [161, 164, 165], [208, 190, 71], [156, 72, 75], [61, 59, 94], [58, 91, 70]];
const ACEP_NAMES = ['black', 'white', 'green', 'blue', 'red', 'yellow', 'orange'];
const ACEP_73_MEASURED: Rgb[] = [BLACK, [217, 242, 255], [3, 124, 76], [27, 46, 198], [245, 80, 34], [255, 255, 68], [239, 121, 44]];
const WAVESHARE = 'Waveshare e-Paper driver';

function spectra6(id: string, label: string, width: number, height: number, module: string): BuiltinProfileData {
  return {
    id, label, width, height, palette: SPECTRA6_MEASURED, colorNames: SPECTRA6_NAMES, grey: false,
    source: `${WAVESHARE} ${module}.py getbuffer() order without its unused code 4; colours of the same Spectra 6 film as measured by Pimoroni (inky_e673.py SATURATED_PALETTE)`,
  };
}

function twoLayer(module: string, size: string, width: number, height: number, ink: 'red' | 'yellow', id = `waveshare-${size}${ink === 'red' ? 'b' : 'c'}`): BuiltinProfileData {
  return {
    id, label: `Waveshare ${size}" (${ink === 'red' ? 'B' : 'C'}, black/white/${ink}, ${module})`, width, height,
    palette: [BLACK, WHITE, ink === 'red' ? [255, 0, 0] : [255, 255, 0]], colorNames: ['black', 'white', ink], grey: false,
    source: `${WAVESHARE} ${module}.py: display(black, ${ink}) takes two 1-bit layers; colours as the driver names them`,
  };
}

function fourGrey(size: string, width: number, height: number, modules: string): BuiltinProfileData {
  return {
    id: `waveshare-${size}-4grey`, label: `Waveshare ${size}" (4 greys, ${modules})`, width, height,
    palette: [BLACK, [128, 128, 128], [192, 192, 192], WHITE], colorNames: ['black', 'dark grey', 'light grey', 'white'], grey: false,
    source: `${WAVESHARE} ${modules}: getbuffer_4Gray() levels 0x00, 0x80, 0xC0, 0xFF`,
  };
}

export const WAVESHARE_PROFILES: readonly BuiltinProfileData[] = [
  {
    id: 'waveshare-7.3f', label: 'Waveshare 7.3" (F) 7-colour', width: 800, height: 480, palette: ACEP_73_MEASURED, colorNames: ACEP_NAMES, grey: false,
    source: `${WAVESHARE} epd7in3f.py getbuffer() order (native codes); colours of the same 7.3" ACeP panel as measured by Pimoroni (inky_ac073tc1a.py)`,
  },
  spectra6('waveshare-4.0e', 'Waveshare 4" (E) Spectra 6', 400, 600, 'epd4in0e'),
  spectra6('waveshare-7.3e', 'Waveshare 7.3" (E) Spectra 6', 800, 480, 'epd7in3e'),
  spectra6('waveshare-13.3e', 'Waveshare 13.3" (E) Spectra 6', 1200, 1600, 'epd13in3E'),
  twoLayer('epd7in5b_V2', '7.5', 800, 480, 'red', 'waveshare-7.5b-v2'),
  twoLayer('epd5in83b_V2', '5.83', 648, 480, 'red', 'waveshare-5.83b-v2'),
  twoLayer('epd4in2b_V2', '4.2', 400, 300, 'red', 'waveshare-4.2b-v2'),
  twoLayer('epd2in9b_V4', '2.9', 128, 296, 'red', 'waveshare-2.9b-v4'),
  twoLayer('epd2in13b_V4', '2.13', 122, 250, 'red', 'waveshare-2.13b-v4'),
  twoLayer('epd7in5bc', '7.5', 640, 384, 'red'),
  twoLayer('epd7in5bc', '7.5', 640, 384, 'yellow'),
  twoLayer('epd5in83bc', '5.83', 600, 448, 'red'),
  twoLayer('epd5in83bc', '5.83', 600, 448, 'yellow'),
  twoLayer('epd4in2bc', '4.2', 400, 300, 'red'),
  twoLayer('epd4in2bc', '4.2', 400, 300, 'yellow'),
  fourGrey('4.2', 400, 300, 'epd4in2.py, epd4in2_V2.py'),
  fourGrey('2.7', 176, 264, 'epd2in7.py, epd2in7_V2.py'),
];
