import type { DataSource } from 'typeorm';
import { hashToken, newToken, tokenMatches } from '../displays/secrets.ts';
import type { AppEvents } from '../core/events.ts';
import { ExternalChanges } from '../storage/data-version.ts';
import { SettingEntity } from '../storage/entities/setting.ts';

/** Two admin token slots: `ui` is minted at each server start (printed in the admin URL), `script` by `inkstand admin-token`. */
export type AdminTokenSlot = 'ui' | 'script';

const key = (slot: AdminTokenSlot) => `admin.token_hash.${slot}`;

/** The admin tokens' store (their hashes live in the settings table). The hashes are cached, and re-read after another process's commit (a token minted by the CLI replaces the old one at once). */
export class AdminTokenStore {
  private hashes: string[] | null = null;
  private readonly external: ExternalChanges;

  constructor(private readonly db: DataSource, private readonly events: AppEvents) {
    this.external = new ExternalChanges(db);
  }

  /** Makes a new token for the slot (the old one stops working) and returns it; only its hash is kept. */
  async mint(slot: AdminTokenSlot): Promise<string> {
    const token = newToken();
    await this.db.getRepository(SettingEntity).save({ key: key(slot), value: hashToken(token) });
    this.hashes = null;
    this.events.emit('admin-tokens-changed', { slot });
    return token;
  }

  async verify(token: string): Promise<boolean> {
    if (this.external.sinceLastCheck()) this.hashes = null;
    this.hashes ??= (await this.db.getRepository(SettingEntity).findBy([{ key: key('ui') }, { key: key('script') }])).map((r) => r.value);
    return this.hashes.some((hash) => tokenMatches(token, hash));
  }

  /** Forget cached hashes now (a reload); another process's new token is also noticed on its own. */
  reload(): void {
    this.hashes = null;
  }
}
