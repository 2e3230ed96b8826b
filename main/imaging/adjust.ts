import { ADJUSTMENT_LIMIT } from '../../contract/display-schemas.ts';

/**
 * Picture adjustments, in perceptual terms (OKLab), each a factor where 1 leaves the picture as
 * it is. They shape the picture before it is fitted into the panel's colours (gamut/colour-map.ts),
 * so whatever they ask for still ends up as colours the panel can show.
 */
export interface PictureAdjustments {
  /** Chroma factor: 0 grey, 1 as it is, above 1 more colourful (hue and lightness kept). */
  vividness?: number;
  /** Lightness spread around middle grey: 0 flat grey, above 1 harder. */
  contrast?: number;
  /** Mid-tone lightness as a gamma (black and white stay): below 1 darker, above 1 lighter. */
  brightness?: number;
}

export { ADJUSTMENT_LIMIT };
/** OKLab lightness of middle grey (CIE L* 50), the pivot of contrast. */
const MIDDLE_GREY = 0.569;

export function checkAdjustments(adjustments: PictureAdjustments): Required<PictureAdjustments> {
  const { vividness = 1, contrast = 1, brightness = 1 } = adjustments;
  for (const [name, value] of Object.entries({ vividness, contrast, brightness })) {
    if (!(typeof value === 'number' && value >= 0 && value <= ADJUSTMENT_LIMIT)) {
      throw new RangeError(`${name} must be a number from 0 to ${ADJUSTMENT_LIMIT}, not ${String(value)}`);
    }
  }
  return { vividness, contrast, brightness };
}

/** Applies the adjustments to an OKLab colour, in place; lightness stays within 0..1. */
export function adjustOklab(lab: [number, number, number], { vividness, contrast, brightness }: Required<PictureAdjustments>): void {
  let l = MIDDLE_GREY + (lab[0] - MIDDLE_GREY) * contrast;
  l = l <= 0 ? 0 : l >= 1 ? 1 : l;
  lab[0] = brightness === 1 ? l : brightness < 1e-3 ? (l >= 1 ? 1 : 0) : l ** (1 / brightness);
  lab[1] *= vividness;
  lab[2] *= vividness;
}
