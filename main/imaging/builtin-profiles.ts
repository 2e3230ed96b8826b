import { bitDepthFor, type BuiltinProfileData, type PanelProfile, type Rgb } from './panel-profile.ts';
import { WAVESHARE_PROFILES } from './waveshare-profiles.ts';

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/*
 * Colours from the panel vendors' drivers (Pimoroni's `inky` library: each driver's
 * SATURATED_PALETTE, the colours the panel shows; its DESATURATED_PALETTE of pure RGB is a target
 * its saturation slider blends toward and no panel shows, so it has no place here).
 *
 * Index order. Spectra 6: 0 black, 1 white, 2 yellow, 3 red, 4 blue, 5 green — the order
 * inky_e673.py and inky_el133uf1.py quantize to; their set_image() then remaps these to the
 * controller's native codes 0, 1, 2, 3, 5, 6 (code 4 is unused), so a frame hands the PNG's
 * indices to set_image (or applies that remap itself when writing the buffer directly).
 * 7-colour ACeP (inky_ac073tc1a.py, inky_uc8159.py): 0 black, 1 white, 2 green, 3 blue, 4 red,
 * 5 yellow, 6 orange — the controller's native codes, which those drivers copy straight into
 * their buffer; native code 7 ("clean") is not a colour and is left out.
 */
const PIMORONI = 'Pimoroni inky library';
const SPECTRA6_NAMES = ['black', 'white', 'yellow', 'red', 'blue', 'green'];
const spectra6Palette = (white: Rgb): Rgb[] => [BLACK, white, [208, 190, 71], [156, 72, 75], [61, 59, 94], [58, 91, 70]];
const SPECTRA6_ORDER = 'indices are set_image() order; the driver remaps them to native codes 0, 1, 2, 3, 5, 6';
const ACEP_NAMES = ['black', 'white', 'green', 'blue', 'red', 'yellow', 'orange'];
const ACEP_73_PALETTE: Rgb[] = [BLACK, [217, 242, 255], [3, 124, 76], [27, 46, 198], [245, 80, 34], [255, 255, 68], [239, 121, 44]];
const UC8159_PALETTE: Rgb[] = [[57, 48, 57], WHITE, [58, 91, 70], [61, 59, 94], [156, 72, 75], [208, 190, 71], [177, 106, 73]];
const UC8159_SOURCE = `${PIMORONI}, inky/inky_uc8159.py SATURATED_PALETTE (indices are the controller's native codes)`;

function greyLevels(count: number): Rgb[] {
  return Array.from({ length: count }, (_, i) => {
    const v = Math.round((i * 255) / (count - 1));
    return [v, v, v] as const;
  });
}

function builtIn(data: BuiltinProfileData): PanelProfile {
  return {
    ...data,
    orientation: data.width >= data.height ? 'landscape' : 'portrait',
    bitDepth: bitDepthFor(data.palette.length),
    builtIn: true,
  };
}

