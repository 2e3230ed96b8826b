import type { DataSource, Repository } from 'typeorm';
import type { IntegrationKeyDto } from '../../contract/dtos.ts';
import type { AppEvents } from '../core/events.ts';
import { hashToken, newToken, tokenMatches } from '../displays/secrets.ts';
import { SettingEntity, type Setting } from '../storage/entities/setting.ts';

const HASH_KEY = 'integrations.read_key_hash';
const CREATED_KEY = 'integrations.read_key_created_at';

/**
 * The one read-only API key for integrations (Home Assistant, scripts), as TRMNL's BYOS servers offer
 * one: it reads displays' battery, signal and current screen, and changes nothing. Only its hash is
 * kept; it is read from the database on each use, so a new or revoked key counts at once in every process.
 * Creating or revoking announces `content-changed` (settings): the Settings view shows whether one exists.
 */
export class IntegrationKeys {
  private readonly settings: Repository<Setting>;

  constructor(db: DataSource, private readonly events: AppEvents, private readonly now: () => Date) {
    this.settings = db.getRepository(SettingEntity);
  }

  /** A new key (the previous one stops working), returned this once. */
  async create(): Promise<IntegrationKeyDto> {
    const key = `ink_ro_${newToken()}`;
    const createdAt = this.now().toISOString();
    await this.settings.save([{ key: HASH_KEY, value: hashToken(key) }, { key: CREATED_KEY, value: createdAt }]);
    this.events.emit('content-changed', { kind: 'settings' });
    return { configured: true, createdAt, key };
  }

  async revoke(): Promise<IntegrationKeyDto> {
    await this.settings.delete([HASH_KEY, CREATED_KEY]);
    this.events.emit('content-changed', { kind: 'settings' });
    return this.describe();
  }

  async describe(): Promise<IntegrationKeyDto> {
    const created = await this.settings.findOneBy({ key: CREATED_KEY });
    return { configured: created !== null, createdAt: created?.value ?? null };
  }

  async verify(key: string): Promise<boolean> {
    const stored = await this.settings.findOneBy({ key: HASH_KEY });
    return stored !== null && tokenMatches(key, stored.value);
  }
}
