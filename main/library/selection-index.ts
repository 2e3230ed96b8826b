import type { StoreContext } from '../core/app-context.ts';
import { styleScores } from '../ai/styles.ts';
import { PhotoEntity, VariantEntity, type ContentType, type QualityBucket } from '../storage/entities/photo.ts';
import { scoreOf } from './scoring.ts';

/**
 * Every drawable variant as two typed arrays (id, score): about 12 bytes a variant, so 100,000
 * variants are drawn from in a few milliseconds without touching the database. Variants of hidden
 * photos and of switched-off styles are left out; scores are fixed at build time (novelty drifts
 * slowly, so the selector rebuilds hourly and whenever photos change).
 */
export class SelectionIndex {
  private readonly positions = new Map<number, number>();
  private readonly blocked: Uint8Array;

  private constructor(private readonly ids: Int32Array, private readonly weights: Float64Array, readonly builtAtMs: number) {
    ids.forEach((id, i) => this.positions.set(id, i));
    this.blocked = new Uint8Array(ids.length);
  }

  static async build(app: StoreContext, nowMs: number): Promise<SelectionIndex> {
    const [rows, styleScore] = await Promise.all([loadCandidates(app), styleScores(app)]);
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
    return new SelectionIndex(Int32Array.from(ids), Float64Array.from(weights), nowMs);
  }

  get size(): number {
    return this.ids.length;
  }

  scoreOf(variantId: number): number | undefined {
    const i = this.positions.get(variantId);
    return i === undefined ? undefined : this.weights[i];
  }

  /**
   * One weighted random draw (Efraimidis–Spirakis: the item with the largest u^(1/w) wins, which
   * picks item i with probability wᵢ/Σw). Compared as ln(u)/w, which orders the same and cannot
   * underflow. `excluded` ids are not drawn. Null when nothing is left.
   */
  draw(rng: () => number, excluded: readonly number[] = []): number | null {
    const blockedNow = excluded.map((id) => this.positions.get(id)).filter((i): i is number => i !== undefined);
    for (const i of blockedNow) this.blocked[i] = 1;
    const { ids, weights, blocked } = this;
    let best = -1;
    let bestKey = -Infinity;
    for (let i = 0; i < ids.length; i++) {
      const w = weights[i];
      if (w <= 0 || blocked[i] === 1) continue;
      const key = Math.log(1 - rng()) / w;
      if (key > bestKey) {
        bestKey = key;
        best = i;
      }
    }
    for (const i of blockedNow) this.blocked[i] = 0;
    return best < 0 ? null : ids[best];
  }

  /** Takes a variant out of the draw until the next rebuild (its file has gone). */
  drop(variantId: number): void {
    const i = this.positions.get(variantId);
    if (i !== undefined) this.weights[i] = 0;
  }
}

interface CandidateRow {
  id: number;
  style: string;
  created_at: string | Date;
  favourite: number | boolean;
  dislikes: number;
  score: number | null;
  quality: QualityBucket | null;
  content_type: ContentType | null;
  photo_favourite: number | boolean;
  photo_dislikes: number;
}

async function loadCandidates(app: StoreContext): Promise<CandidateRow[]> {
  return app.db.getRepository(VariantEntity).createQueryBuilder('v')
    .innerJoin(PhotoEntity.options.name, 'p', 'p.id = v.photoId')
    .select('v.id', 'id')
    .addSelect('v.style', 'style')
    .addSelect('v.createdAt', 'created_at')
    .addSelect('v.favourite', 'favourite')
    .addSelect('v.dislikes', 'dislikes')
    .addSelect('v.score', 'score')
    .addSelect('p.quality', 'quality')
    .addSelect('p.contentType', 'content_type')
    .addSelect('p.favourite', 'photo_favourite')
    .addSelect('p.dislikes', 'photo_dislikes')
    .where('p.hidden = :hidden', { hidden: false })
    .getRawMany<CandidateRow>();
}

function truthy(value: number | boolean): boolean {
  return value === true || value === 1;
}

/** Raw SQLite rows carry TypeORM's UTC "YYYY-MM-DD HH:MM:SS.SSS"; PostgreSQL gives a Date. */
export function toMillis(value: string | Date): number {
  return value instanceof Date ? value.getTime() : Date.parse(value.replace(' ', 'T') + 'Z');
}
