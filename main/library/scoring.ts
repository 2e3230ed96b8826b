import type { ContentType, QualityBucket } from '../storage/entities/photo.ts';

/**
 * The score of a variant is the weighted geometric mean of its factors (each 0..1):
 *
 *   score = exp( Σ wᵢ·ln(max(vᵢ, ε)) / Σ wᵢ ) × dislike factor
 *
 * The seed multiplied some factors in unweighted and left others out of the mean; here every
 * factor has its own weight below. A zero factor (NOT_SUITED) is floored at ε instead of making
 * the logarithm -∞: such a variant ranks last (about 100× below the rest) but a library the
 * analyser judged harshly still shows something. A switched-off style is not scored at all.
 */
export const SCORE_WEIGHTS = {
  /** How good the photo is; the strongest signal. */
  quality: 3,
  /** The user's own choice; with FAVOURITE/NOT_FAVOURITE_VALUE below a favourite is drawn about 1.3× as often. */
  favourite: 2,
  novelty: 1.5,
  contentType: 1,
  style: 1,
  /** The generator's own rating of the result, where it gives one (left out of the mean when absent). */
  variant: 0.5,
} as const;

export const QUALITY_VALUES: Record<QualityBucket, number> = { NOT_SUITED: 0, BAD: 0.2, PASSABLE: 0.4, GOOD: 0.7, VERY_GOOD: 0.95 };

/** Not classified yet: between PASSABLE and GOOD, so a new photo is shown before the classify job has run. */
export const UNCLASSIFIED_QUALITY = 0.55;

/** Subjects that suit a wall frame score higher; unclassified counts as Other. */
export const CONTENT_TYPE_SCORES: Record<ContentType, number> = {
  Landscape: 0.9, Nature: 0.9, Art: 0.85, Animal: 0.8, City: 0.8, Building: 0.75,
  Portrait: 0.75, People: 0.7, Person: 0.7, Object: 0.6, Other: 0.6,
};

export const FAVOURITE_VALUE = 1.0;
export const NOT_FAVOURITE_VALUE = 0.3;

const NOVELTY_FLOOR = 0.3;
const NOVELTY_HALF_LIFE_DAYS = 14;
/** Each dislike halves the score, down to this fraction of it. */
const DISLIKE_FLOOR = 0.1;
const EPSILON = 1e-6;
const DAY_MS = 86_400_000;

export interface ScoreInputs {
  quality: QualityBucket | null;
  contentType: ContentType | null;
  favourite: boolean;
  /** When the variant was made (ms since epoch); novelty decays from here. */
  createdAtMs: number;
  styleScore: number;
  variantScore: number | null;
  dislikes: number;
}

export function novelty(ageDays: number): number {
  return NOVELTY_FLOOR + (1 - NOVELTY_FLOOR) * 2 ** (-Math.max(ageDays, 0) / NOVELTY_HALF_LIFE_DAYS);
}

export function dislikeFactor(dislikes: number): number {
  return Math.max(0.5 ** Math.max(dislikes, 0), DISLIKE_FLOOR);
}

export function scoreOf(input: ScoreInputs, nowMs: number): number {
  const factors: [number, number][] = [
    [SCORE_WEIGHTS.quality, input.quality ? QUALITY_VALUES[input.quality] : UNCLASSIFIED_QUALITY],
    [SCORE_WEIGHTS.contentType, CONTENT_TYPE_SCORES[input.contentType ?? 'Other'] ?? CONTENT_TYPE_SCORES.Other],
    [SCORE_WEIGHTS.favourite, input.favourite ? FAVOURITE_VALUE : NOT_FAVOURITE_VALUE],
    [SCORE_WEIGHTS.novelty, novelty((nowMs - input.createdAtMs) / DAY_MS)],
    [SCORE_WEIGHTS.style, input.styleScore],
  ];
  if (input.variantScore !== null) factors.push([SCORE_WEIGHTS.variant, input.variantScore]);
  let weighted = 0;
  let total = 0;
  for (const [weight, value] of factors) {
    weighted += weight * Math.log(Math.max(value, EPSILON));
    total += weight;
  }
  return Math.exp(weighted / total) * dislikeFactor(input.dislikes);
}
