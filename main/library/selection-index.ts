import type { StoreContext } from '../core/app-context.ts';
import { styleScores } from '../ai/styles.ts';
import { scoreOf } from './scoring.ts';
import { WeightTree } from './weight-tree.ts';

/**
 * Every drawable variant as sorted ids and their scores in a Fenwick tree (weight-tree.ts):
 * about 20 bytes a variant, so a draw takes microseconds even at a million variants, without
 * touching the database. Variants of hidden photos and of switched-off styles are left out;
 * scores are fixed at build time (novelty drifts slowly, so the selector rebuilds hourly and
 * whenever photos change).
 */
export class SelectionIndex {
  private readonly tree: WeightTree;

  /** `ids` ascending, `weights` in the same order. */
  private constructor(private readonly ids: Int32Array, weights: Float64Array, readonly builtAtMs: number) {
    this.tree = new WeightTree(weights);
  }

  static async build(app: StoreContext, nowMs: number): Promise<SelectionIndex> {
    const [rows, styleScore] = await Promise.all([app.photos.selectionCandidates(), styleScores(app)]);
    const ids: number[] = [];
    const weights: number[] = [];
    for (const row of rows) {
      const style = styleScore(row.style);
      if (style <= 0) continue;
      const score = scoreOf({
        quality: row.quality,
        contentType: row.content_type,
        favourite: truthy(row.favourite) || truthy(row.photo_favourite),
        createdAtMs: toMillis(row.created_at),
        styleScore: style,
        variantScore: row.score === null ? null : Number(row.score),
        dislikes: Number(row.dislikes) + Number(row.photo_dislikes),
      }, nowMs);
      if (score > 0 && Number.isFinite(score)) {
        ids.push(Number(row.id));
        weights.push(score);
      }
    }
    const order = ids.map((_, i) => i).sort((a, b) => ids[a] - ids[b]);
    return new SelectionIndex(Int32Array.from(order, (i) => ids[i]), Float64Array.from(order, (i) => weights[i]), nowMs);
  }

  get size(): number {
    return this.ids.length;
  }

  scoreOf(variantId: number): number | undefined {
    const i = this.position(variantId);
    return i < 0 ? undefined : this.tree.weight(i);
  }

  /**
   * One weighted random draw: variant i with probability wᵢ/Σw over the variants not
   * `excluded`. A point is drawn in the total of the weights left and walked past the excluded
   * variants before it, so the draw is exact without a pass over the rest. Null when nothing
   * (of weight above 0) is left.
   */
  draw(rng: () => number, excluded: readonly number[] = []): number | null {
    const skipped = [...new Set(excluded.map((id) => this.position(id)).filter((i) => i >= 0 && this.tree.weight(i) > 0))].sort((a, b) => a - b);
    const left = this.tree.total - skipped.reduce((sum, i) => sum + this.tree.weight(i), 0);
    if (!(left > 0)) return null;
    // Rounding can put a point on the edge of an excluded or emptied variant: then draw again.
    for (let attempt = 0; attempt < 8; attempt++) {
      let point = rng() * left;
      for (const i of skipped) {
        if (this.tree.before(i) > point) break;
        point += this.tree.weight(i);
      }
      const i = this.tree.find(point);
      if (i < this.ids.length && this.tree.weight(i) > 0 && !skipped.includes(i)) return this.ids[i];
    }
    return null;
  }

  /** Takes a variant out of the draw until the next rebuild (its file has gone). */
  drop(variantId: number): void {
    const i = this.position(variantId);
    if (i >= 0) this.tree.set(i, 0);
  }

  /** Where a variant is in `ids` (binary search), or −1. */
  private position(variantId: number): number {
    let low = 0;
    let high = this.ids.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const id = this.ids[middle];
      if (id === variantId) return middle;
      if (id < variantId) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

function truthy(value: number | boolean): boolean {
  return value === true || value === 1;
}

/** Raw SQLite rows carry TypeORM's UTC "YYYY-MM-DD HH:MM:SS.SSS"; PostgreSQL gives a Date. */
export function toMillis(value: string | Date): number {
  return value instanceof Date ? value.getTime() : Date.parse(value.replace(' ', 'T') + 'Z');
}
