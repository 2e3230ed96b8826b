import type { Repository } from 'typeorm';
import type { AppEvents } from '../core/events.ts';
import { DisplayEntity, type Display } from '../storage/entities/display.ts';
import { hashToken } from './secrets.ts';
import type { DataSource } from 'typeorm';

/**
 * Finds the display a device token belongs to. Token hashes are cached in memory because every poll
 * needs one; a change to a display (revoke, re-pair) drops its cached entry.
 */
export class DeviceAuth {
  private readonly byHash = new Map<string, number>();
  private readonly displays: Repository<Display>;

  constructor(db: DataSource, events: AppEvents) {
    this.displays = db.getRepository(DisplayEntity);
    events.on('displays-changed', ({ displayId }) => (displayId === undefined ? this.clear() : this.drop(displayId)));
  }

  /** The display id for a token, or null when it is unknown or revoked. Hash lookup: no timing leak on the token itself. */
  async displayFor(token: string): Promise<number | null> {
    const hash = hashToken(token);
    const cached = this.byHash.get(hash);
    if (cached !== undefined) return cached;
    const display = await this.displays.findOne({ where: { tokenHash: hash }, select: { id: true, status: true } });
    if (!display || display.status === 'revoked') return null;
    this.byHash.set(hash, display.id);
    return display.id;
  }

  clear(): void {
    this.byHash.clear();
  }

  private drop(displayId: number): void {
    for (const [hash, id] of this.byHash) if (id === displayId) this.byHash.delete(hash);
  }
}
