import type { DataSource } from 'typeorm';
import { hashToken, newToken, tokenMatches } from '../displays/secrets.ts';
import type { AppEvents } from '../core/events.ts';
import { underClusterLock, UI_TOKEN_LOCK_KEY } from '../storage/cluster-lock.ts';
import { ExternalChanges } from '../storage/data-version.ts';
import { SettingEntity } from '../storage/entities/setting.ts';
import type { SecretCipher } from './secret-cipher.ts';

/** Two admin token slots: `ui` is printed in the admin URL at each server start (see `uiTokenForStart`), `script` is minted by `inkstand admin-token`. */
export type AdminTokenSlot = 'ui' | 'script';

const key = (slot: AdminTokenSlot) => `admin.token_hash.${slot}`;
/** The UI token itself, encrypted with the data dir's key, so every node of a cluster can print it. */
const SHARED_UI_TOKEN_KEY = 'admin.ui_token';

/** The admin tokens' store (their hashes live in the settings table). The hashes are cached, and re-read after another process's commit (a token minted by the CLI replaces the old one at once). */
export class AdminTokenStore {
  private hashes: string[] | null = null;
  private readonly external: ExternalChanges;

  constructor(private readonly db: DataSource, private readonly events: AppEvents, private readonly cipher: SecretCipher) {
    this.external = new ExternalChanges(db, [db.getMetadata(SettingEntity).tableName]);
  }

  /** Makes a new token for the slot (the old one stops working) and returns it; only its hash is kept. */
  async mint(slot: AdminTokenSlot): Promise<string> {
    const token = newToken();
    await this.db.getRepository(SettingEntity).save({ key: key(slot), value: hashToken(token) });
    this.hashes = null;
    this.events.emit('admin-tokens-changed', { slot });
    return token;
  }

  /**
   * The UI token a starting server prints. A node that joins live nodes (`othersAlive`, asked under
   * a cluster-wide lock, after this node's own heartbeat is written) prints the token they print; a
   * node starting alone mints a new one, as a single server does at every start. Whichever order
   * nodes starting together take the lock in, they end up printing the same token.
   */
  async uiTokenForStart(othersAlive: () => Promise<boolean>): Promise<string> {
    return underClusterLock(this.db, UI_TOKEN_LOCK_KEY, async () => {
      const shared = (await othersAlive()) ? await this.sharedUiToken() : null;
      if (shared) return shared;
      const token = await this.mint('ui');
      await this.db.getRepository(SettingEntity).save({ key: SHARED_UI_TOKEN_KEY, value: this.cipher.encrypt(token) });
      return token;
    });
  }

  /** The stored UI token while it is still the valid one and this node's key opens it, else null. */
  private async sharedUiToken(): Promise<string | null> {
    const stored = await this.db.getRepository(SettingEntity).findOneBy({ key: SHARED_UI_TOKEN_KEY });
    if (!stored) return null;
    let token: string;
    try {
      token = this.cipher.decrypt(stored.value);
    } catch {
      return null; // another secret key (a data dir that is not shared): this node's own token then
    }
    this.hashes = null;
    return (await this.verify(token)) ? token : null;
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
