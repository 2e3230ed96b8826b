import { adjustOklab, type PictureAdjustments } from '../adjust.ts';
import { linearRgbToOklab, oklabToLinearRgb } from '../color.ts';
import { cieLab, nearestOnOutlines, type Weights } from './boundary.ts';
import { contains, type Vec3 } from './hull.ts';
import type { PanelGamut } from './panel-gamut.ts';

/**
 * One source colour → the colour the panel should show for it (linear light, inside the
 * palette's hull), in three steps:
 *
 * 1. the picture adjustments;
 * 2. the lightness range: the source's black-to-white is fitted into the panel's in OKLab
 *    lightness — mid-tones unchanged, a highlight knee down to the panel's white and a toe up to
 *    its black where those fall short — and the last of the highlights and shadows take on the
 *    tint of the panel's own white and black, so white paper becomes the panel's plain white (no
 *    speckle) while greys stay neutral (no cast);
 * 3. the gamut: a colour still outside the hull moves to the nearest colour the panel can show,
 *    searched from its own hue outward (gamut/boundary.ts), in CIELAB with lightness and hue
 *    differences weighted (WEIGHTS below). Measuring "nearest" in lightness and chroma together
 *    is what makes it cusp-aware: a colour far brighter and more saturated than the panel's
 *    strongest colour of its hue gives up some lightness to keep chroma rather than turn pale.
 */
export function mapColour(gamut: PanelGamut, adjustments: Required<PictureAdjustments>, r: number, g: number, b: number): [number, number, number] {
  const lab = linearRgbToOklab(r, g, b);
  adjustOklab(lab, adjustments);
  toPanelRange(gamut.white, gamut.black, lab);
  return intoGamut(gamut, lab);
}

/** The knee starts this many times the panel's missing headroom below its white (the toe likewise above its black). */
const KNEE_WIDTH = 2;

export function toPanelRange([whiteL, whiteA, whiteB]: Vec3, [blackL, blackA, blackB]: Vec3, lab: [number, number, number]): void {
  const knee = Math.max(blackL, whiteL - KNEE_WIDTH * (1 - whiteL));
  const toe = Math.min(knee, blackL * (1 + KNEE_WIDTH));
  let l = lab[0];
  if (l > knee && whiteL < 1) {
    const slope = (1 - knee) / (whiteL - knee);
    l = knee + (whiteL - knee) * (1 - (1 - (l - knee) / (1 - knee)) ** slope);
  }
  if (l < toe && blackL > 0) {
    l = blackL + (toe - blackL) * (l / toe) ** (toe / (toe - blackL));
  }
  const towardWhite = whiteL > knee ? smoothstep((l - knee) / (whiteL - knee)) : 0;
  const towardBlack = toe > blackL ? smoothstep((toe - l) / (toe - blackL)) : 0;
  lab[0] = l;
  lab[1] += towardWhite * whiteA + towardBlack * blackA;
  lab[2] += towardWhite * whiteB + towardBlack * blackB;
}

/**
 * How "nearest" is measured when a colour must move into the gamut. Lightness differences count
 * double (√4) against chroma, so a picture does not get darker overall to buy colour; hue
 * differences count double too, so a colour keeps its hue where the panel can show it with any
 * chroma at all, and only drifts toward a neighbouring hue the panel has real colour for (a cyan
 * toward the panel's blue or green rather than to grey) — without that, pictures of strong colours
 * on a small gamut such as Spectra 6 end up further from the original than a plain dither.
 */
const WEIGHTS: Weights = { lightness: 4, hue: 3 };

function intoGamut({ hull, boundary }: PanelGamut, [l, a, b]: [number, number, number]): [number, number, number] {
  const linear = oklabToLinearRgb(l, a, b);
  if (contains(hull, ...linear)) return linear;
  return nearestOnOutlines(boundary, Math.atan2(b, a), cieLab(...linear), WEIGHTS) ?? linear;
}

const smoothstep = (t: number): number => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));
