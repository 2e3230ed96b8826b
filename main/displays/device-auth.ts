import type { AppEvents } from '../core/events.ts';
import type { ExternalChanges } from '../storage/data-version.ts';
import { isDatabaseUnavailable } from '../storage/errors.ts';
import type { DisplayStore } from './display-store.ts';
import { hashToken } from './secrets.ts';

export interface DeviceAuthDeps {
  displays: Pick<DisplayStore, 'byTokenHash'>;
  events: AppEvents;
  /** Commits by another process (`inkstand displays revoke` beside the server, another node): all displays, or one display's rows. */
  external: Pick<ExternalChanges, 'sinceLastCheck' | 'displayVersion'>;
}

/**
 * Finds the display a device token belongs to, for both device protocols. Token hashes are cached
 * in memory because every poll needs one. The cache is never trusted past a change: this process's
 * own changes to a display (revoke, re-pair, removal) drop its entry at once, and a commit by
 * another process (`inkstand displays revoke` beside the server) empties it before the next
 * lookup, so a revoked token is refused on the very next request. Where the change names its
 * display (another node on PostgreSQL), only that display's tokens are looked up again.
 *
 * While the database cannot be reached (PostgreSQL restarting), a token last seen valid is still
 * accepted, so frames keep getting their unchanged state from memory: nothing can be revoked while
 * the database is away, and the first lookup once it is back decides again.
 */
interface CachedToken {
  displayId: number;
  /** The display's version (external changes) when the token was looked up. */
  version: number | null;
}

export class DeviceAuth {
  private readonly byHash = new Map<string, CachedToken>();
  /** The last answer the database gave for each token, valid or not; consulted only while it cannot be reached. */
  private readonly lastAnswer = new Map<string, number | null>();
  /** Bumped on every drop, so a lookup that raced a revocation does not cache its stale answer. */
  private generation = 0;

  constructor(private readonly deps: DeviceAuthDeps) {
    // Telemetry and the photo on screen never change who a token belongs to.
    deps.events.on('displays-changed', ({ displayId, change }) => {
      if (change === 'telemetry' || change === 'showing') return;
      if (displayId === undefined) this.clear();
      else this.drop(displayId);
    });
  }

  /** The display id for a token, or null when it is unknown or revoked. Hash lookup: no timing leak on the token itself. */
  async displayFor(token: string): Promise<number | null> {
    const hash = hashToken(token);
    const cached = this.cached(hash);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const anyDisplayVersion = this.deps.external.displayVersion(null);
    let display: Awaited<ReturnType<DisplayStore['byTokenHash']>>;
    try {
      display = await this.deps.displays.byTokenHash(hash);
    } catch (err) {
      const remembered = this.lastAnswer.get(hash);
      if (remembered !== undefined && isDatabaseUnavailable(err)) return remembered;
      throw err;
    }
    const displayId = !display || display.status === 'revoked' ? null : display.id;
    if (generation !== this.generation) return displayId;
    this.lastAnswer.set(hash, displayId);
    // A change to some display that arrived meanwhile may have been this one's: answer, but do not trust it later.
    if (displayId !== null && this.deps.external.displayVersion(null) === anyDisplayVersion) {
      this.byHash.set(hash, { displayId, version: this.deps.external.displayVersion(displayId) });
    }
    return displayId;
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
    if (this.deps.external.sinceLastCheck()) this.clear();
    const entry = this.byHash.get(hash);
    if (!entry) return undefined;
    if (this.deps.external.displayVersion(entry.displayId) === entry.version) return entry.displayId;
    this.byHash.delete(hash);
    return undefined;
  }

  private drop(displayId: number): void {
    this.generation++;
    for (const [hash, entry] of this.byHash) if (entry.displayId === displayId) this.byHash.delete(hash);
    for (const [hash, id] of this.lastAnswer) if (id === displayId) this.lastAnswer.delete(hash);
  }
}
