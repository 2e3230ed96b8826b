import { describe, expect, it } from 'vitest';
import { QUALITY_VALUES, SCORE_WEIGHTS, UNCLASSIFIED_QUALITY, dislikeFactor, novelty, scoreOf, type ScoreInputs } from '../../main/library/scoring.ts';

const NOW = Date.parse('2024-12-01T12:00:00Z');
const base: ScoreInputs = { quality: 'GOOD', contentType: 'Landscape', favourite: false, createdAtMs: NOW, styleScore: 0.8, variantScore: null, dislikes: 0 };

describe('scoring', () => {
  it('novelty decays from 1 to 0.3 with a 14-day half-life', () => {
    expect(novelty(0)).toBeCloseTo(1);
    expect(novelty(14)).toBeCloseTo(0.3 + 0.35);
    expect(novelty(10_000)).toBeCloseTo(0.3);
  });

  it('is the weighted geometric mean of every factor', () => {
    const w = SCORE_WEIGHTS;
    const expected = Math.exp(
      (w.quality * Math.log(QUALITY_VALUES.GOOD) + w.contentType * Math.log(0.9) + w.favourite * Math.log(0.3) + w.novelty * Math.log(1) + w.style * Math.log(0.8)) /
        (w.quality + w.contentType + w.favourite + w.novelty + w.style),
    );
    expect(scoreOf(base, NOW)).toBeCloseTo(expected, 10);
  });

  it('ranks better quality, favourites, newer and better-styled variants higher; dislikes lower', () => {
    const s = scoreOf(base, NOW);
    expect(scoreOf({ ...base, quality: 'VERY_GOOD' }, NOW)).toBeGreaterThan(s);
    expect(scoreOf({ ...base, favourite: true }, NOW)).toBeGreaterThan(s);
    expect(scoreOf({ ...base, createdAtMs: NOW - 30 * 86_400_000 }, NOW)).toBeLessThan(s);
    expect(scoreOf({ ...base, styleScore: 0.4 }, NOW)).toBeLessThan(s);
    expect(scoreOf({ ...base, dislikes: 1 }, NOW)).toBeCloseTo(s / 2);
    expect(dislikeFactor(10)).toBe(0.1);
  });

  it('gives unclassified photos a neutral quality and NOT_SUITED a vanishing score', () => {
    expect(scoreOf({ ...base, quality: null }, NOW)).toBeCloseTo(scoreOf({ ...base, quality: 'GOOD' }, NOW) * (UNCLASSIFIED_QUALITY / 0.7) ** (3 / 8.5));
    expect(scoreOf({ ...base, quality: 'NOT_SUITED' }, NOW)).toBeLessThan(0.02);
    expect(scoreOf({ ...base, quality: 'NOT_SUITED' }, NOW)).toBeGreaterThan(0);
  });
});