export const BUILTIN_PROFILES: readonly PanelProfile[] = Object.freeze([
  builtIn({
    id: 'spectra6-13.3', label: 'Spectra 6 13.3" (1600×1200)', width: 1600, height: 1200,
    palette: spectra6Palette(WHITE), colorNames: SPECTRA6_NAMES, grey: false,
    // The seed's own panel measured its white as pure white.
    source: `the seed's measured panel; colours and order as ${PIMORONI}, inky/inky_el133uf1.py SATURATED_PALETTE (${SPECTRA6_ORDER})`,
  }),
  builtIn({
    id: 'inky-impression-13.3-spectra6', label: 'Inky Impression 13.3" Spectra 6', width: 1600, height: 1200,
    palette: spectra6Palette([161, 164, 165]), colorNames: SPECTRA6_NAMES, grey: false,
    source: `${PIMORONI}, inky/inky_el133uf1.py SATURATED_PALETTE (${SPECTRA6_ORDER})`,
  }),
  builtIn({
    id: 'inky-impression-7.3-spectra6', label: 'Inky Impression 7.3" Spectra 6', width: 800, height: 480,
    palette: spectra6Palette([161, 164, 165]), colorNames: SPECTRA6_NAMES, grey: false,
    source: `${PIMORONI}, inky/inky_e673.py SATURATED_PALETTE (${SPECTRA6_ORDER})`,
  }),
  builtIn({
    id: 'inky-impression-7.3', label: 'Inky Impression 7.3" (7-colour ACeP)', width: 800, height: 480,
    palette: ACEP_73_PALETTE, colorNames: ACEP_NAMES, grey: false,
    source: `${PIMORONI}, inky/inky_ac073tc1a.py SATURATED_PALETTE (indices are the controller's native codes)`,
  }),
  builtIn({
    // Pimoroni's driver is for 600×400 (its _RESOLUTION_4_0_INCH), the panel's real size.
    id: 'inky-impression-4-spectra6', label: 'Inky Impression 4" Spectra 6 (600×400)', width: 600, height: 400,
    palette: spectra6Palette([161, 164, 165]), colorNames: SPECTRA6_NAMES, grey: false,
    source: `${PIMORONI}, inky/inky_e640.py SATURATED_PALETTE (${SPECTRA6_ORDER})`,
  }),
  builtIn({
    id: 'inky-impression-5.7', label: 'Inky Impression 5.7" (7-colour)', width: 600, height: 448,
    palette: UC8159_PALETTE, colorNames: ACEP_NAMES, grey: false, source: UC8159_SOURCE,
  }),
  builtIn({
    id: 'inky-impression-4', label: 'Inky Impression 4" (7-colour)', width: 640, height: 400,
    palette: UC8159_PALETTE, colorNames: ACEP_NAMES, grey: false, source: UC8159_SOURCE,
  }),
  builtIn({
    id: 'waveshare-7.5-v2', label: 'Waveshare 7.5" V2 (black/white)', width: 800, height: 480,
    palette: [BLACK, WHITE], colorNames: ['black', 'white'], grey: false,
    source: "Waveshare e-Paper driver epd7in5_V2.py: getbuffer() takes a 1-bit image, 0 black and 1 white",
  }),
  builtIn({
    id: 'trmnl-og-1bit', label: 'TRMNL (1-bit)', width: 800, height: 480,
    palette: greyLevels(2), colorNames: ['black', 'white'], grey: true,
  }),
  builtIn({
    id: 'trmnl-og-4grey', label: 'TRMNL (4 greys)', width: 800, height: 480,
    palette: greyLevels(4), colorNames: ['black', 'dark grey', 'light grey', 'white'], grey: true,
  }),
  builtIn({
    // Size of a 10.3" IT8951 panel, the common 16-grey e-paper controller.
    id: 'grey16', label: '16 greys (10.3" IT8951 class)', width: 1872, height: 1404,
    palette: greyLevels(16), colorNames: greyLevels(16).map(([v]) => `grey ${v}`), grey: true,
  }),
  ...WAVESHARE_PROFILES.map(builtIn),
]);

export function findBuiltinProfile(id: string): PanelProfile | undefined {
  return BUILTIN_PROFILES.find((p) => p.id === id);
}

const RESOLUTION_DEFAULTS = ['spectra6-13.3', 'inky-impression-7.3', 'inky-impression-5.7', 'inky-impression-4', 'grey16'];

/**
 * The profile a display gets when it bootstraps without naming its panel. An exact resolution
 * match (either orientation) wins: 1600×1200 → spectra6-13.3, 800×480 → inky-impression-7.3,
 * 600×448 → inky-impression-5.7, 640×400 → inky-impression-4, 1872×1404 → grey16. Any other
 * size gets the colour panel among these whose long and short sides are closest on a log scale,
 * so a device that reports a slightly different size still gets its likely panel; a size that is
 * not positive gets spectra6-13.3.
 */
export function defaultProfileForResolution(width: number, height: number): PanelProfile {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const distance = (p: PanelProfile): number =>
    Math.abs(Math.log(Math.max(p.width, p.height) / long)) + Math.abs(Math.log(Math.min(p.width, p.height) / short));
  const candidates = RESOLUTION_DEFAULTS.map((id) => findBuiltinProfile(id)!);
  if (!(long > 0 && short > 0)) return candidates[0];
  return candidates.find((p) => distance(p) === 0) ?? candidates.filter((p) => !p.grey).reduce((best, p) => (distance(p) < distance(best) ? p : best));
}
