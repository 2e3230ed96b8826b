import type { DataSource, Repository } from 'typeorm';
import type { AppEvents } from '../core/events.ts';
import { ExternalChanges } from '../storage/data-version.ts';
import { DisplayEntity, type Display } from '../storage/entities/display.ts';
import { hashToken } from './secrets.ts';

/**
 * Finds the display a device token belongs to, for both device protocols. Token hashes are cached
 * in memory because every poll needs one. The cache is never trusted past a change: this process's
 * own changes to a display (revoke, re-pair, removal) drop its entry at once, and a commit by
 * another process (`inkstand displays revoke` beside the server) empties it before the next
 * lookup, so a revoked token is refused on the very next request.
 */
export class DeviceAuth {
  private readonly byHash = new Map<string, number>();
  private readonly displays: Repository<Display>;
  private readonly external: ExternalChanges;
  /** Bumped on every drop, so a lookup that raced a revocation does not cache its stale answer. */
  private generation = 0;

  constructor(db: DataSource, events: AppEvents) {
    this.displays = db.getRepository(DisplayEntity);
    this.external = new ExternalChanges(db);
    events.on('displays-changed', ({ displayId }) => (displayId === undefined ? this.clear() : this.drop(displayId)));
  }

  /** The display id for a token, or null when it is unknown or revoked. Hash lookup: no timing leak on the token itself. */
  async displayFor(token: string): Promise<number | null> {
    const hash = hashToken(token);
    const cached = this.cached(hash);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const display = await this.displays.findOne({ where: { tokenHash: hash }, select: { id: true, status: true } });
    if (!display || display.status === 'revoked') return null;
    if (generation === this.generation) this.byHash.set(hash, display.id);
    return display.id;
  }

  /** The display id for a token when memory alone can say; undefined means "ask displayFor". */
  cachedDisplayFor(token: string): number | undefined {
    return this.cached(hashToken(token));
  }

  clear(): void {
    this.generation++;
    this.byHash.clear();
  }

  private cached(hash: string): number | undefined {
    if (this.external.sinceLastCheck()) this.clear();
    return this.byHash.get(hash);
  }

  private drop(displayId: number): void {
    this.generation++;
    for (const [hash, id] of this.byHash) if (id === displayId) this.byHash.delete(hash);
  }
}
