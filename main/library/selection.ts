import type { StoreContext } from '../core/app-context.ts';
import type { ShownRow } from './show-history-store.ts';
import { SelectionIndex } from './selection-index.ts';
import { checkVariantFile } from './variant-file.ts';

export { dislike, markFavourite } from './feedback.ts';
export { variantFileIfAvailable } from './variant-file.ts';

/** A display does not see the same variant again within its last this-many shows (or half the candidates, if fewer). */
export const HISTORY_WINDOW = 20;
/** Novelty drifts slowly (half-life 14 days): hourly rebuilds keep scores current without re-reading per draw. */
const INDEX_MAX_AGE_MS = 3_600_000;
/** How far back "previous" looks for a variant that can still be shown. */
const PREVIOUS_LOOKBACK = 50;

export interface Pick {
  variantId: number;
  /** Absolute path of the variant's image. */
  filePath: string;
}

/**
 * Draws what a display shows next in photo mode: weighted random by score over a compact
 * in-memory index, never a variant of a hidden or deleted photo, never one whose file is gone,
 * and no repeats within the display's recent history while other candidates remain.
 */
export class VariantSelector {
  private index: SelectionIndex | null = null;
  private building: Promise<SelectionIndex> | null = null;
  private stale = true;
  /** The database's data version the index was built at: another process's writes change it. */
  private builtVersion: number | null = null;
  private readonly reportedMissing = new Set<number>();
  /** Per display, the history row "previous" last stepped back to, so pressing it again goes further back. */
  private readonly backCursor = new Map<number, BackCursor>();
  private readonly unsubscribe: () => void;
  private readonly dataVersion: () => number | null;

  constructor(private readonly app: StoreContext) {
    this.dataVersion = app.dataVersion;
    this.unsubscribe = app.events.on('photos-changed', () => this.invalidate());
  }

  /** The next pick for a display, or null when the library has nothing to show. */
  async pickNext(displayId: number, now: Date, rng: () => number = Math.random): Promise<Pick | null> {
    const index = await this.currentIndex(now);
    const window = Math.min(HISTORY_WINDOW, Math.floor(index.size / 2));
    const recent = (await this.app.shows.recent(displayId, window)).map((row) => row.variantId);
    // Without the recent ones first; only when those run out may a recent one come back.
    for (const excluded of [recent, []]) {
      for (let id = index.draw(rng, excluded); id !== null; id = index.draw(rng, excluded)) {
        const pick = await this.resolve(id);
        if (pick) {
          this.backCursor.delete(displayId);
          return pick;
        }
        index.drop(id);
      }
    }
    return null;
  }

  /**
   * The variant shown before the one on screen, stepping further back on each call, or null.
   * Works whether or not the server records the "previous" picture as a new show.
   */
  async previous(displayId: number): Promise<Pick | null> {
    const index = await this.currentIndex(this.app.now());
    const [latest] = await this.app.shows.recent(displayId, 1);
    if (!latest) return null;
    const cursor = this.backCursor.get(displayId);
    const stepping = cursor && (cursor.latestId === latest.id || cursor.variantId === latest.variantId);
    const onScreen = stepping ? cursor.variantId : latest.variantId;
    for (const row of await this.app.shows.recent(displayId, PREVIOUS_LOOKBACK, stepping ? cursor.id : latest.id)) {
      if (row.variantId === onScreen || !index.scoreOf(row.variantId)) continue;
      const pick = await this.resolve(row.variantId);
      if (pick) {
        this.backCursor.set(displayId, { ...row, latestId: latest.id });
        return pick;
      }
    }
    return null;
  }

  /** Scores and candidates are re-read on the next draw. Called on every `photos-changed`. */
  invalidate(): void {
    this.stale = true;
  }

  /** The current score of a variant (0 or undefined: never drawn). For listings. */
  async scoreOf(variantId: number, now: Date): Promise<number | undefined> {
    return (await this.currentIndex(now)).scoreOf(variantId);
  }

  close(): void {
    this.unsubscribe();
  }

  private async currentIndex(now: Date): Promise<SelectionIndex> {
    const version = this.dataVersion();
    const fresh = this.index && !this.stale && version === this.builtVersion && Math.abs(now.getTime() - this.index.builtAtMs) < INDEX_MAX_AGE_MS;
    if (fresh) return this.index!;
    if (!this.building) {
      this.stale = false;
      this.builtVersion = version;
      this.building = SelectionIndex.build(this.app, now.getTime()).finally(() => {
        this.building = null;
      });
    }
    this.index = await this.building;
    return this.index;
  }

  private async resolve(variantId: number): Promise<Pick | null> {
    const file = await checkVariantFile(this.app, variantId);
    if (file.status === 'ok') return { variantId, filePath: file.filePath };
    if (file.status === 'missing-file' && !this.reportedMissing.has(variantId)) {
      this.reportedMissing.add(variantId);
      this.app.log.warn({ variantId, file: file.relativePath }, 'variant file is missing; it will not be shown');
    }
    return null;
  }
}

/** Where "previous" stepped back to, and which show was the latest then. */
type BackCursor = ShownRow & { latestId: number };
