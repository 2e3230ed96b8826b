import { describe, expect, it } from 'vitest';
import { WeightTree } from '../../main/library/weight-tree.ts';
import { seededRandom } from './seed-library.ts';

/** The first i whose running total passes t, by a plain pass: what find() must agree with. */
const scan = (weights: number[], t: number): number => {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    if (sum > t) return i;
  }
  return weights.length;
};

describe('WeightTree', () => {
  it('finds where a running total lands and sums the weights before an item, as a plain pass does', () => {
    const rng = seededRandom(7);
    for (const n of [1, 2, 3, 7, 8, 9, 100, 1000]) {
      const weights = Array.from({ length: n }, () => (rng() < 0.2 ? 0 : rng() * 10));
      const tree = new WeightTree(Float64Array.from(weights));
      const total = weights.reduce((a, b) => a + b, 0);
      expect(tree.total).toBeCloseTo(total, 9);
      for (let k = 0; k < 200; k++) {
        const t = rng() * total;
        expect(tree.find(t), `n ${n} t ${t}`).toBe(scan(weights, t));
      }
      const i = Math.floor(rng() * n);
      expect(tree.before(i)).toBeCloseTo(weights.slice(0, i).reduce((a, b) => a + b, 0), 9);
    }
  });

  it('never lands on an item of weight 0, and follows changed weights', () => {
    const tree = new WeightTree(Float64Array.from([0, 2, 0, 0, 3, 0]));
    expect([0, 1.99, 2, 4.99].map((t) => tree.find(t))).toEqual([1, 1, 4, 4]);
    tree.set(1, 0);
    expect(tree.total).toBe(3);
    expect(tree.find(0)).toBe(4);
    tree.set(5, 1);
    expect(tree.find(3.5)).toBe(5);
    expect(tree.weight(5)).toBe(1);
  });

  it('counts negative weights as 0', () => {
    const tree = new WeightTree(Float64Array.from([-1, 1]));
    expect(tree.total).toBe(1);
    expect(tree.find(0.5)).toBe(1);
  });
});
